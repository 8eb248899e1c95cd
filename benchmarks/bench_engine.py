"""The engine path at national scale: where ``run_scenario``'s time goes through PuLP + HiGHS, and
the same reduced model handed straight to highspy with the same options.

Instance ("Sweden, modelled 30-min matrix"; the same as bench_model's Sweden row): SCB's 2,017
tätorter (2020, ../shared/data/sweden_tatorter_2020_scb.csv) are both the demand points and the
candidate places. Car minutes between them are the project's modelled travel times
(``models.travel.modelled_travel_times`` with ``TravelModel(cutoff_min=30.0)``: straight-line
SWEREF99 TM distance × detour factor, urban radius at 30 km/h, the rest at 70 km/h, 2 min access),
handed to ``dataset_from_arrays`` as a dense matrix (inf beyond 30 min). One service (grocery),
threshold 15 min, no existing shops, unit costs, budget 200 (p = 200). The 30-minute cut-off
does not change the model: only pairs within 15 minutes enter it.

    python -m benchmarks.bench_engine

Timings are medians of several runs, the paths interleaved so that load from other processes hits
them alike; nothing here asserts a time (the objective check is correctness, not speed). One
experiment rides along: the bare highspy model without dominated columns (see docs/benchmarks.md,
"Engine path", for why the product does not do that).
"""

from __future__ import annotations

import platform
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import version
from typing import Any
from unittest.mock import patch

import highspy
import numpy as np
import pulp
from numpy.typing import NDArray
from scipy import sparse

from benchmarks.common import national_tatorter
from models import optimise, run
from models.candidates import build_columns
from models.coverage import coverage_structure
from models.dataset import Dataset
from models.formulation import Formulation, build_formulation
from models.scenario import Scenario, ServiceSettings

TIME_LIMIT_S = 10.0
REPEATS = 7
SCENARIO = Scenario(
    services=(ServiceSettings("grocery", 15.0, 1.0),),
    basket=(),
    basket_weight=0.0,
    budget_sek=200,
)
Phases = dict[str, float]


def _timing_solver(solver: Any, phases: Phases) -> Any:
    """The same PuLP solver, its HiGHS phases timed (a subclass made on the fly)."""

    def timed(name: str, phase: str) -> Callable[..., Any]:
        method = getattr(type(solver), name)

        def wrapper(self: Any, lp: Any) -> Any:
            started = time.perf_counter()
            result = method(self, lp)
            phases[phase] = phases.get(phase, 0.0) + time.perf_counter() - started
            return result

        return wrapper

    names = {
        "createAndConfigureSolver": "transfer",
        "buildSolverModel": "transfer",
        "callSolver": "HiGHS run",
        "findSolutionValues": "read back",
    }
    cls = type(type(solver).__name__, (type(solver),), {n: timed(n, p) for n, p in names.items()})
    copy: Any = object.__new__(cls)
    copy.__dict__.update(solver.__dict__)
    return copy


@contextmanager
def _phase_probes(phases: Phases) -> Iterator[None]:
    """Time build_model and solve_model inside run_scenario by wrapping the module globals."""
    build_model, solve_model = optimise.build_model, run.solve_model  # type: ignore[attr-defined]

    def timed_build(*args: Any) -> Any:
        started = time.perf_counter()
        result = build_model(*args)
        phases["PuLP model construction"] = time.perf_counter() - started
        return result

    def timed_solve(*args: Any) -> Any:
        phases["entered solve"] = time.perf_counter()
        result = solve_model(*args)
        phases["left solve"] = time.perf_counter()
        return result

    with (
        patch.object(optimise, "build_model", timed_build),
        patch.object(run, "solve_model", timed_solve),
    ):
        yield


def through_pulp(dataset: Dataset, solver: Any) -> tuple[float, Phases, float]:
    """run_scenario end to end, split into its phases."""
    phases: Phases = {}
    with _phase_probes(phases):
        started = time.perf_counter()
        solution = run.run_scenario(dataset, SCENARIO, _timing_solver(solver, phases))
        total = time.perf_counter() - started
    entered, left = phases.pop("entered solve"), phases.pop("left solve")
    inside = left - entered
    split = {
        "reduction (validate, reach, groups, columns)": entered - started,
        "PuLP model construction": phases["PuLP model construction"],
        "PuLP → highspy transfer": phases["transfer"],
        "HiGHS run": phases["HiGHS run"],
        "read back": phases["read back"],
    }
    split["rest of PuLP's solve call"] = inside - sum(list(split.values())[1:])
    split["summary (do-nothing, today)"] = total - (left - started)
    return total, split, solution.objective


