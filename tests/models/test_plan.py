"""The multi-year plan: hand-solvable cases checked by enumeration, the cost split, and the
properties a Kronoberg plan must have whatever the solver finds."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from models.arrays import dataset_from_arrays
from models.dataset import Dataset, load_dataset
from models.errors import InfeasibleError, ResultError, ScenarioError
from models.plan import Plan, run_plan
from models.plan_costs import ANNUALISATION_YEARS, PlanCosts, dataset_plan_costs, plan_costs
from models.run import run_scenario
from models.scenario import Lock, default_scenario
from models.services import DEFAULT_REGISTRY
from tests.models.helpers import INF, one_service

TOLERANCE = 1e-6


def _costs(keep: list[float], operate: list[float], once: list[float]) -> PlanCosts:
    column = [[v] for v in keep], [[v] for v in operate], [[v] for v in once]
    keep_arr, operate_arr, once_arr = (np.array(c, dtype=float) for c in column)
    return PlanCosts(keep_arr, operate_arr, once_arr, np.zeros(keep_arr.shape, dtype=bool))


def _enumerate(
    population: np.ndarray,
    reach: np.ndarray,  # demand × place, within the threshold
    at_risk: list[bool],
    costs: PlanCosts,
    budgets: list[float],
) -> float:
    """The most people-years over every assignment of a start year (or never) to each place,
    counting costs straight from the rules: an at-risk point kept from year 1 costs its keep
    figure; any other start costs operating every year and the one-off in its start year."""
    n_places, years = reach.shape[1], len(budgets)
    best = -1.0
    for starts in itertools.product(range(years + 1), repeat=n_places):  # 0 = never
        feasible, people_years = True, 0.0
        for t in range(1, years + 1):
            spent, active = 0.0, np.zeros(n_places, dtype=bool)
            for j, start in enumerate(starts):
                if start == 0 or start > t:
                    continue
                active[j] = True
                kept = at_risk[j] and start == 1
                operate = (
                    costs.keep_sek_per_year[j, 0] if kept else costs.operate_sek_per_year[j, 0]
                )
                once = 0.0 if kept else costs.establish_once_sek[j, 0]
                spent += operate + (once if start == t else 0.0)
            feasible &= spent <= budgets[t - 1] + TOLERANCE
            people_years += float(population @ (reach[:, active].sum(axis=1) > 0))
        if feasible:
            best = max(best, people_years)
    return best


def _active_sets(plan: Plan) -> list[set[tuple[str, str]]]:
    return [{(a.place_id, a.service) for a in year.active} for year in plan.years]


def test_exact_plan_equals_enumeration_on_random_small_cases() -> None:
    rng = np.random.default_rng(11)
    for _ in range(6):
        n_demand, n_places = 7, 4
        population = rng.integers(10, 200, n_demand).astype(float)
        minutes = rng.uniform(0, 20, (n_demand, n_places))
        minutes[minutes > 12] = INF
        at_risk = [bool(v) for v in rng.random(n_places) < 0.4]
        keep = rng.integers(1, 4, n_places) * 50.0
        operate = keep + rng.integers(0, 3, n_places) * 50.0
        once = rng.integers(0, 5, n_places) * 100.0
        costs = _costs(list(keep), list(operate), list(once))
        budgets = [float(b) for b in rng.integers(2, 9, 3) * 100]
        dataset = dataset_from_arrays(population, minutes, at_risk=[[r] for r in at_risk])
        exact = run_plan(dataset, one_service(), budgets, method="exact", costs=costs)
        nested = run_plan(dataset, one_service(), budgets, method="nested", costs=costs)
        best = _enumerate(population, minutes <= 10, at_risk, costs, budgets)
        assert exact.people_years == pytest.approx(best)
        assert exact.status == "optimal" and exact.gap == 0.0
        assert nested.people_years <= exact.people_years + TOLERANCE
        for plan in (exact, nested):
            assert all(y.cost_sek <= y.budget_sek + TOLERANCE for y in plan.years)


def test_budgets_force_the_order_of_two_places() -> None:
    # P0 reaches 300 people, P1 100; each costs 100 a year, P0 also 200 once.
    # Year 1 (budget 150) cannot pay P0 (300 in its first year): P1 first, P0 in year 2.
    minutes = [[5, INF], [INF, 5]]
    costs = _costs([100, 100], [100, 100], [200, 0])
    dataset = dataset_from_arrays([300, 100], minutes)
    plan = run_plan(dataset, one_service(), [150, 400, 400], method="exact", costs=costs)
    assert [(a.place_id, a.start_year) for a in plan.actions] == [("P1", 1), ("P0", 2)]
    assert [y.cost_sek for y in plan.years] == [100, 400, 200]
    assert [y.covered_for("grocery").scenario for y in plan.years] == [100, 400, 400]
    assert plan.people_years == pytest.approx(900)


def test_a_one_off_cost_waits_for_the_bigger_year() -> None:
    minutes = [[5]]
    costs = _costs([100], [100], [300])
    dataset = dataset_from_arrays([50], minutes)
    plan = run_plan(dataset, one_service(), [150, 150, 450, 150], method="exact", costs=costs)
    assert [a.start_year for a in plan.actions] == [3]
    assert [y.once_sek for y in plan.years] == [0, 0, 300, 0]
    assert [y.operate_sek for y in plan.years] == [0, 0, 100, 100]
    nested = run_plan(dataset, one_service(), [150, 150, 450, 150], method="nested", costs=costs)
    assert [a.start_year for a in nested.actions] == [3]


def test_an_at_risk_point_not_kept_in_year_one_is_established_again() -> None:
    # keeping costs 100 a year, but year 1 has 50: the shop closes and reopens in year 2
    minutes = [[5]]
    costs = _costs([100], [200], [300])
    dataset = dataset_from_arrays([50], minutes, at_risk=[[True]])
    plan = run_plan(dataset, one_service(), [50, 600, 600], method="exact", costs=costs)
    (action,) = plan.actions
    assert (action.action, action.start_year) == ("establish", 2)
    assert (action.operate_sek_per_year, action.establish_once_sek) == (200, 300)
    assert [y.cost_sek for y in plan.years] == [0, 500, 200]
    kept = run_plan(dataset, one_service(), [100, 100, 100], method="exact", costs=costs)
    assert [(a.action, a.start_year) for a in kept.actions] == [("keep", 1)]
    assert [y.cost_sek for y in kept.years] == [100, 100, 100]


def test_money_to_spare_starts_nothing_that_reaches_no_one() -> None:
    minutes = [[5, INF], [5, INF]]  # P1 reaches nobody
    dataset = dataset_from_arrays([10, 20], minutes)
    plan = run_plan(
        dataset, one_service(), [1e9] * 4, method="exact", costs=_costs([1, 1], [1, 1], [5, 5])
    )
    assert [(a.place_id, a.start_year) for a in plan.actions] == [("P0", 1)]


def test_locks_start_in_year_one_or_never() -> None:
    minutes = [[5, INF], [INF, 5]]
    costs = _costs([100, 100], [100, 100], [0, 0])
    dataset = dataset_from_arrays([300, 100], minutes)
    locked = one_service(locks=(Lock("P1", "grocery"), Lock("P0", "grocery", locked_in=False)))
    plan = run_plan(dataset, locked, [500] * 3, method="exact", costs=costs)
    assert [(a.place_id, a.start_year) for a in plan.actions] == [("P1", 1)]
    with pytest.raises(InfeasibleError, match="year 1"):
        run_plan(dataset, locked, [50, 500], method="exact", costs=costs)


def test_plan_refuses_what_it_does_not_model() -> None:
    dataset = dataset_from_arrays([10], [[5]])
    for scenario, budgets in (
        (one_service(colocation_saving_share=0.2), [1.0]),
        (one_service(fairness="maximin"), [1.0]),
        (one_service(), []),
        (one_service(), [1.0, -1.0]),
    ):
        with pytest.raises(ScenarioError):
            run_plan(dataset, scenario, budgets)


def test_plan_round_trips_and_refuses_other_versions() -> None:
    minutes = [[5, INF], [INF, 5]]
    costs = _costs([100, 100], [100, 100], [200, 0])
    plan = run_plan(
        dataset_from_arrays([300, 100], minutes), one_service(), [150, 400], costs=costs
    )
    data = plan.to_dict()
    again = Plan.from_dict(data)
    assert again.to_dict() == data
    assert again.years[1].started == plan.years[1].started
    assert again.years[1].active == plan.years[1].active
    with pytest.raises(ResultError):
        Plan.from_dict({**data, "version": 99})
    with pytest.raises(ResultError):
        Plan.from_dict({**data, "years": [{"year": 1}]})


def test_default_split_follows_the_registry_basis() -> None:
    figures = {
        key: (DEFAULT_REGISTRY.get(key).keep_cost_sek, DEFAULT_REGISTRY.get(key).establish_cost_sek)
        for key in DEFAULT_REGISTRY.keys
    }
    keep = np.array([[figures[k][0] for k in DEFAULT_REGISTRY.keys]])
    establish = np.array([[figures[k][1] for k in DEFAULT_REGISTRY.keys]])
    dataset = dataset_from_arrays(
        [1], [[5]], services=DEFAULT_REGISTRY.keys, keep_cost_sek=keep, establish_cost_sek=establish
    )
    costs = plan_costs(dataset)
    split = {
        key: (costs.operate_sek_per_year[0, c], costs.establish_once_sek[0, c])
        for c, key in enumerate(DEFAULT_REGISTRY.keys)
    }
    assert split["grocery"] == (370_000, 500_000)
    assert split["pharmacy"] == (300_000, 0)
    assert split["fuel"] == split["cash"] == (150_000, 500_000)
    assert split["parcel"] == (40_000, 100_000)
    # the one-year model's yearly figure is recovered: operating + one-off spread over L years
    recovered = costs.operate_sek_per_year + costs.establish_once_sek / ANNUALISATION_YEARS
    assert recovered == pytest.approx(establish)
    assert (costs.keep_sek_per_year == keep).all()


def test_a_data_folder_can_override_the_split(data_copy: Path) -> None:
    table = pd.read_csv(data_copy / "costs.csv", dtype=str)
    first = table.iloc[0]
    table["operate_sek_per_year"] = ""
    table["establish_once_sek"] = ""
    table.loc[0, ["operate_sek_per_year", "establish_once_sek"]] = ["123000", "45000"]
    table.to_csv(data_copy / "costs.csv", index=False)
    dataset = load_dataset(data_copy)
    costs = dataset_plan_costs(dataset)
    j, c = dataset.place_position()[first["place_id"]], dataset.service_index(first["service"])
    assert (costs.operate_sek_per_year[j, c], costs.establish_once_sek[j, c]) == (123_000, 45_000)
    assert costs.overridden.sum() == 1
    rule = plan_costs(dataset)
    others = ~costs.overridden & np.isfinite(rule.operate_sek_per_year)
    assert (costs.operate_sek_per_year[others] == rule.operate_sek_per_year[others]).all()


def _one_year(dataset: Dataset, keep: np.ndarray, establish: np.ndarray, budget: float) -> float:
    """The one-year model's weighted gain over do-nothing with these yearly costs."""
    changed = replace(dataset, keep_cost_sek=keep, establish_cost_sek=establish)
    return run_scenario(
        changed, replace(default_scenario(dataset.registry), budget_sek=budget)
    ).objective


