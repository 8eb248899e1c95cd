"""The covering model on instances small enough to solve by hand."""

from __future__ import annotations

import itertools

import numpy as np
import pulp
import pytest

from models.arrays import dataset_from_arrays
from models.errors import InfeasibleError, ScenarioError
from models.run import run_scenario
from models.scenario import Lock, ServiceSettings
from tests.models.helpers import INF, one_service, two_services


def _chosen(solution) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(a.place_id, a.service) for a in solution.actions}


def test_budget_buys_the_place_covering_most_people() -> None:
    # demand 0 (100 people) reaches P0, demand 1 (300) reaches P1, demand 2 (50) reaches both
    minutes = [[5, INF], [INF, 5], [8, 8]]
    dataset = dataset_from_arrays([100, 300, 50], minutes)
    solution = run_scenario(dataset, one_service(budget_sek=1))
    assert _chosen(solution) == {("P1", "grocery")}
    assert solution.objective == pytest.approx(350)
    assert solution.covered_for("grocery").scenario == pytest.approx(350)
    assert solution.status == "optimal" and solution.gap == 0.0


def test_secure_points_already_cover_and_need_no_money() -> None:
    minutes = [[5, INF], [INF, 5], [8, 8]]
    secure = [[False], [True]]  # P1 has a secure shop
    dataset = dataset_from_arrays([100, 300, 50], minutes, secure=secure)
    solution = run_scenario(dataset, one_service(budget_sek=1))
    assert _chosen(solution) == {("P0", "grocery")}
    covered = solution.covered_for("grocery")
    assert (covered.baseline, covered.scenario) == (pytest.approx(350), pytest.approx(450))


def test_at_risk_point_is_kept_at_the_keep_cost() -> None:
    minutes = [[5, INF], [INF, 5]]
    at_risk = [[True], [False]]
    keep = [[100.0], [100.0]]
    establish = [[500.0], [500.0]]
    dataset = dataset_from_arrays(
        [100, 120], minutes, at_risk=at_risk, keep_cost_sek=keep, establish_cost_sek=establish
    )
    solution = run_scenario(dataset, one_service(budget_sek=400))
    assert [(a.place_id, a.action, a.cost_sek) for a in solution.actions] == [("P0", "keep", 100.0)]
    covered = solution.covered_for("grocery")
    assert (covered.today, covered.baseline, covered.scenario) == (100, 0, 100)


def test_classic_mclp_equals_brute_force() -> None:
    rng = np.random.default_rng(7)
    demand_xy, place_xy = rng.uniform(0, 30, (40, 2)), rng.uniform(0, 30, (11, 2))
    minutes = np.sqrt(((demand_xy[:, None] - place_xy[None]) ** 2).sum(axis=2))
    population = rng.integers(10, 500, 40).astype(float)
    threshold, p = 8.0, 3
    covers = minutes <= threshold
    best = max(
        population[covers[:, list(combo)].any(axis=1)].sum()
        for combo in itertools.combinations(range(11), p)
    )
    dataset = dataset_from_arrays(population, np.where(covers, minutes, INF))
    solution = run_scenario(dataset, one_service(threshold, budget_sek=p))
    assert len(solution.actions) == p
    assert solution.objective == pytest.approx(best)
    assert solution.covered_for("grocery").scenario == pytest.approx(best)


def test_modes_differ_when_the_basket_is_split_between_villages() -> None:
    # P0 has a secure shop, P1 a secure parcel agent; the village at demand 0 reaches both.
    # Complementary: the basket is already complete. Self-sufficient: it needs one place with both.
    minutes = [[5, 6]]
    secure = [[True, False], [False, True]]
    dataset = dataset_from_arrays([200], minutes, services=("grocery", "parcel"), secure=secure)
    complementary = run_scenario(dataset, two_services(budget_sek=1))
    assert complementary.covered_for("basket").today == 200
    assert complementary.actions == ()
    self_sufficient = run_scenario(dataset, two_services(budget_sek=1, mode="self_sufficient"))
    assert self_sufficient.covered_for("basket").today == 0
    assert self_sufficient.covered_for("basket").scenario == 200
    assert len(self_sufficient.actions) == 1