def _formulation(dataset: Dataset) -> Formulation:
    structure = coverage_structure(dataset, SCENARIO)
    return build_formulation(dataset, SCENARIO, structure, build_columns(dataset, SCENARIO))


def _arrays(formulation: Formulation) -> dict[str, Any]:
    """The reduced MCLP as arrays: columns x_k (binary) then y_g (one per reachable group);
    rows y_g − Σ_{k ∈ R_g} x_k ≤ 0, then Σ_k c_k x_k ≤ B. Maximise Σ_g Q_g y_g."""
    reach = formulation.reach[0][0].matrix
    rows = np.flatnonzero(np.diff(reach.indptr) > 0)
    cover = sparse.csr_matrix(reach[rows], dtype=float)
    n_x, n_y = cover.shape[1], cover.shape[0]
    cost = formulation.columns.cost_sek.astype(float)
    matrix = sparse.vstack(
        [
            sparse.hstack([-cover, sparse.eye(n_y)]),
            sparse.hstack([sparse.csr_matrix(cost.reshape(1, -1)), sparse.csr_matrix((1, n_y))]),
        ],
        format="csr",
    )
    return {
        "matrix": matrix,
        "objective": np.concatenate([np.zeros(n_x), formulation.weight[rows]]),
        "integer": np.arange(n_x),
        "upper": np.concatenate([np.zeros(n_y), [float(SCENARIO.budget_sek)]]),
        "n_x": n_x,
        "n_y": n_y,
    }


def pulp_order(n_x: int, n_y: int) -> NDArray[np.int64]:
    """PuLP hands HiGHS its variables sorted by name (x1, x10, x100, …, y2018, …)."""
    names = [f"x{k + 1}" for k in range(n_x)] + [f"y{n_x + g + 1}" for g in range(n_y)]
    return np.array(sorted(range(n_x + n_y), key=names.__getitem__), dtype=np.int64)


def straight_to_highspy(model: dict[str, Any], order: NDArray[np.int64]) -> tuple[Phases, float]:
    """Bulk arrays into highspy (addVars, changeColsCost, changeColsIntegrality, addRows) with
    default_solver's options: quiet, mip_rel_gap 0, the same time limit; threads and presolve at
    HiGHS's defaults, as through PuLP."""
    started = time.perf_counter()
    matrix = sparse.csr_matrix(model["matrix"][:, order])
    position = np.empty_like(order)
    position[order] = np.arange(len(order))
    n = len(order)
    highs = highspy.Highs()  # type: ignore[no-untyped-call]
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("time_limit", TIME_LIMIT_S)
    built = time.perf_counter()
    highs.addVars(n, np.zeros(n), np.ones(n))
    # minimise the negated objective, as PuLP's HiGHS interface does for a maximisation
    highs.changeColsCost(n, np.arange(n, dtype=np.int32), -model["objective"][order])
    integer = np.sort(position[model["integer"]]).astype(np.int32)
    kinds = np.full(len(integer), highspy.HighsVarType.kInteger)
    highs.changeColsIntegrality(len(integer), integer, kinds)
    upper = model["upper"]
    highs.addRows(
        len(upper),
        np.full(len(upper), -highspy.kHighsInf),
        upper,
        matrix.nnz,
        matrix.indptr[:-1].astype(np.int32),
        matrix.indices.astype(np.int32),
        matrix.data,
    )
    passed = time.perf_counter()
    highs.run()
    ran = time.perf_counter()
    objective = -float(highs.getInfo().objective_function_value)
    return {
        "arrays and options": built - started,
        "transfer": passed - built,
        "HiGHS run": ran - passed,
    }, objective


def dominated_columns(formulation: Formulation) -> NDArray[np.bool_]:
    """Columns whose reach another column of no higher cost contains (ties: the later one)."""
    reach = formulation.reach[0][0].matrix
    by_column = sparse.csc_matrix(reach, dtype=np.int32)
    overlap = sparse.csr_matrix(by_column.T @ by_column)
    size = np.diff(by_column.indptr)
    cost = formulation.columns.cost_sek
    dominated = np.zeros(reach.shape[1], dtype=bool)
    for k in range(reach.shape[1]):
        others = overlap.indices[overlap.indptr[k] : overlap.indptr[k + 1]]
        shared = overlap.data[overlap.indptr[k] : overlap.indptr[k + 1]]
        bigger = (size[others] > size[k]) | ((size[others] == size[k]) & (others < k))
        contains = (others != k) & (shared == size[k]) & bigger & (cost[others] <= cost[k])
        dominated[k] = bool(np.any(contains))
    return dominated


