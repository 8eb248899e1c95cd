"""``Problem.variables()`` skips PuLP's walk over every row: it must still give every column
of the problem in PuLP's order (by name) at every solve stage of every model, or HiGHS would
get another problem."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pulp
import pytest

from models.dataset import load_dataset
from models.lp_arrays import Problem
from models.optimise import BulkHiGHS, default_solver
from models.paths import embedded_data_dir
from models.plan import run_plan
from models.run import run_scenario
from models.scenario import default_scenario


class _Checking(BulkHiGHS):  # type: ignore[misc]
    """The default solver, comparing the two column lists each time a stage is handed over."""

    stages = 0

    def buildSolverModel(self, lp: pulp.LpProblem) -> None:
        assert isinstance(lp, Problem)
        ours = [v.name for v in lp.variables()]
        # a walk that registers nothing (PuLP's own would add what it finds to the list read)
        found = {v.name for v in lp._variables} | {v.name for v in lp.objective or {}}
        found |= {v.name for row in lp._constraints.values() for v in row}
        assert ours == sorted(found)
        type(self).stages += 1
        super().buildSolverModel(lp)


def _checking() -> Any:
    solver = default_solver()
    return _Checking(msg=False, gapRel=0.0, timeLimit=30.0, **solver.optionsDict)


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"max_share_min": 10.0},
        {"fairness": "maximin"},
        {"mode": "self_sufficient", "colocation_saving_share": 0.2},
    ],
)
def test_the_columns_are_pulps_at_every_stage(change: dict[str, Any]) -> None:
    dataset = load_dataset(embedded_data_dir())
    scenario = replace(default_scenario(dataset.registry), budget_sek=1_500_000, **change)
    before = _Checking.stages
    checked = run_scenario(dataset, scenario, _checking())
    assert _Checking.stages - before >= 2  # coverage, then the cheapest plan with it
    assert checked.objective == pytest.approx(run_scenario(dataset, scenario).objective)


def test_a_variable_only_in_the_objective_or_added_in_place_is_a_column() -> None:
    problem = Problem("t", pulp.LpMaximize)
    x, y = problem.add_variable("x"), problem.add_variable("y")
    problem += x <= 1
    problem.setObjective(x + 2 * y)  # y is in no row
    assert [v.name for v in problem.variables()] == ["x", "y"]
    problem.objective += 3 * problem.add_variable("a")  # as PuLP's fixObjective does
    assert [v.name for v in problem.variables()] == ["a", "x", "y"]


def test_the_four_year_plan_model_too() -> None:
    dataset = load_dataset(embedded_data_dir())
    scenario = default_scenario(dataset.registry)
    before = _Checking.stages
    run_plan(dataset, scenario, [700_000, 700_000], _checking(), method="exact")
    assert _Checking.stages > before
