"""Coverage first, then least cost: the cheapest plan with the best coverage, and no action
that reaches no one (models/least_cost.py)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

import numpy as np
import pulp
import pytest

from models.arrays import dataset_from_arrays
from models.candidates import build_columns
from models.coverage import coverage_structure, evaluate
from models.dataset import Dataset
from models.optimise import BulkHiGHS
from models.run import run_scenario
from models.scenario import Lock, Scenario, ServiceSettings, default_scenario
from models.solution import Solution
from models.summary import open_after
from tests.models.helpers import INF, one_service, two_services


def _chosen(solution: Solution) -> set[tuple[str, str]]:
    return {(a.place_id, a.service) for a in solution.actions}


def test_of_two_plans_with_equal_coverage_the_cheaper_is_chosen() -> None:
    # A (100 people) reaches P0 and P1, B (50) reaches P1 and P2. Both people can be reached
    # by {P1} for 400 SEK or {P0, P2} for 600 SEK; the budget pays for all three places.
    minutes = [[5, 5, INF], [INF, 5, 5]]
    costs = [[300.0], [400.0], [300.0]]
    dataset = dataset_from_arrays([100, 50], minutes, establish_cost_sek=costs)
    solution = run_scenario(dataset, one_service(budget_sek=1000))
    assert _chosen(solution) == {("P1", "grocery")}
    assert solution.cost_sek == pytest.approx(400)
    assert solution.covered_for("grocery").scenario == pytest.approx(150)
    assert solution.status == "optimal" and solution.gap == 0.0


def test_money_left_over_buys_nothing_that_reaches_no_one_new() -> None:
    # four places reach the same 100 people; one is enough, the budget pays for all four
    dataset = dataset_from_arrays([100], [[5, 5, 5, 5]])
    solution = run_scenario(dataset, one_service(budget_sek=4))
    assert len(solution.actions) == 1
    assert solution.cost_sek == pytest.approx(1)
    assert solution.covered_for("grocery").scenario == pytest.approx(100)


def test_a_service_weighted_zero_is_never_bought() -> None:
    # what the app sends when a service's weight slider is at 0: the service stays listed
    dataset = dataset_from_arrays([100, 80], [[5, INF], [INF, 5]], services=("grocery", "parcel"))
    services = (ServiceSettings("grocery", 10.0, 1.0), ServiceSettings("parcel", 10.0, 0.0))
    scenario = two_services(budget_sek=10, services=services, basket=(), basket_weight=0.0)
    solution = run_scenario(dataset, scenario)
    assert _chosen(solution) == {("P0", "grocery"), ("P1", "grocery")}
    assert solution.cost_sek == pytest.approx(2)


def test_least_cost_equals_brute_force_over_plans_with_the_best_coverage() -> None:
    rng = np.random.default_rng(17)
    demand_xy, place_xy = rng.uniform(0, 30, (25, 2)), rng.uniform(0, 30, (8, 2))
    minutes = np.sqrt(((demand_xy[:, None] - place_xy[None]) ** 2).sum(axis=2))
    population = rng.integers(10, 500, 25).astype(float)
    cost = rng.integers(1, 6, 8).astype(float)
    covers = minutes <= 9.0
    plans = [
        p
        for r in range(9)
        for p in itertools.combinations(range(8), r)
        if cost[list(p)].sum() <= 12
    ]
    reached = [population[covers[:, list(p)].any(axis=1)].sum() for p in plans]
    best = max(reached)
    cheapest = min(cost[list(p)].sum() for p, r in zip(plans, reached, strict=True) if r == best)
    dataset = dataset_from_arrays(
        population, np.where(covers, minutes, INF), establish_cost_sek=cost[:, None]
    )
    solution = run_scenario(dataset, one_service(9.0, budget_sek=12))
    assert solution.objective == pytest.approx(best)
    assert solution.cost_sek == pytest.approx(cheapest)


def test_free_actions_that_add_nothing_are_left_out() -> None:
    # P0 (1 SEK) reaches A and B; P1–P3 cost nothing but reach only A, whom P0 reaches too.
    # Least cost is indifferent to them; the third stage (fewest free actions) is not.
    minutes = [[5.0, 5.0, 5.0, 5.0], [5.0, INF, INF, INF]]
    costs = [[1.0], [0.0], [0.0], [0.0]]
    dataset = dataset_from_arrays([100, 50], minutes, establish_cost_sek=costs)
    solution = run_scenario(dataset, one_service(budget_sek=5))
    assert _chosen(solution) == {("P0", "grocery")}


def test_a_lock_in_stays_even_when_it_reaches_no_one_new() -> None:
    dataset = dataset_from_arrays([100], [[5, 5, 5]])
    scenario = one_service(budget_sek=3, locks=(Lock("P2", "grocery"),))
    assert _chosen(run_scenario(dataset, scenario)) == {("P2", "grocery")}


def test_only_a_colocation_saving_buys_a_service_that_reaches_no_one_new() -> None:
    # the village at P0 (100 people) has a parcel agent in reach at P1 (15 min, secure) but no
    # shop. A shop at P0 costs 100 SEK; a parcel agent there (20 SEK) reaches no one new, but
    # with half of the support back at a place with two services the pair costs 60 SEK net.
    dataset = dataset_from_arrays(
        [100],
        [[5, 15]],
        services=("grocery", "parcel"),
        secure=[[False, False], [False, True]],
        establish_cost_sek=[[100.0, 20.0], [100.0, 20.0]],
    )
    services = (ServiceSettings("grocery", 10.0, 1.0), ServiceSettings("parcel", 20.0, 1.0))
    plain = two_services(budget_sek=1000, services=services, basket=(), basket_weight=0.0)
    assert _chosen(run_scenario(dataset, plain)) == {("P0", "grocery")}
    saving = run_scenario(dataset, replace(plain, colocation_saving_share=0.5))
    assert _chosen(saving) == {("P0", "grocery"), ("P0", "parcel")}
    assert saving.cost_sek == pytest.approx(60)
    parcel = next(a for a in saving.actions if a.service == "parcel")
    assert parcel.people_only_here == 0 and parcel.people_gained == 0


class _NoPlanAfterTheFirstSolve(BulkHiGHS):
    """HiGHS for the coverage solve; every later solve comes back without a plan."""

    def __init__(self) -> None:
        super().__init__(msg=False, gapRel=0.0)
        self.solves = 0

    def actualSolve(self, lp: pulp.LpProblem, **kwargs: Any) -> int:
        self.solves += 1
        if self.solves == 1:
            return int(super().actualSolve(lp, **kwargs))
        lp.solverModel = None
        lp.assignStatus(pulp.LpStatusNotSolved, pulp.LpSolutionNoSolutionFound)
        return int(pulp.LpStatusNotSolved)


def test_without_a_least_cost_plan_the_coverage_plan_stays_and_is_not_called_optimal() -> None:
    dataset = dataset_from_arrays([100], [[5, 5, 5, 5]])
    solver = _NoPlanAfterTheFirstSolve()
    solution = run_scenario(dataset, one_service(budget_sek=4), solver)
    assert solver.solves == 2
    assert solution.covered_for("grocery").scenario == pytest.approx(100)
    assert solution.status == "feasible"
    assert solution.gap == 0.0  # the coverage itself was proven


def _grocery_and_fuel(dataset: Dataset, budget_sek: float) -> Scenario:
    """The issue's case: grocery within 10 minutes, fuel within 15, no basket."""
    services = (ServiceSettings("grocery", 10.0, 1.0), ServiceSettings("fuel", 15.0, 1.0))
    base = default_scenario(dataset.registry)
    return replace(base, budget_sek=budget_sek, services=services, basket=(), basket_weight=0.0)