def test_kronoberg_four_years_of_two_million(kronoberg: Dataset) -> None:
    budgets = [2e6] * 4
    plan = run_plan(kronoberg, default_scenario(kronoberg.registry), budgets)
    assert plan.method == "nested"
    assert plan.status == "optimal"
    assert all(y.cost_sek <= y.budget_sek + TOLERANCE for y in plan.years)
    active = _active_sets(plan)
    assert all(a <= b for a, b in itertools.pairwise(active))
    assert plan.people_years == pytest.approx(sum(y.weighted_people for y in plan.years))
    # the model's own objective equals the coverage evaluated afresh from the active sets
    assert plan.objective == pytest.approx(plan.people_years - plan.baseline_people_years, abs=1e-3)
    baseline_per_year = plan.baseline_people_years / len(budgets)
    gains = [y.weighted_people - baseline_per_year for y in plan.years]
    assert all(a <= b + TOLERANCE for a, b in itertools.pairwise(gains))
    costs = dataset_plan_costs(kronoberg)
    # upper bound: a year's active set pays at least its cheapest recurring cost
    cheapest = np.fmin(costs.keep_sek_per_year, costs.operate_sek_per_year)
    at_most = _one_year(kronoberg, cheapest, costs.operate_sek_per_year, budgets[0])
    assert max(gains) <= at_most + 1e-3
    # lower bound: the one-year optimum bought at once (operating + one-off) in year 1 and kept
    at_least = _one_year(
        kronoberg,
        costs.keep_sek_per_year,
        costs.operate_sek_per_year + costs.establish_once_sek,
        budgets[0],
    )
    assert gains[0] >= at_least - 1e-3
    assert plan.people_years - plan.baseline_people_years >= len(budgets) * at_least - 1e-3
