"""``run_scenario``: the one orchestrator from a dataset and a scenario to a Solution."""

from __future__ import annotations

import time
from typing import Any

from models.candidates import build_columns
from models.coverage import coverage_structure
from models.dataset import Dataset
from models.formulation import build_formulation
from models.optimise import default_solver, solve_model
from models.scenario import Scenario, validate_scenario
from models.solution import Solution, summarise


def run_scenario(dataset: Dataset, scenario: Scenario, solver: Any = None) -> Solution:
    """Validate, reduce, solve and summarise; raises ScenarioError or InfeasibleError for input
    a user can fix, and SolverError when the solver finds no solution."""
    started = time.perf_counter()
    validate_scenario(scenario, dataset)
    structure = coverage_structure(dataset, scenario)
    columns = build_columns(dataset, scenario)
    formulation = build_formulation(dataset, scenario, structure, columns)
    chosen, report = solve_model(formulation, dataset, scenario, solver or default_solver())
    build_seconds = time.perf_counter() - started - report.seconds
    size = {
        "demand_points": len(dataset.demand),
        "demand_groups": len(formulation.groups),
        "columns": len(columns),
    }
    return summarise(dataset, scenario, structure, columns, chosen, report, build_seconds, size)
