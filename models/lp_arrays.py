"""A built PuLP problem as arrays, in PuLP's column order: what both the bulk hand-over to
HiGHS (models/optimise.py) and the bound fixing between solve stages (models/fixing.py) read.

PuLP orders the columns by name (``LpProblem.variables()``); HiGHS's speed depends on the order
(docs/benchmarks.md, "Engine path"), so every reader keeps PuLP's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pulp
from numpy.typing import NDArray
from scipy import sparse

FloatArray = NDArray[np.float64]


class Problem(pulp.LpProblem):  # type: ignore[misc]
    """``pulp.LpProblem`` whose ``variables()`` does not walk every constraint again.

    PuLP's walks the objective and all rows to find variables it has not registered, then
    sorts. A row registers its variables when it is added, so the walk over the rows finds
    nothing as long as no row is changed once added (these models never do); it ran four
    times a solve and took 0.5 s of a 3 s budget curve (75 walks over 17,000 rows). Here only
    the objective is walked (PuLP changes an empty one in place: ``fixObjective``), and the
    registered variables are sorted by name, as PuLP sorts them, whenever some were added
    since the last sort: the same columns in the same order (tests/models/test_lp_arrays.py
    compares them with an independent walk at every stage of the built models)."""

    def variables(self) -> list[pulp.LpVariable]:
        if self.objective is not None:  # assigned, or changed in place, not registered
            self._add_variables(self.objective.keys())
        if getattr(self, "_sorted_count", -1) != len(self._variables):
            self._variables.sort(key=lambda v: v.name)
            self._sorted_count = len(self._variables)
        return list(self._variables)


@dataclass(frozen=True, eq=False)
class ProblemArrays:
    """min cost·x  subject to  row_lower ≤ matrix·x ≤ row_upper,  lower ≤ x ≤ upper.

    A maximising problem is stored negated (cost = −objective), as HiGHS takes it; infinite
    bounds are ±inf."""

    sense: float  # −1 where the problem maximises (cost is its objective negated), else 1
    variables: list[pulp.LpVariable]
    cost: FloatArray
    lower: FloatArray
    upper: FloatArray
    integer: NDArray[np.int32]  # positions of the integer columns
    matrix: sparse.csr_matrix  # rows × columns, explicit zeros left out
    row_lower: FloatArray
    row_upper: FloatArray


def _bound(value: float | None, infinite: float) -> float:
    return infinite if value is None else float(value)


def problem_arrays(problem: pulp.LpProblem) -> ProblemArrays:
    """The problem's columns, bounds, objective and rows; each variable's ``index`` is set to
    its position (PuLP's solvers read it back that way)."""
    variables = problem.variables()
    for i, variable in enumerate(variables):
        variable.index = i
    sign = -1.0 if problem.sense == pulp.LpMaximize else 1.0
    objective = problem.objective if problem.objective is not None else {}
    constraints = list(problem._constraints.values())
    indices: list[int] = []
    values: list[float] = []
    lengths = np.empty(len(constraints), dtype=np.int64)
    for r, constraint in enumerate(constraints):
        constraint.index = r
        expression = constraint.expr
        indices += [variable.index for variable in expression]
        values += expression.values()
        lengths[r] = len(expression)
    coefficient = np.array(values, dtype=float)
    nonzero = coefficient != 0  # PuLP leaves explicit zeros out of the matrix
    row_of = np.repeat(np.arange(len(constraints)), lengths)[nonzero]
    starts = np.concatenate([[0], np.cumsum(np.bincount(row_of, minlength=len(constraints)))])
    matrix = sparse.csr_matrix(  # each row's columns in PuLP's order, as HiGHS is handed them
        (coefficient[nonzero], np.array(indices, dtype=np.int32)[nonzero], starts),
        shape=(len(constraints), len(variables)),
    )
    return ProblemArrays(
        sense=sign,
        variables=variables,
        cost=sign * np.array([objective.get(v, 0.0) for v in variables], dtype=float),
        lower=np.array([_bound(v.lowBound, -np.inf) for v in variables], dtype=float),
        upper=np.array([_bound(v.upBound, np.inf) for v in variables], dtype=float),
        integer=np.array(
            [i for i, v in enumerate(variables) if v.cat == pulp.LpInteger], dtype=np.int32
        ),
        matrix=matrix,
        row_lower=np.array([_bound(c.getLb(), -np.inf) for c in constraints], dtype=float),
        row_upper=np.array([_bound(c.getUb(), np.inf) for c in constraints], dtype=float),
    )


def load_into(highs: Any, arrays: ProblemArrays, integer: bool = True) -> None:
    """Hand ``arrays`` to a fresh ``highspy.Highs`` in four bulk calls (``addVars``,
    ``changeColsCost``, ``changeColsIntegrality``, ``addRows``); ``integer=False`` hands over
    its linear relaxation."""
    import highspy

    n, rows = len(arrays.variables), arrays.matrix.shape[0]
    if n:  # highspy's infinity is IEEE's
        highs.addVars(n, arrays.lower, arrays.upper)
        highs.changeColsCost(n, np.arange(n, dtype=np.int32), arrays.cost)
    if integer and len(arrays.integer):
        kinds = np.full(len(arrays.integer), highspy.HighsVarType.kInteger)
        highs.changeColsIntegrality(len(arrays.integer), arrays.integer, kinds)
    if rows:
        matrix = arrays.matrix
        highs.addRows(
            rows,
            arrays.row_lower,
            arrays.row_upper,
            matrix.nnz,
            matrix.indptr[:-1].astype(np.int32),
            matrix.indices.astype(np.int32),
            matrix.data,
        )


@lru_cache(maxsize=1)
def silence_highs_banner() -> None:
    """HiGHS prints its banner to C-level stdout once per process, before any option applies;
    taking it at a muted moment keeps ``--json`` output clean."""
    import highspy

    saved = os.dup(1)
    try:
        with Path(os.devnull).open("w") as null:
            os.dup2(null.fileno(), 1)
            highspy.Highs()  # type: ignore[no-untyped-call]
    finally:
        os.dup2(saved, 1)
        os.close(saved)