def test_self_sufficient_supports_the_whole_basket_at_one_place() -> None:
    minutes = [[5, INF], [INF, 5]]
    dataset = dataset_from_arrays([100, 90], minutes, services=("grocery", "parcel"))
    solution = run_scenario(dataset, two_services(budget_sek=2, mode="self_sufficient"))
    assert _chosen(solution) == {("P0", "grocery"), ("P0", "parcel")}
    assert solution.cost_sek == 2


def test_fairness_min_share_moves_money_to_the_small_kommun() -> None:
    # kommun A: 1000 people served by a secure shop (P2), 1000 reaching only P0; B: 100 at P1
    minutes = [[INF, INF, 5], [5, INF, INF], [INF, 5, INF]]
    dataset = dataset_from_arrays(
        [1000, 1000, 100],
        minutes,
        secure=[[False], [False], [True]],
        demand_kommun=["A", "A", "B"],
        place_kommun=["A", "B", "A"],
    )
    plain = run_scenario(dataset, one_service(budget_sek=1))
    assert _chosen(plain) == {("P0", "grocery")}
    fair = run_scenario(
        dataset, one_service(budget_sek=1, fairness="min_share", min_kommun_share=0.5)
    )
    assert _chosen(fair) == {("P1", "grocery")}
    with pytest.raises(InfeasibleError):
        run_scenario(dataset, one_service(budget_sek=1, fairness="min_share", min_kommun_share=0.9))


def test_maximin_lifts_the_worst_kommun_then_maximises_coverage() -> None:
    minutes = [[5, INF, INF], [INF, 5, INF], [INF, INF, 5]]
    dataset = dataset_from_arrays(
        [1000, 100, 50], minutes, demand_kommun=["A", "B", "B"], place_kommun=["A", "B", "B"]
    )
    solution = run_scenario(dataset, one_service(budget_sek=2, fairness="maximin"))
    # worst share: A alone covered leaves B at 0; P0 + P1 lifts B to 100/150
    assert _chosen(solution) == {("P0", "grocery"), ("P1", "grocery")}


def test_kommun_budget_cap_is_respected() -> None:
    minutes = [[5, INF, INF], [INF, 5, INF], [INF, INF, 5]]
    dataset = dataset_from_arrays(
        [1000, 900, 10], minutes, place_kommun=["A", "A", "B"], demand_kommun=["A", "A", "B"]
    )
    solution = run_scenario(dataset, one_service(budget_sek=3, kommun_budget_cap_sek=(("A", 1),)))
    assert sum(a.kommun_kod == "A" for a in solution.actions) == 1
    assert _chosen(solution) == {("P0", "grocery"), ("P2", "grocery")}


def test_locks_in_and_out_are_respected() -> None:
    minutes = [[5, INF, INF], [INF, 5, INF], [INF, INF, 5]]
    dataset = dataset_from_arrays([300, 200, 100], minutes)
    locked = one_service(
        budget_sek=2, locks=(Lock("P0", "grocery", False), Lock("P2", "grocery", True))
    )
    assert _chosen(run_scenario(dataset, locked)) == {("P1", "grocery"), ("P2", "grocery")}


def test_locks_costing_more_than_the_budget_are_a_clear_error() -> None:
    dataset = dataset_from_arrays([300, 200], [[5, INF], [INF, 5]])
    scenario = one_service(budget_sek=1, locks=(Lock("P0", "grocery"), Lock("P1", "grocery")))
    with pytest.raises(InfeasibleError) as caught:
        run_scenario(dataset, scenario)
    assert "budget" in caught.value.message_sv and "budget" in caught.value.message_en


def test_colocation_saving_lets_two_services_share_one_place() -> None:
    minutes = [[5]]
    dataset = dataset_from_arrays(
        [100], minutes, services=("grocery", "parcel"), establish_cost_sek=[[100.0, 100.0]]
    )
    without = run_scenario(dataset, two_services(budget_sek=100, basket_weight=0.0))
    assert len(without.actions) == 1
    saving = run_scenario(
        dataset, two_services(budget_sek=100, basket_weight=0.0, colocation_saving_share=0.5)
    )
    assert len(saving.actions) == 2
    assert saving.cost_sek == pytest.approx(100) and saving.saving_sek == pytest.approx(100)


