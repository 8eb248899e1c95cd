"""Analyses around a scenario: criticality of existing points, the nested budget curve, and why
each chosen action is there. All use hard thresholds T_s."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from models.coverage import open_today
from models.dataset import Dataset
from models.run import run_scenario
from models.scenario import Lock, Scenario
from models.solution import Action, Solution

FloatArray = NDArray[np.float64]


def _sole_provider_people(
    dataset: Dataset, threshold_min: float, open_places: NDArray[np.bool_], people: FloatArray
) -> FloatArray:
    """Per place: the people whose only open provider within the threshold is that place."""
    within = dataset.travel.within(threshold_min).astype(np.int32)
    providers = np.asarray(within @ open_places.astype(np.int32)).ravel()
    sole = people * (providers == 1)
    return np.asarray(within.T @ sole).ravel() * open_places


@dataclass(frozen=True)
class Criticality:
    point_id: str
    name: str
    service: str
    place_id: str
    place_name: str
    status: str
    in_region: bool
    people_losing: float  # people with no other point of the service within T_s


def criticality(dataset: Dataset, scenario: Scenario) -> list[Criticality]:
    """For every existing point: the people who lose coverage if it alone closes (ranked)."""
    today = open_today(dataset)
    points = dataset.points
    found: list[Criticality] = []
    for settings in scenario.services:
        column = dataset.service_index(settings.service)
        losing = _sole_provider_people(
            dataset, settings.threshold_min, today[:, column], dataset.demand.population
        )
        of_service = np.flatnonzero(points.service == settings.service)
        per_place = np.bincount(points.place_index[of_service], minlength=len(dataset.places))
        for k in of_service:
            j = int(points.place_index[k])
            found.append(
                Criticality(
                    point_id=str(points.ids[k]),
                    name=str(points.names[k]),
                    service=settings.service,
                    place_id=str(dataset.places.ids[j]),
                    place_name=str(dataset.places.names[j]),
                    status=str(points.status[k]),
                    in_region=bool(dataset.places.in_region[j]),
                    # a second point of the service at the same place keeps everyone covered
                    people_losing=float(losing[j]) if per_place[j] == 1 else 0.0,
                )
            )
    return sorted(found, key=lambda c: (-c.people_losing, c.service, c.name))


@dataclass(frozen=True)
class Reason:
    action: Action
    people_only_it_covers: float
    people_per_msek: float  # people only it covers per million SEK a year


def why_chosen(dataset: Dataset, solution: Solution) -> list[Reason]:
    """For each chosen action: the people no other open place covers for that service."""
    scenario = solution.scenario
    position = dataset.place_position()
    sole: dict[str, FloatArray] = {}
    for settings in scenario.services:
        column = dataset.service_index(settings.service)
        sole[settings.service] = _sole_provider_people(
            dataset,
            settings.threshold_min,
            solution.open_places[:, column],
            dataset.demand.population,
        )
    reasons = []
    for action in solution.actions:
        people = float(sole[action.service][position[action.place_id]])
        per_msek = people / (action.cost_sek / 1e6) if action.cost_sek > 0 else float("inf")
        reasons.append(Reason(action, people, per_msek))
    return reasons


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
    people_only_it_covers: float


@dataclass(frozen=True)
class BudgetCurve:
    steps: tuple[CurveStep, ...]

    def priorities(self, dataset: Dataset) -> list[Priority]:
        """The nested order "fund these first": by budget step, then people per SEK."""
        ranked: list[Priority] = []
        for step in self.steps:
            reasons = {r.action: r for r in why_chosen(dataset, step.solution)}
            for action in step.new_actions:
                ranked.append(
                    Priority(
                        len(ranked) + 1,
                        action,
                        step.budget_sek,
                        reasons[action].people_only_it_covers,
                    )
                )
        return ranked

    def to_dict(self, dataset: Dataset) -> dict[str, Any]:
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
                    "people_only_it_covers": p.people_only_it_covers,
                }
                for p in self.priorities(dataset)
            ],
        }


def budget_curve(
    dataset: Dataset, scenario: Scenario, budgets_sek: list[float], solver: Any = None
) -> BudgetCurve:
    """Coverage at rising budgets, each choice containing the previous one (nested).

    Step n solves the scenario at budget B_n with every action of step n−1 locked in, so the
    list reads as a priority order; nesting can cost a little coverage against solving each
    budget from scratch.
    """
    steps: list[CurveStep] = []
    chosen: tuple[Action, ...] = ()
    for budget in sorted(budgets_sek):
        locks = scenario.locks + tuple(Lock(a.place_id, a.service) for a in chosen)
        solution = run_scenario(dataset, replace(scenario, budget_sek=budget, locks=locks), solver)
        previous = set(chosen)
        reasons = {r.action: r.people_per_msek for r in why_chosen(dataset, solution)}
        new = sorted((a for a in solution.actions if a not in previous), key=lambda a: -reasons[a])
        steps.append(CurveStep(budget, solution, tuple(new)))
        chosen = solution.actions
    return BudgetCurve(tuple(steps))
