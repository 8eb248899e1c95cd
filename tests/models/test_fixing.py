"""Reduced-cost fixing between solve stages (models/fixing.py): never cuts a plan with the best
coverage, fixes most of Kronoberg's columns, and leaves every result as it was."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pulp
import pytest

from models import fixing, least_cost
from models.arrays import dataset_from_arrays
from models.candidates import build_columns
from models.coverage import coverage_structure
from models.dataset import Dataset, load_dataset
from models.fixing import Fixed, fix_columns, lower_bounds
from models.formulation import build_formulation
from models.lp_arrays import problem_arrays
from models.optimise import build_model, default_solver
from models.run import run_scenario
from models.scenario import Scenario, default_scenario
from tests.models.helpers import INF, one_service

KRONOBERG = Path(__file__).resolve().parents[2] / "data" / "kronoberg"


def _built(dataset: Dataset, scenario: Scenario) -> tuple[Any, Any]:
    structure = coverage_structure(dataset, scenario)
    columns = build_columns(dataset, scenario)
    formulation = build_formulation(dataset, scenario, structure, columns)
    model, _ = build_model(formulation, dataset, scenario)
    model.problem.setObjective(pulp.LpAffineExpression(model.objective))
    return model, formulation


def _random_instance(seed: int) -> tuple[Dataset, Scenario, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    demand_xy, place_xy = rng.uniform(0, 30, (20, 2)), rng.uniform(0, 30, (8, 2))
    minutes = np.sqrt(((demand_xy[:, None] - place_xy[None]) ** 2).sum(axis=2))
    population = rng.integers(10, 500, 20).astype(float)
    cost = rng.integers(1, 6, 8).astype(float)
    covers = minutes <= 9.0
    dataset = dataset_from_arrays(
        population, np.where(covers, minutes, INF), establish_cost_sek=cost[:, None]
    )
    return dataset, one_service(9.0, budget_sek=10), covers, population, cost


@pytest.mark.parametrize("seed", range(12))
def test_no_plan_with_the_best_coverage_is_cut(seed: int) -> None:
    dataset, scenario, covers, population, cost = _random_instance(seed)
    plans = [
        set(p)
        for r in range(9)
        for p in itertools.combinations(range(8), r)
        if cost[list(p)].sum() <= scenario.budget_sek
    ]
    reached = [population[covers[:, sorted(p)].any(axis=1)].sum() for p in plans]
    best_plans = [p for p, r in zip(plans, reached, strict=True) if r == max(reached)]
    model, formulation = _built(dataset, scenario)
    fixed = fix_columns(model.problem, model.x, max(reached) - 1e-6)
    assert fixed.at_zero or fixed.at_one  # each of these instances has columns to fix
    place_of = [int(formulation.columns.place[k]) for k in range(len(model.x))]
    for plan in best_plans:
        assert not {place_of[k] for k in fixed.at_zero} & plan
        assert {place_of[k] for k in fixed.at_one} <= plan


def test_the_bound_holds_for_any_row_multipliers_not_only_the_optimal_ones() -> None:
    # the bound is summed from the problem's arrays, so wrong or noisy duals weaken it and
    # never make it cut a plan: every plan's objective stays at or above it
    dataset, scenario, covers, population, cost = _random_instance(3)
    model, _ = _built(dataset, scenario)
    arrays = problem_arrays(model.problem)
    rng = np.random.default_rng(5)
    plans = [p for r in range(4) for p in itertools.combinations(range(8), r)]
    affordable = [p for p in plans if cost[list(p)].sum() <= scenario.budget_sek]
    for _ in range(20):
        bound, _, _ = lower_bounds(arrays, rng.normal(0, 300, arrays.matrix.shape[0]))
        for plan in affordable:
            reached = population[covers[:, list(plan)].any(axis=1)].sum()
            assert -reached >= bound - 1e-6  # the problem is stored negated: min −coverage


def test_most_of_kronobergs_columns_are_fixed_after_the_coverage_solve() -> None:
    dataset = load_dataset(KRONOBERG)
    scenario = replace(default_scenario(dataset.registry), budget_sek=1_000_000)
    model, _ = _built(dataset, scenario)
    model.problem.solve(default_solver())
    best = float(pulp.value(model.problem.objective))
    fixed = fix_columns(model.problem, model.x, best - 1e-3)
    free = sum(1 for x in model.x if x.lowBound != x.upBound)
    assert len(fixed.at_zero) + len(fixed.at_one) > 100
    assert free < len(model.x) / 3
    chosen = [x for x in model.x if (x.value() or 0) > 0.5]
    assert all(x.upBound == 1 for x in chosen)  # the plan found is still allowed


@pytest.mark.parametrize(
    "change",
    [
        {"budget_sek": 500_000},
        {"budget_sek": 4_500_000, "mode": "self_sufficient"},
        {"colocation_saving_share": 0.2},
        {"fairness": "min_share", "min_kommun_share": 0.5},
    ],
)
def test_kronoberg_plans_are_the_same_with_and_without_fixing(
    change: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = load_dataset(KRONOBERG)
    scenario = replace(default_scenario(dataset.registry), **change)
    fixed = run_scenario(dataset, scenario)
    monkeypatch.setattr(least_cost, "fix_columns", lambda *_: Fixed((), ()))
    plain = run_scenario(dataset, scenario)
    assert fixed.objective == pytest.approx(plain.objective, rel=1e-9)
    assert fixed.cost_sek == pytest.approx(plain.cost_sek, abs=1.0)
    assert len(fixed.actions) == len(plain.actions)
    assert fixed.status == plain.status == "optimal"


def test_duals_with_a_nan_fix_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # a NaN would count as 0 in the sums and could make the bound wrong (found in review)
    dataset, scenario, *_ = _random_instance(3)
    solved, _ = _built(dataset, scenario)
    solved.problem.solve(default_solver())
    floor = float(pulp.value(solved.problem.objective)) - 1e-6
    duals = fixing._relaxation_duals(problem_arrays(solved.problem))
    assert duals is not None
    monkeypatch.setattr(fixing, "_relaxation_duals", lambda _: duals)
    with_duals, _ = _built(dataset, scenario)
    assert fix_columns(with_duals.problem, with_duals.x, floor) != Fixed((), ())
    duals[0] = np.nan
    with_nan, _ = _built(dataset, scenario)
    assert fix_columns(with_nan.problem, with_nan.x, floor) == Fixed((), ())


def test_an_objective_constant_moves_the_floor_with_it() -> None:
    dataset, scenario, *_ = _random_instance(6)
    plain, _ = _built(dataset, scenario)
    shifted, _ = _built(dataset, scenario)
    terms = list(shifted.problem.objective.items())
    shifted.problem.setObjective(pulp.LpAffineExpression(terms, constant=1000.0))
    plain.problem.solve(default_solver())
    best = float(pulp.value(plain.problem.objective))
    expected = fix_columns(plain.problem, plain.x, best - 1e-6)
    assert expected.at_zero or expected.at_one
    assert fix_columns(shifted.problem, shifted.x, best + 1000.0 - 1e-6) == expected
