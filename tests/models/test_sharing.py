"""The sharing limit's anchor requirements: sharing and pruning them keeps the model exact."""

from __future__ import annotations

import itertools
import random

import pytest

from models.dataset import Dataset
from models.run import run_scenario
from models.scenario import Scenario
from models.sharing import Requirement, _canonical, undominated
from tests.models.test_kronoberg_model import _objective_from_coverage


def _met(requirement: Requirement, plan: tuple[int, ...]) -> int:
    """w_N for a 0/1 plan: min over the sets of how many chosen columns each holds."""
    return min(sum(plan[k] for k in columns) for columns in requirement)


def _random_requirement(rng: random.Random, n_columns: int) -> Requirement:
    return tuple(
        tuple(rng.sample(range(n_columns), rng.randint(1, 3))) for _ in range(rng.randint(1, 3))
    )


@pytest.mark.parametrize("seed", range(40))
def test_the_kept_requirements_reach_every_plan_the_dropped_ones_reach(seed: int) -> None:
    rng = random.Random(seed)
    n_columns = 5
    group = {_canonical(_random_requirement(rng, n_columns)) for _ in range(rng.randint(1, 8))}
    requirements = {r for r in group if r is not None}
    kept = undominated(requirements)
    assert set(kept) <= requirements
    for plan in itertools.product((0, 1), repeat=n_columns):
        best_all = max(min(1, _met(r, plan)) for r in requirements)
        best_kept = max(min(1, _met(r, plan)) for r in kept)
        assert best_kept == best_all  # z_g can reach 1 exactly when it could before


def test_a_requirement_contained_in_another_is_dropped_and_duplicates_are_one() -> None:
    weak = ((1,), (2, 3))  # needs column 1, and 2 or 3
    strong = ((1, 4), (2, 3))  # the same, or column 4 for the first service
    assert undominated({weak, strong}) == [strong]
    same = _canonical(((3, 2), (1,), (1,)))
    assert same == ((1,), (2, 3))
    assert undominated({same, ((1,), (2, 3))}) == [same]


def test_a_service_with_no_column_near_the_anchor_makes_the_requirement_unmeetable() -> None:
    assert _canonical(((1, 2), ())) is None


def test_a_wide_sharing_limit_solves_to_proven_optimality(kronoberg: Dataset) -> None:
    """20 minutes: 4,007 anchor variables before the sharing and pruning (14 s, and at 30
    minutes no solution within the time limit), 439 after."""
    scenario = Scenario(max_share_min=20.0, budget_sek=1_000_000)
    solution = run_scenario(kronoberg, scenario)
    assert solution.status == "optimal"
    assert solution.objective == pytest.approx(_objective_from_coverage(solution), rel=1e-6)
    basket = solution.covered_for("basket")
    assert basket.baseline < basket.scenario <= basket.population