def _as_the_app_sends_it(dataset: Dataset, budget_sek: float) -> Scenario:
    """The same case from the app: every service listed, the others and the basket at
    weight 0."""
    minutes = {"grocery": 10.0, "fuel": 15.0}
    base = default_scenario(dataset.registry)
    services = tuple(
        ServiceSettings(
            s.service, minutes.get(s.service, s.threshold_min), float(s.service in minutes)
        )
        for s in base.services
    )
    return replace(base, budget_sek=budget_sek, services=services, basket_weight=0.0)


def _everything_open(dataset: Dataset, scenario: Scenario) -> dict[str, float]:
    """People reached with every candidate funded: the most any budget can buy."""
    columns = build_columns(dataset, scenario)
    opened = open_after(dataset, columns, np.ones(len(columns), dtype=bool))
    run = evaluate(coverage_structure(dataset, scenario), opened)
    people = dataset.demand.population
    return {s: float(people @ run.value[:, k]) for k, s in enumerate(scenario.service_names)}


def test_kronoberg_at_30_msek_buys_only_actions_that_reach_someone(kronoberg: Dataset) -> None:
    scenario = _grocery_and_fuel(kronoberg, 30_000_000)
    solution = run_scenario(kronoberg, scenario)
    assert solution.status == "optimal"
    assert solution.actions
    assert all(a.people_gained > 0 or a.people_only_here > 0 for a in solution.actions)
    # hard thresholds, no basket, no lock, no saving: an action is needed only if someone
    # has no other open place within reach, so dropping it would lose them
    assert all(a.people_only_here > 0 for a in solution.actions)
    # the budget does not bind: everyone any place can reach is reached, for less
    most = _everything_open(kronoberg, scenario)
    assert {s: solution.covered_for(s).scenario for s in most} == pytest.approx(most)
    assert solution.cost_sek < scenario.budget_sek


def test_kronoberg_budget_used_stops_growing_once_coverage_does(kronoberg: Dataset) -> None:
    at_30_msek = run_scenario(kronoberg, _as_the_app_sends_it(kronoberg, 30_000_000))
    unlimited = run_scenario(kronoberg, _as_the_app_sends_it(kronoberg, 1e12))
    assert {a.service for a in unlimited.actions} <= {"grocery", "fuel"}
    assert unlimited.cost_sek == pytest.approx(at_30_msek.cost_sek)
    assert [c.scenario for c in unlimited.covered] == pytest.approx(
        [c.scenario for c in at_30_msek.covered]
    )


def test_cbc_and_highs_agree_on_the_least_cost() -> None:
    rng = np.random.default_rng(23)
    minutes = rng.uniform(0, 20, (80, 20))
    dataset = dataset_from_arrays(
        rng.integers(1, 100, 80),
        np.where(minutes < 6, minutes, INF),
        establish_cost_sek=rng.integers(1, 9, (20, 1)) * 10_000.0,
    )
    scenario = one_service(6.0, budget_sek=1e9)
    highs = run_scenario(dataset, scenario)
    cbc = run_scenario(dataset, scenario, pulp.PULP_CBC_CMD(msg=False))
    assert cbc.objective == pytest.approx(highs.objective)
    assert cbc.cost_sek == pytest.approx(highs.cost_sek)
    assert highs.cost_sek < float(dataset.establish_cost_sek.sum())
