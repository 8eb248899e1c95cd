"""What a handlingsplan shows for one kommun, computed from the model (no words, no formats).

``plan_facts`` solves the scenario (or takes the caller's solution), runs the four-year plan
at the scenario's budget every year (``models/plan.py run_plan``, method "nested"), solves the
same scenario in the other mode (complementary ↔ self-sufficient) and judges support-scheme
eligibility for each of the kommun's actions (``models/eligibility.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from models.dataset import Dataset
from models.eligibility import Eligibility, action_eligibility
from models.errors import ServicekartanError
from models.plan import DEFAULT_YEARS, Method, Plan, PlanAction, run_plan
from models.run import run_scenario
from models.scenario import Mode, Scenario
from models.solution import Action, KommunResult, Solution

PLAN_METHOD: Method = "nested"


@dataclass(frozen=True)
class PlannedAction:
    """One of the kommun's actions in the one-year solution, with its place in the plan."""

    rank: int  # 1 = first priority
    action: Action
    start_year: int | None  # None: the four-year plan does not start it
    eligibility: tuple[Eligibility, ...]


@dataclass(frozen=True)
class PlanFacts:
    kommun_kod: str
    kommun: str
    scenario: Scenario
    solution: Solution
    other: Solution  # the same scenario in the other mode
    plan: Plan | None  # None when the plan cannot be made (``plan_problem`` says why)
    plan_problem: tuple[str, str]  # (sv, en); empty when the plan was made as asked
    plan_changes: tuple[str, ...]  # settings the plan leaves out: "colocation", "maximin"
    actions: tuple[PlannedAction, ...]  # the kommun's, in priority order
    plan_actions: tuple[PlanAction, ...]  # the kommun's plan starts, by year

    @property
    def here(self) -> KommunResult | None:
        return self.solution.kommun(self.kommun_kod)

    @property
    def other_here(self) -> KommunResult | None:
        return self.other.kommun(self.kommun_kod)

    @property
    def cost_sek(self) -> float:
        return sum(a.action.cost_sek for a in self.actions)


def other_mode(scenario: Scenario) -> Scenario:
    """The same scenario in the other mode."""
    mode: Mode = "self_sufficient" if scenario.mode == "complementary" else "complementary"
    return replace(scenario, mode=mode)


def plan_scenario(scenario: Scenario) -> tuple[Scenario, tuple[str, ...]]:
    """The scenario as the plan can take it: without the co-location saving and maximin
    fairness (models/plan.py leaves both out), and which of them were dropped."""
    dropped = []
    if scenario.colocation_saving_share > 0:
        dropped.append("colocation")
        scenario = replace(scenario, colocation_saving_share=0.0)
    if scenario.fairness == "maximin":
        dropped.append("maximin")
        scenario = replace(scenario, fairness="none")
    return scenario, tuple(dropped)


def start_key(place_id: str, service: str) -> tuple[str, str]:
    return place_id, service


def _priority(action: Action, start: int | None) -> tuple[int, float, str, str]:
    """Earlier start first, then more people reached per MSEK (free actions first)."""
    per_msek = action.people_per_msek
    value = float("inf") if per_msek is None else per_msek
    return (start or 1_000, -value, action.place_name, action.service)


def plan_facts(
    dataset: Dataset,
    scenario: Scenario,
    kommun_kod: str,
    kommun: str,
    solution: Solution | None = None,
) -> PlanFacts:
    """The handlingsplan's figures for the kommun ``kommun_kod`` (its name ``kommun``)."""
    solved = solution if solution is not None else run_scenario(dataset, scenario)
    other = run_scenario(dataset, other_mode(solved.scenario))
    for_plan, dropped = plan_scenario(solved.scenario)
    plan: Plan | None = None
    problem: tuple[str, str] = ("", "")
    try:
        plan = run_plan(
            dataset, for_plan, [for_plan.budget_sek] * DEFAULT_YEARS, method=PLAN_METHOD
        )
    except ServicekartanError as error:
        problem = (error.message_sv, error.message_en)
    starts = {
        start_key(a.place_id, a.service): a.start_year for a in (plan.actions if plan else ())
    }
    mine = [a for a in solved.actions if a.kommun_kod == kommun_kod]
    ordered = sorted(mine, key=lambda a: _priority(a, starts.get(start_key(a.place_id, a.service))))
    actions = tuple(
        PlannedAction(
            rank,
            action,
            starts.get(start_key(action.place_id, action.service)),
            action_eligibility(dataset, solved, action),
        )
        for rank, action in enumerate(ordered, start=1)
    )
    plan_actions = tuple(a for a in (plan.actions if plan else ()) if a.kommun_kod == kommun_kod)
    return PlanFacts(
        kommun_kod,
        kommun,
        solved.scenario,
        solved,
        other,
        plan,
        problem,
        dropped,
        actions,
        plan_actions,
    )