def without_columns(model: dict[str, Any], drop: NDArray[np.bool_]) -> dict[str, Any]:
    """The array model with some x columns taken out (an experiment, not the product path)."""
    keep = np.concatenate([~drop, np.ones(model["n_y"], dtype=bool)])
    return {
        **model,
        "matrix": sparse.csr_matrix(model["matrix"][:, keep]),
        "objective": model["objective"][keep],
        "integer": np.arange(int((~drop).sum())),
        "n_x": int((~drop).sum()),
    }


def redundancy(formulation: Formulation) -> dict[str, int]:
    """What the formulation hands the solver that a reduction could take away."""
    per_row = np.diff(formulation.reach[0][0].matrix.indptr)
    return {
        "cover rows": int((per_row > 0).sum()),
        "cover rows reaching one column (y_g ≤ x_k)": int((per_row == 1).sum()),
        "columns": len(formulation.columns),
        "columns whose reach another column of no higher cost contains": int(
            dominated_columns(formulation).sum()
        ),
    }


def _median(runs: list[Phases]) -> Phases:
    keys: dict[str, list[float]] = defaultdict(list)
    for phases in runs:
        for key, seconds in phases.items():
            keys[key].append(seconds)
    return {key: statistics.median(values) for key, values in keys.items()}


def _print_split(label: str, totals: list[float], runs: list[Phases]) -> None:
    print(
        f"{label}: median {statistics.median(totals):.3f} s, min {min(totals):.3f} s, "
        f"max {max(totals):.3f} s (n={len(totals)})"
    )
    for key, seconds in _median(runs).items():
        print(f"    {key:48s} {seconds:.3f} s")


def main() -> None:
    print(
        f"Machine: {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}, highspy {version('highspy')}, PuLP {version('pulp')}"
    )
    dataset = national_tatorter()
    formulation = _formulation(dataset)
    for key, count in redundancy(formulation).items():
        print(f"{key}: {count:,}")
    solvers = {
        "run_scenario, default_solver()": optimise.default_solver(TIME_LIMIT_S),
        "run_scenario, plain pulp.HiGHS (PuLP's own transfer)": pulp.HiGHS(
            msg=False, timeLimit=TIME_LIMIT_S, gapRel=0.0
        ),
    }
    objectives: set[float] = set()
    results: dict[str, tuple[list[float], list[Phases]]] = {k: ([], []) for k in solvers}
    model = _arrays(formulation)
    orders = {
        "straight to highspy, PuLP's column order": pulp_order(model["n_x"], model["n_y"]),
        "straight to highspy, creation order": np.arange(model["n_x"] + model["n_y"]),
    }
    smaller = without_columns(model, dominated_columns(formulation))
    experiment = "experiment: straight to highspy without dominated columns, PuLP's order"
    direct: dict[str, tuple[list[float], list[Phases]]] = {
        k: ([], []) for k in [*orders, experiment]
    }
    through_pulp(dataset, solvers["run_scenario, default_solver()"])  # warm caches
    for _ in range(REPEATS):  # interleaved, so load from other processes hits all alike
        for label, solver in solvers.items():
            total, split, objective = through_pulp(dataset, solver)
            results[label][0].append(total)
            results[label][1].append(split)
            objectives.add(round(objective, 6))
        for label, (arrays, order) in {
            **{label: (model, order) for label, order in orders.items()},
            experiment: (smaller, pulp_order(smaller["n_x"], smaller["n_y"])),
        }.items():
            phases, objective = straight_to_highspy(arrays, order)
            direct[label][0].append(sum(phases.values()))
            direct[label][1].append(phases)
            objectives.add(round(objective, 6))
    assert len(objectives) == 1, objectives  # every path proves the same optimum
    print(f"objective (people covered): {objectives.pop():,.0f}")
    for label, (totals, runs) in {**results, **direct}.items():
        _print_split(label, totals, runs)


if __name__ == "__main__":
    main()