def test_soft_coverage_decays_linearly_in_four_steps() -> None:
    # thresholds τ = 10, 12.5, 15, 17.5 (soft limit 20): a trip of 14 min is within two of four
    dataset = dataset_from_arrays([100], [[14.0]])
    soft = one_service(
        budget_sek=1, services=(ServiceSettings("grocery", 10.0, 1.0, soft_limit_min=20.0),)
    )
    solution = run_scenario(dataset, soft)
    assert solution.covered_for("grocery").scenario == pytest.approx(50.0)
    assert solution.objective == pytest.approx(50.0)


def test_elderly_weight_counts_people_aged_70_plus_more() -> None:
    minutes = [[5, INF], [INF, 5]]
    dataset = dataset_from_arrays([100, 90], minutes, population_70plus=[10, 60])
    plain = run_scenario(dataset, one_service(budget_sek=1))
    assert _chosen(plain) == {("P0", "grocery")}
    weighted = run_scenario(dataset, one_service(budget_sek=1, elderly_weight=1.0))
    assert _chosen(weighted) == {("P1", "grocery")}
    assert weighted.objective == pytest.approx(150)


def test_candidate_kommuner_limit_the_choice() -> None:
    minutes = [[5, INF], [INF, 5]]
    dataset = dataset_from_arrays([1000, 10], minutes, place_kommun=["A", "B"])
    solution = run_scenario(dataset, one_service(budget_sek=1, candidate_kommuner=("B",)))
    assert _chosen(solution) == {("P1", "grocery")}


@pytest.mark.parametrize(
    ("values", "phrase"),
    [
        ({"budget_sek": -1.0}, "negativ"),
        ({"services": (ServiceSettings("bakery", 10.0),)}, "bakery"),
        ({"locks": (Lock("NOWHERE", "grocery"),)}, "NOWHERE"),
        ({"mode": "island"}, "island"),
        ({"elderly_weight": 1.0}, "70+"),
    ],
)
def test_invalid_scenarios_raise_one_domain_error(values, phrase) -> None:  # type: ignore[no-untyped-def]
    dataset = dataset_from_arrays([100], [[5]])
    with pytest.raises(ScenarioError) as caught:
        run_scenario(dataset, one_service(**values))
    assert phrase in caught.value.message_sv


def test_cbc_and_highs_agree_when_the_solver_is_passed_in() -> None:
    rng = np.random.default_rng(3)
    minutes = rng.uniform(0, 20, (60, 15))
    dataset = dataset_from_arrays(rng.integers(1, 100, 60), np.where(minutes < 7, minutes, INF))
    highs = run_scenario(dataset, one_service(7.0, budget_sek=4))
    cbc = run_scenario(dataset, one_service(7.0, budget_sek=4), pulp.PULP_CBC_CMD(msg=False))
    assert cbc.objective == pytest.approx(highs.objective)
    assert cbc.status == "optimal"


def test_a_time_limit_is_reported_as_such_never_as_optimal() -> None:
    from models.errors import SolverError
    from models.optimise import default_solver

    rng = np.random.default_rng(11)
    minutes = rng.uniform(0, 40, (1500, 300))
    dataset = dataset_from_arrays(rng.integers(1, 1000, 1500), np.where(minutes < 6, minutes, INF))
    try:
        solution = run_scenario(dataset, one_service(6.0, budget_sek=25), default_solver(0.001))
    except SolverError as error:  # stopped before any solution: said so, in both languages
        assert "lösning" in error.message_sv and "solution" in error.message_en
        return
    assert solution.status == "time_limit"
    assert solution.gap is None or solution.gap > 0


