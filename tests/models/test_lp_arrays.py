"""``Problem.variables()`` skips PuLP's walk over every row: it must still give PuLP's columns
in PuLP's order at every solve stage of every model, or HiGHS would get another problem."""

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
        walked = [v.name for v in pulp.LpProblem.variables(lp)]
        assert [v.name for v in lp.variables()] == walked
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


def test_the_four_year_plan_model_too() -> None:
    dataset = load_dataset(embedded_data_dir())
    scenario = default_scenario(dataset.registry)
    before = _Checking.stages
    run_plan(dataset, scenario, [700_000, 700_000], _checking(), method="exact")
    assert _Checking.stages > before
