"""A scenario's result: chosen actions, coverage against do-nothing and today, per kommun."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from models.candidates import Columns, action_cost
from models.coverage import Coverage, CoverageStructure, evaluate, open_baseline, open_today
from models.dataset import Dataset
from models.optimise import SolverReport
from models.scenario import Scenario

BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]
BASKET = "basket"


@dataclass(frozen=True)
class Action:
    place_id: str
    place_name: str
    kommun_kod: str
    service: str
    action: str  # "keep" an at-risk point, or "establish" a new one
    cost_sek: float


@dataclass(frozen=True)
class Covered:
    """People covered for one service (or the basket): scenario, do-nothing and today."""

    key: str
    population: float
    scenario: float
    baseline: float
    today: float

    @property
    def share(self) -> float:
        return self.scenario / self.population if self.population else 0.0

    @property
    def gain_vs_baseline(self) -> float:
        return self.scenario - self.baseline

    @property
    def change_vs_today(self) -> float:
        return self.scenario - self.today


@dataclass(frozen=True)
class KommunResult:
    kommun_kod: str
    kommun: str
    population: float
    covered: tuple[Covered, ...]
    cost_sek: float


@dataclass(frozen=True, eq=False)
class Solution:
    scenario: Scenario
    status: str
    gap: float | None
    objective: float
    solve_seconds: float
    build_seconds: float
    actions: tuple[Action, ...]
    cost_sek: float  # after any co-location saving
    saving_sek: float
    covered: tuple[Covered, ...]
    by_kommun: tuple[KommunResult, ...]
    open_places: BoolArray  # place × dataset service, after the scenario
    demand_value: FloatArray  # demand × scenario service, coverage 0…1
    demand_basket: FloatArray | None
    model_size: dict[str, int]

    def covered_for(self, key: str) -> Covered:
        return next(c for c in self.covered if c.key == key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario.to_dict(),
            "status": self.status,
            "gap": self.gap,
            "objective": self.objective,
            "solve_seconds": round(self.solve_seconds, 4),
            "build_seconds": round(self.build_seconds, 4),
            "cost_sek": self.cost_sek,
            "saving_sek": self.saving_sek,
            "actions": [asdict(a) for a in self.actions],
            "covered": [_covered_dict(c) for c in self.covered],
            "by_kommun": [
                {**asdict(k), "covered": [_covered_dict(c) for c in k.covered]}
                for k in self.by_kommun
            ],
            "model_size": self.model_size,
        }


def _covered_dict(covered: Covered) -> dict[str, Any]:
    return {**asdict(covered), "share": covered.share}


def build_actions(dataset: Dataset, columns: Columns, chosen: BoolArray) -> tuple[Action, ...]:
    at_risk = dataset.points_at("at_risk")
    places = dataset.places
    actions = []
    for k in np.flatnonzero(chosen):
        j = int(columns.place[k])
        for c in columns.services[k]:
            actions.append(
                Action(
                    place_id=str(places.ids[j]),
                    place_name=str(places.names[j]),
                    kommun_kod=str(places.kommun_kod[j]),
                    service=dataset.services[c],
                    action="keep" if at_risk[j, c] else "establish",
                    cost_sek=action_cost(dataset, j, c),
                )
            )
    return tuple(sorted(actions, key=lambda a: (a.kommun_kod, a.place_name, a.service)))


def open_after(dataset: Dataset, columns: Columns, chosen: BoolArray) -> BoolArray:
    opened = open_baseline(dataset).copy()
    for k in np.flatnonzero(chosen):
        opened[columns.place[k], list(columns.services[k])] = True
    return opened


def colocation_saving(
    dataset: Dataset, scenario: Scenario, actions: tuple[Action, ...], opened: BoolArray
) -> float:
    """σ × the support at each place that ends up offering two or more of the services."""
    if scenario.colocation_saving_share <= 0:
        return 0.0
    columns = [dataset.service_index(s) for s in scenario.service_names]
    position = dataset.place_position()
    service_point = opened[:, columns].sum(axis=1) >= 2
    supported = sum(a.cost_sek for a in actions if service_point[position[a.place_id]])
    return scenario.colocation_saving_share * supported


def _values(run: Coverage, key: str, position: int) -> FloatArray:
    if key != BASKET:
        return run.value[:, position]
    assert run.basket is not None  # the key exists only when a basket does
    return run.basket


def _covered(
    keys: list[str], people: FloatArray, mask: BoolArray, runs: list[Coverage]
) -> tuple[Covered, ...]:
    population = float(people[mask].sum())
    result = []
    for position, key in enumerate(keys):
        values = [float(people[mask] @ _values(run, key, position)[mask]) for run in runs]
        result.append(Covered(key, population, *values))
    return tuple(result)


def summarise(
    dataset: Dataset,
    scenario: Scenario,
    structure: CoverageStructure,
    columns: Columns,
    chosen: BoolArray,
    report: SolverReport,
    build_seconds: float,
    model_size: dict[str, int],
) -> Solution:
    actions = build_actions(dataset, columns, chosen)
    opened = open_after(dataset, columns, chosen)
    runs = [evaluate(structure, m) for m in (opened, open_baseline(dataset), open_today(dataset))]
    keys = [*structure.services, *([BASKET] if structure.basket else [])]
    people = dataset.demand.population
    everyone = np.ones(len(people), dtype=bool)
    by_kommun = tuple(
        KommunResult(
            kommun_kod=str(code),
            kommun=str(name),
            population=float(people[dataset.demand.kommun_kod == code].sum()),
            covered=_covered(keys, people, dataset.demand.kommun_kod == code, runs),
            cost_sek=sum(a.cost_sek for a in actions if a.kommun_kod == code),
        )
        for code, name in zip(dataset.kommun_kod, dataset.kommun_names, strict=True)
    )
    saving = colocation_saving(dataset, scenario, actions, opened)
    return Solution(
        scenario=scenario,
        status=report.status,
        gap=report.gap,
        objective=report.objective,
        solve_seconds=report.seconds,
        build_seconds=build_seconds,
        actions=actions,
        cost_sek=sum(a.cost_sek for a in actions) - saving,
        saving_sek=saving,
        covered=_covered(keys, people, everyone, runs),
        by_kommun=by_kommun,
        open_places=opened,
        demand_value=runs[0].value,
        demand_basket=runs[0].basket,
        model_size=model_size,
    )
