"""From the solver's choice to a Solution: actions with their reasons, coverage against
do-nothing and today, per kommun, uncovered demand, place status and critical points."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from models.candidates import Columns, action_cost
from models.coverage import Coverage, CoverageStructure, evaluate, open_baseline, open_today
from models.criticality import Criticality, criticality, sole_provider_people
from models.dataset import Dataset
from models.places import place_status
from models.scenario import Scenario
from models.solution import BASKET, Action, Covered, KommunResult, Solution, Timings

BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]


def open_after(dataset: Dataset, columns: Columns, chosen: BoolArray) -> BoolArray:
    """place × dataset service: what serves once the chosen columns are funded."""
    opened = open_baseline(dataset).copy()
    for k in np.flatnonzero(chosen):
        opened[columns.place[k], list(columns.services[k])] = True
    return opened


def _reason_figures(
    dataset: Dataset, scenario: Scenario, opened: BoolArray, baseline: Coverage
) -> dict[str, tuple[FloatArray, FloatArray]]:
    """Per service, per place: people only it reaches (hard threshold T_s), and people within
    T_s whom do-nothing leaves not fully covered (with soft coverage: below full value)."""
    people = dataset.demand.population
    figures = {}
    for position, settings in enumerate(scenario.services):
        column = dataset.service_index(settings.service)
        only_here = sole_provider_people(dataset, settings.threshold_min, opened[:, column], people)
        within = dataset.travel.within(settings.threshold_min)
        unserved = people * (baseline.value[:, position] < 1.0)
        gained = np.asarray(within.T @ unserved).ravel()
        figures[settings.service] = (only_here, gained)
    return figures


def build_actions(
    dataset: Dataset,
    columns: Columns,
    chosen: BoolArray,
    figures: Mapping[str, tuple[FloatArray, FloatArray]],
) -> tuple[Action, ...]:
    at_risk = dataset.points_at("at_risk")
    places = dataset.places
    kommun_names = dict(
        zip(dataset.kommun_kod.tolist(), dataset.kommun_names.tolist(), strict=True)
    )
    actions = []
    for k in np.flatnonzero(chosen):
        j = int(columns.place[k])
        for c in columns.services[k]:
            service = dataset.services[c]
            only_here, gained = figures.get(service, (np.zeros(len(places)), np.zeros(len(places))))
            code = str(places.kommun_kod[j])
            actions.append(
                Action(
                    place_id=str(places.ids[j]),
                    place_name=str(places.names[j]),
                    kommun_kod=code,
                    kommun=kommun_names.get(code, code),
                    service=service,
                    action="keep" if at_risk[j, c] else "establish",
                    cost_sek=action_cost(dataset, j, c),
                    people_only_here=float(only_here[j]),
                    people_gained=float(gained[j]),
                )
            )
    return tuple(sorted(actions, key=lambda a: (a.kommun, a.place_name, a.service)))


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


def _uncovered(keys: list[str], run: Coverage) -> dict[str, tuple[int, ...]]:
    return {
        key: tuple(int(i) for i in np.flatnonzero(_values(run, key, position) < 1.0))
        for position, key in enumerate(keys)
    }


def _by_kommun(
    dataset: Dataset, keys: list[str], runs: list[Coverage], actions: tuple[Action, ...]
) -> tuple[KommunResult, ...]:
    people = dataset.demand.population
    return tuple(
        KommunResult(
            kommun_kod=str(code),
            kommun=str(name),
            population=float(people[dataset.demand.kommun_kod == code].sum()),
            covered=_covered(keys, people, dataset.demand.kommun_kod == code, runs),
            cost_sek=sum(a.cost_sek for a in actions if a.kommun_kod == code),
        )
        for code, name in zip(dataset.kommun_kod, dataset.kommun_names, strict=True)
    )


def _critical(dataset: Dataset, scenario: Scenario) -> tuple[Criticality, ...]:
    return tuple(c for c in criticality(dataset, scenario) if c.people_losing > 0)


def summarise(
    dataset: Dataset,
    scenario: Scenario,
    structure: CoverageStructure,
    columns: Columns,
    chosen: BoolArray,
    solver: tuple[str, float | None, float],
    timings: Timings,
    model_size: dict[str, int],
    critical: bool = True,
) -> Solution:
    """``solver`` is (status, gap, objective); ``timings.summary_seconds`` is filled by the
    caller once this returns. ``critical=False`` leaves the critical points out (they depend
    on the data and the thresholds, not on the plan)."""
    opened = open_after(dataset, columns, chosen)
    runs = [evaluate(structure, m) for m in (opened, open_baseline(dataset), open_today(dataset))]
    figures = _reason_figures(dataset, scenario, opened, runs[1])
    actions = build_actions(dataset, columns, chosen, figures)
    keys = [*structure.services, *([BASKET] if structure.basket else [])]
    everyone = np.ones(len(dataset.demand), dtype=bool)
    saving = colocation_saving(dataset, scenario, actions, opened)
    status, gap, objective = solver
    return Solution(
        scenario=scenario,
        status=status,
        gap=gap,
        objective=objective,
        timings=timings,
        actions=actions,
        cost_sek=sum(a.cost_sek for a in actions) - saving,
        saving_sek=saving,
        covered=_covered(keys, dataset.demand.population, everyone, runs),
        by_kommun=_by_kommun(dataset, keys, runs, actions),
        uncovered_demand=_uncovered(keys, runs[0]),
        place_status=place_status(dataset, {a.place_id for a in actions}),
        critical=_critical(dataset, scenario) if critical else (),
        model_size=model_size,
    )
