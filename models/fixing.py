"""Reduced-cost fixing between solve stages: columns that no plan keeping the best coverage can
take (or leave), found before the least-cost stage so that HiGHS never searches them.

Once stage 1 has proved the best coverage z* (models/least_cost.py), the later stages look only
at plans with z ≥ z* − ε_z. Linear programming duality rules most decision columns in or out
of every such plan in advance. Write the problem as HiGHS takes it, a minimisation

    min c·x   subject to   L ≤ A x ≤ U,   l ≤ x ≤ u        (c = −a: the coverage, negated)

For any row multipliers π with the right signs (π_r ≥ 0 where U_r = +∞, π_r ≤ 0 where
L_r = −∞) and d = c − Aᵀπ, every x of the linear relaxation, so every plan, has

    c·x = d·x + π·(A x)  ≥  Σ_j min(d_j l_j, d_j u_j) + Σ_r min(π_r L_r, π_r U_r)  =:  LB

and with one binary column x_k held at 1 (at 0) the same sum gives LB + max(d_k, 0)
(LB + max(−d_k, 0)). Where that exceeds the cutoff −(z* − ε_z), no plan that keeps the
coverage has x_k at that value, and the column is fixed at the other.

π are HiGHS's row duals at the relaxation's optimum, but LB is summed here from the problem's
own arrays with π clipped to the right signs, so the duals' accuracy decides only how many
columns are fixed, never whether a fixing is valid. A fixing must beat the cutoff by 10⁻⁹ of
the bound's total magnitude, far above the rounding of the sum. A bound that is infinite
(a column without a finite bound and a reduced cost pointing at it) fixes nothing.

On the embedded region's data the relaxation is within about 2 % of z*, and 151 of 189
columns are fixed at 1 MSEK; HiGHS's least-cost stage then takes milliseconds instead of a
second (docs/benchmarks.md, "Fixing between stages").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pulp
from numpy.typing import NDArray

from models.lp_arrays import ProblemArrays, load_into, problem_arrays, silence_highs_banner

FloatArray = NDArray[np.float64]
MARGIN = 1e-9  # of the bound's total magnitude; see the module docstring


@dataclass(frozen=True)
class Fixed:
    """The columns fixed, by position in the list handed to ``fix_columns``."""

    at_zero: tuple[int, ...]
    at_one: tuple[int, ...]


def _relaxation_duals(arrays: ProblemArrays) -> FloatArray | None:
    """Row duals of the linear relaxation's optimum, or None where HiGHS gives none."""
    import highspy

    silence_highs_banner()
    highs = highspy.Highs()  # type: ignore[no-untyped-call]
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", 10.0)
    load_into(highs, arrays, integer=False)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    solution = highs.getSolution()
    if not solution.dual_valid:
        return None
    return np.asarray(solution.row_dual, dtype=float)


def _product(multiplier: FloatArray, low: FloatArray, high: FloatArray) -> FloatArray:
    """min(m·low, m·high) per entry, with 0·∞ taken as 0 (a zero multiplier costs nothing)."""
    with np.errstate(invalid="ignore"):
        at_high = np.where(multiplier < 0, multiplier * high, 0.0)
        return np.where(multiplier > 0, multiplier * low, at_high)


def lower_bounds(arrays: ProblemArrays, row_dual: FloatArray) -> tuple[float, FloatArray, float]:
    """LB, the reduced costs d and the bound's total magnitude (for the margin)."""
    pi = np.where(np.isinf(arrays.row_upper), np.maximum(row_dual, 0.0), row_dual)
    pi = np.where(np.isinf(arrays.row_lower), np.minimum(pi, 0.0), pi)
    reduced = arrays.cost - arrays.matrix.T @ pi
    terms = np.concatenate(
        [
            _product(reduced, arrays.lower, arrays.upper),
            _product(pi, arrays.row_lower, arrays.row_upper),
        ]
    )
    return float(terms.sum()), reduced, float(np.abs(terms).sum())


def fix_columns(problem: pulp.LpProblem, columns: list[pulp.LpVariable], floor: float) -> Fixed:
    """Fix the binary ``columns`` that no plan with the problem's (maximised) objective at
    least ``floor`` can have otherwise; the problem's bounds are changed in place. The
    relaxation has its own time limit (10 s) and its time counts as model building, not as
    the solver's."""
    if problem.sense != pulp.LpMaximize:
        raise ValueError("fix_columns expects the maximised coverage stage")
    arrays = problem_arrays(problem)
    row_dual = _relaxation_duals(arrays)
    # a NaN would count as 0 in the bound's sums and hide a wrong bound: no fixing then
    if row_dual is None or not np.isfinite(row_dual).all():
        return Fixed((), ())
    bound, reduced, magnitude = lower_bounds(arrays, row_dual)
    if not np.isfinite(bound):
        return Fixed((), ())
    # the arrays' cost leaves out the objective's constant, which ``floor`` includes
    constant = float(problem.objective.constant) if problem.objective is not None else 0.0
    cutoff = -(floor - constant) + MARGIN * max(1.0, magnitude)
    at_zero: list[int] = []
    at_one: list[int] = []
    for position, variable in enumerate(columns):
        if variable.lowBound != 0 or variable.upBound != 1:
            continue  # locked already
        d = reduced[variable.index]
        if bound + max(d, 0.0) > cutoff:
            variable.upBound = 0
            at_zero.append(position)
        elif bound + max(-d, 0.0) > cutoff:
            variable.lowBound = 1
            at_one.append(position)
    return Fixed(tuple(at_zero), tuple(at_one))
