"""The model on the embedded Kronoberg data: consistency of the reduced model, modes, analyses."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from models.analysis import budget_curve
from models.criticality import criticality
from models.dataset import Dataset
from models.optimise import default_solver
from models.run import run_scenario
from models.scenario import Scenario
from models.solution import Solution


def _objective_from_coverage(solution: Solution) -> float:
    """Σ_s w_s (covered − already covered) + w_B (basket − already): what the MIP maximises."""
    scenario = solution.scenario
    total = sum(
        s.weight
        * (solution.covered_for(s.service).scenario - solution.covered_for(s.service).baseline)
        for s in scenario.services
    )
    basket = solution.covered_for("basket")
    return total + scenario.basket_weight * (basket.scenario - basket.baseline)


@pytest.mark.parametrize(
    "scenario",
    [
        Scenario(),
        Scenario(mode="self_sufficient"),
        Scenario(max_share_min=10.0, budget_sek=1_000_000),
        Scenario(colocation_saving_share=0.2),
    ],
    ids=["complementary", "self_sufficient", "sharing_limit", "colocation"],
)
def test_reduced_model_objective_equals_evaluated_coverage(
    kronoberg: Dataset, scenario: Scenario
) -> None:
    solution = run_scenario(kronoberg, scenario)
    assert solution.status == "optimal"
    assert solution.gap == pytest.approx(0.0, abs=1e-6)
    assert solution.objective == pytest.approx(_objective_from_coverage(solution), rel=1e-6)
    assert solution.cost_sek <= scenario.budget_sek + 1e-6
    assert solution.model_size["demand_groups"] < solution.model_size["demand_points"]


def test_coverage_never_falls_below_doing_nothing(kronoberg: Dataset) -> None:
    solution = run_scenario(kronoberg, Scenario())
    for covered in solution.covered:
        assert covered.baseline <= covered.scenario + 1e-6
        assert covered.scenario <= covered.population
    total = {c.key: c.scenario for c in solution.covered}
    summed = {
        c.key: sum(k.covered[i].scenario for k in solution.by_kommun)
        for i, c in enumerate(solution.covered)
    }
    assert summed == pytest.approx(total)


def test_modes_give_different_baskets_on_real_data(kronoberg: Dataset) -> None:
    complementary = run_scenario(kronoberg, Scenario())
    self_sufficient = run_scenario(kronoberg, Scenario(mode="self_sufficient"))
    # complementary places count baskets shared between villages; self-sufficient cannot
    assert complementary.covered_for("basket").today > self_sufficient.covered_for("basket").today


def test_sharing_limit_only_removes_baskets(kronoberg: Dataset) -> None:
    free = run_scenario(kronoberg, Scenario(budget_sek=0))
    limited = run_scenario(kronoberg, Scenario(budget_sek=0, max_share_min=5.0))
    assert limited.covered_for("basket").today < free.covered_for("basket").today


def test_criticality_ranks_points_by_people_left_without(kronoberg: Dataset) -> None:
    ranked = criticality(kronoberg, Scenario())
    losing = [c.people_losing for c in ranked]
    assert losing == sorted(losing, reverse=True)
    assert len(ranked) == len(kronoberg.points)
    top_grocery = next(c for c in ranked if c.service == "grocery")
    assert top_grocery.people_losing > 0
    # closing that one shop must uncover exactly that many people
    today = run_scenario(kronoberg, replace(Scenario(), budget_sek=0))
    assert today.covered_for("grocery").today - top_grocery.people_losing >= 0


def test_each_action_says_whom_only_it_reaches(kronoberg: Dataset) -> None:
    solution = run_scenario(kronoberg, Scenario())
    reasons = solution.actions
    assert all(a.people_only_here >= 0 for a in reasons)
    assert any(a.people_only_here > 0 for a in reasons)
    assert all(
        a.people_gained >= a.people_only_here - 1e-6 for a in reasons if a.action == "establish"
    )
    for action in reasons:
        assert action.people_per_msek == pytest.approx(
            action.people_only_here / (action.cost_sek / 1e6)
        )


def test_budget_curve_is_nested_and_monotone(kronoberg: Dataset) -> None:
    budgets = [0.0, 500_000.0, 1_000_000.0, 2_000_000.0, 3_000_000.0]
    curve = budget_curve(kronoberg, Scenario(), budgets)
    objectives = [s.solution.objective for s in curve.steps]
    assert objectives == sorted(objectives)
    for previous, current in zip(curve.steps, curve.steps[1:], strict=False):
        assert set(previous.solution.actions) <= set(current.solution.actions)
        assert current.solution.cost_sek <= current.budget_sek + 1e-6
    priorities = curve.priorities()
    assert [p.rank for p in priorities] == list(range(1, len(priorities) + 1))
    assert len(priorities) == len(curve.steps[-1].solution.actions)
    assert np.all(np.diff([p.from_budget_sek for p in priorities]) >= 0)
    # a step skips the critical points (the same for every plan) and nothing else
    whole = run_scenario(kronoberg, curve.steps[1].solution.scenario, default_solver(probing=False))
    assert curve.steps[1].solution.critical == () and whole.critical
    assert whole.actions == curve.steps[1].solution.actions
    assert whole.covered == curve.steps[1].solution.covered


def test_budget_curve_keeps_the_users_lock_ins(kronoberg: Dataset) -> None:
    from models.scenario import Lock

    locked = replace(Scenario(), locks=(Lock("0764TB102", "fuel", True),))
    curve = budget_curve(kronoberg, locked, [0.0, 500_000.0, 1_000_000.0])
    assert [s.budget_sek for s in curve.steps] == [500_000.0, 1_000_000.0]  # 0 SEK is too little
    for step in curve.steps:
        assert any(a.place_id == "0764TB102" and a.service == "fuel" for a in step.solution.actions)


def test_the_curve_without_probing_gives_the_points_of_the_default_solver(
    kronoberg: Dataset,
) -> None:
    """The curve switches HiGHS's probing off (models/optimise.py): only its time may differ."""
    import highspy

    from models.optimise import PROBING_RULE, default_solver

    highs = highspy.Highs()  # type: ignore[no-untyped-call]
    without = default_solver(probing=False)
    if (highs.versionMajor(), highs.versionMinor()) == (1, 16):
        assert without.optionsDict == {"presolve_rule_off": PROBING_RULE}
    budgets = [0.0, 1_000_000.0, 2_000_000.0]
    plain = budget_curve(kronoberg, Scenario(), budgets, default_solver())
    fast = budget_curve(kronoberg, Scenario(), budgets, without)
    assert [s.solution.objective for s in fast.steps] == pytest.approx(
        [s.solution.objective for s in plain.steps], rel=1e-9
    )
    assert [s.solution.cost_sek for s in fast.steps] == [s.solution.cost_sek for s in plain.steps]
