"""The nested budget curve and its priority list ("fund these first").

Criticality of existing points lives in models/criticality.py; each action's reasons (people only
it reaches, people gained, per MSEK) are part of the Solution."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from models.dataset import Dataset
from models.errors import InfeasibleError
from models.optimise import default_solver
from models.run import run_scenario
from models.scenario import Lock, Scenario
from models.solution import Action, Solution


@dataclass(frozen=True)
class CurveStep:
    budget_sek: float
    solution: Solution
    new_actions: tuple[Action, ...]  # funded first at this budget, best value first


@dataclass(frozen=True)
class Priority:
    rank: int
    action: Action
    from_budget_sek: float
    people_only_here: float


@dataclass(frozen=True)
class BudgetCurve:
    steps: tuple[CurveStep, ...]

    def priorities(self) -> list[Priority]:
        """The nested order "fund these first": by budget step, then people per SEK."""
        ranked: list[Priority] = []
        for step in self.steps:
            # within a step: most people per SEK first, then by name (a stable, explainable tie)
            ordered = sorted(
                step.new_actions,
                key=lambda a: (-(a.people_per_msek or 0.0), a.place_name, a.service),
            )
            for action in ordered:
                ranked.append(
                    Priority(len(ranked) + 1, action, step.budget_sek, action.people_only_here)
                )
        return ranked

    def to_dict(self) -> dict[str, Any]:
        return {
            "steps": [
                {
                    "budget_sek": s.budget_sek,
                    "cost_sek": s.solution.cost_sek,
                    "status": s.solution.status,
                    "gap": s.solution.gap,
                    "objective": s.solution.objective,
                    "covered": {c.key: c.scenario for c in s.solution.covered},
                }
                for s in self.steps
            ],
            "priorities": [
                {
                    "rank": p.rank,
                    "place_id": p.action.place_id,
                    "place_name": p.action.place_name,
                    "service": p.action.service,
                    "action": p.action.action,
                    "cost_sek": p.action.cost_sek,
                    "from_budget_sek": p.from_budget_sek,
                    "people_only_here": p.people_only_here,
                }
                for p in self.priorities()
            ],
        }


def _with_chosen(locks: tuple[Lock, ...], chosen: tuple[Action, ...]) -> tuple[Lock, ...]:
    """The user's locks, then a lock-in for every action chosen so far that they do not
    already lock (one lock per place and service)."""
    locked = {(lock.place_id, lock.service) for lock in locks}
    return locks + tuple(
        Lock(a.place_id, a.service) for a in chosen if (a.place_id, a.service) not in locked
    )


def _value_for_money(action: Action) -> float:
    """Sort key: most people only it reaches per MSEK first; free actions first of all."""
    per_msek = action.people_per_msek
    return -float("inf") if per_msek is None else -per_msek


def budget_curve(
    dataset: Dataset, scenario: Scenario, budgets_sek: list[float], solver: Any = None
) -> BudgetCurve:
    """Coverage at rising budgets, each choice containing the previous one (nested).

    Step n solves the scenario at budget B_n with every action of step n−1 locked in, so the
    list reads as a priority order; nesting can cost a little coverage against solving each
    budget from scratch. Each step is the cheapest plan with that step's best coverage
    (models/least_cost.py), so once coverage stops rising the cost stops too, and the step
    where it does answers "what does it cost to reach everyone we can?". Budgets below what
    the scenario's own lock-ins cost are left out of the curve (nothing can be planned there).
    """
    last = deque(budget_curve_steps(dataset, scenario, budgets_sek, solver), maxlen=1)
    return last[0][1] if last else BudgetCurve(())


def budget_curve_steps(
    dataset: Dataset, scenario: Scenario, budgets_sek: list[float], solver: Any = None
) -> Iterator[tuple[int, BudgetCurve]]:
    """``budget_curve`` one budget at a time, for a caller that shows progress: after each
    budget, how many are done and the curve so far (the last is ``budget_curve``'s curve). A
    budget below the cost of the lock-ins yields the curve so far unchanged; no budget at all
    paying for them raises that budget's InfeasibleError after the last. Without a solver,
    HiGHS without probing (``default_solver``: the steps' lock-ins made it the bulk of each
    solve)."""
    solver = solver or default_solver(probing=False)
    steps: list[CurveStep] = []
    chosen: tuple[Action, ...] = ()
    too_low: InfeasibleError | None = None
    for done, budget in enumerate(sorted(budgets_sek), start=1):
        step = replace(scenario, budget_sek=budget, locks=_with_chosen(scenario.locks, chosen))
        try:
            solution = run_scenario(dataset, step, solver, critical=False)
        except InfeasibleError as error:
            if steps:
                raise
            too_low = error  # below the cost of the user's own lock-ins
            yield done, BudgetCurve(())
            continue
        previous = set(chosen)
        new = sorted(
            (a for a in solution.actions if a not in previous),
            key=_value_for_money,
        )
        steps.append(CurveStep(budget, solution, tuple(new)))
        chosen = solution.actions
        yield done, BudgetCurve(tuple(steps))
    if not steps and too_low is not None:
        raise too_low  # no budget on the curve pays for the lock-ins