def test_fairness_applies_to_the_filtered_kommuner_only() -> None:
    # kommun B cannot be served at all; filtered to A, a 50 % floor is still reachable
    minutes = [[5, INF], [INF, INF]]
    dataset = dataset_from_arrays(
        [100, 100], minutes, demand_kommun=["A", "B"], place_kommun=["A", "B"]
    )
    floor = {"fairness": "min_share", "min_kommun_share": 0.5, "budget_sek": 1}
    with pytest.raises(InfeasibleError):
        run_scenario(dataset, one_service(**floor))
    solution = run_scenario(dataset, one_service(candidate_kommuner=("A",), **floor))
    assert _chosen(solution) == {("P0", "grocery")}


def _highs_model(problem: pulp.LpProblem, solver: pulp.LpSolver) -> dict[str, object]:
    """What HiGHS was handed: columns, rows, matrix and integrality, as plain lists."""
    problem.solve(solver)
    lp = problem.solverModel.getLp()
    matrix = lp.a_matrix_
    return {
        "sense": problem.solverModel.getObjectiveSense(),
        "cost": list(lp.col_cost_),
        "col_lower": list(lp.col_lower_),
        "col_upper": list(lp.col_upper_),
        "row_lower": list(lp.row_lower_),
        "row_upper": list(lp.row_upper_),
        "start": list(matrix.start_),
        "index": list(matrix.index_),
        "value": list(matrix.value_),
        "integrality": [str(kind) for kind in lp.integrality_],
        "objective": pulp.value(problem.objective),
        "values": [v.varValue for v in problem.variables()],
    }


def _mixed_problem() -> pulp.LpProblem:
    """Every kind of bound, row sense and category PuLP can hand over, plus a zero coefficient."""
    problem = pulp.LpProblem("mixed", pulp.LpMaximize)
    x = [problem.add_variable(f"x{k}", cat=pulp.LpBinary) for k in range(3)]
    n = problem.add_variable("n", lowBound=-2, upBound=7, cat=pulp.LpInteger)
    free = problem.add_variable("free")
    y = problem.add_variable("y", lowBound=0, upBound=1)
    problem += 3 * x[0] + 2 * x[1] + 4 * x[2] + n + 5 * y - 0.5 * free + 1.0
    problem += y <= x[0] + x[1]
    problem += x[0] + x[1] + x[2] <= 2
    problem += n + free >= -3
    problem += free - n == 1
    problem += 0 * x[2] + y >= 0
    return problem


def test_bulk_transfer_hands_highs_exactly_what_pulp_would() -> None:
    from models.optimise import BulkHiGHS

    options = {"msg": False, "gapRel": 0.0, "timeLimit": 10.0}
    plain = _highs_model(_mixed_problem(), pulp.HiGHS(**options))
    bulk = _highs_model(_mixed_problem(), BulkHiGHS(**options))
    assert bulk == plain
    # x0, x2 and y at 1; n at 7 with free = n + 1 = 8; plus the constant 1
    assert plain["objective"] == pytest.approx(3 + 4 + 5 + 7 - 0.5 * 8 + 1)


def test_default_solver_and_plain_pulp_highs_agree_on_every_model_part() -> None:
    # basket, fairness (two solves), a kommun cap and a co-location saving: every row kind
    rng = np.random.default_rng(5)
    minutes = rng.uniform(0, 20, (40, 12))
    dataset = dataset_from_arrays(
        rng.integers(1, 100, 40),
        np.where(minutes < 9, minutes, INF),
        services=("grocery", "parcel"),
        secure=rng.random((12, 2)) < 0.15,
        demand_kommun=np.where(np.arange(40) < 20, "A", "B"),
        place_kommun=np.where(np.arange(12) < 6, "A", "B"),
    )
    scenario = two_services(
        budget_sek=5,
        fairness="maximin",
        kommun_budget_cap_sek=(("A", 3.0),),
        colocation_saving_share=0.2,
    )
    plain = run_scenario(dataset, scenario, pulp.HiGHS(msg=False, gapRel=0.0))
    bulk = run_scenario(dataset, scenario)
    assert bulk.objective == pytest.approx(plain.objective)
    assert _chosen(bulk) == _chosen(plain)
    assert bulk.status == plain.status == "optimal"
