"""Coverage first, then least cost: the solves of a built covering model and what they report.

The model of models/optimise.py is solved lexicographically; each stage keeps what the earlier
ones found (a: the coverage objective's terms, c_k the column costs, e_j the co-location saving):

    stage 0 (maximin only)  μ* = max μ
    stage 1                 z* = max z,   z = Σ_v a_v v                   (weighted coverage)
                            with μ ≥ μ* − 10⁻⁶
    stage 2                 C* = min C,   C = Σ_k c_k x_k − Σ_j e_j      (net yearly SEK)
                            with (keep coverage)  z ≥ z* − ε_z
    stage 3 (only when a chosen, unlocked column is free, c_k = 0)
                            min Σ_{k: c_k = 0, k unlocked} x_k
                            with (keep cost)  C ≤ C* + ε_C

    ε_z = 10⁻⁹ · max(1, Σ_v |a_v|)        ε_C = 10⁻⁹ · max(1, Σ_k c_k)

Between stages 1 and 2 the columns that no plan with z ≥ z* − ε_z can take or leave are fixed
by reduced costs of the linear relaxation (models/fixing.py): the later stages then search
only the rest, and prove the same optimum (stage 3 counts a column fixed at 1 as it counts a
lock-in: a constant of every remaining plan).

Without stage 2 the solver may spend whatever budget is left on actions that change nobody's
coverage: any plan with the best coverage was "optimal". After it (and stage 3), every chosen
action that is not locked in is needed: without it the plan would lose weighted coverage
(a service, a soft step or the basket), break a fairness floor, or cost more net (a service
added only to earn its place's co-location saving, the one way an action that reaches no one
new can be chosen). Lock-ins stay whatever they reach: the user chose them.

Why a tolerance and not integer weights: service weights, the basket weight, the 70+ weight and
the 1/K of soft steps are any real numbers, so the objective cannot in general be scaled to
integers. z* is read back from the solver's values, which HiGHS holds to its feasibility
tolerances (10⁻⁷ on rows and bounds), so a floor of exactly z* could shut out the very plan that
reached it. ε_z is 10⁻⁹ of the objective's total weight: 0.9·10⁻⁴ weighted people in the
embedded region's default scenario, whose smallest term is 0.6 (demand points hold whole people),
so no plan that loses anyone passes, while the solver's rounding does; ε_C is the same in SEK
(0.05 SEK there, against costs in steps of 10,000 SEK). Figures: docs/model.md.

Honest reporting when a stage stops early. The reported objective and gap are stage 1's: the
coverage z* and how far it may be from the best (the plan reaches at least z* − ε_z). If stage 1
stopped at its time limit, stage 2 still runs, keeping the coverage of the best plan found (never
less) and removing spending that does not serve it; the gap stays stage 1's. If stage 2 or 3
stops at its limit the status says ``time_limit`` (with gap 0 when the coverage itself was
proven), and its plan is taken only when it is no dearer (no more free actions) than the one
before; a stage that ends without a plan keeps the earlier plan and makes the status
``feasible``. Each stage gets the solver's full time limit, so a scenario can take up to three
limits (four with maximin), plus the fixings' linear relaxations (each at most 10 s, tens of
milliseconds on the embedded data; counted as model building, not in ``seconds``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pulp
from numpy.typing import NDArray

from models.errors import InfeasibleError, SolverError
from models.fixing import fix_columns

Terms = list[tuple[pulp.LpVariable, float]]
RELATIVE_TOLERANCE = 1e-9  # of a stage objective's total weight; see the module docstring
MAXIMIN_TOLERANCE = 1e-6  # on the worst kommun's share, a number between 0 and 1


@dataclass(frozen=True)
class SolverReport:
    status: str  # "optimal", "time_limit" (with a solution) or "feasible"
    gap: float | None  # relative MIP gap of the coverage objective; None where not given
    objective: float  # stage 1's weighted coverage z*; the plan reaches at least z* − ε_z
    seconds: float  # every stage's solve together


@dataclass(frozen=True)
class Stages:
    """What the stages work on: the coverage objective, the net cost terms (column x_k or
    saving e_j, SEK), the decision columns, and μ with maximin."""

    problem: pulp.LpProblem
    coverage: Terms
    cost: Terms
    x: list[pulp.LpVariable]
    cost_sek: NDArray[np.float64]  # c_k per column
    worst: pulp.LpVariable | None


def _expr(terms: Iterable[tuple[pulp.LpVariable, float]], constant: float = 0.0) -> Any:
    return pulp.LpAffineExpression(list(terms), constant=constant)


def tolerance(terms: Terms) -> float:
    """ε of a kept stage objective: 10⁻⁹ of its total weight, at least 10⁻⁹."""
    return RELATIVE_TOLERANCE * max(1.0, sum(abs(a) for _, a in terms))


def _report(problem: pulp.LpProblem, seconds: float) -> SolverReport:
    """The solver's real status: PuLP says "Optimal" even when HiGHS stopped at its time limit."""
    highs = getattr(problem, "solverModel", None)
    if highs is not None and hasattr(highs, "getModelStatus"):
        status_name = highs.modelStatusToString(highs.getModelStatus()).lower()
        info = highs.getInfo()
        gap = float(info.mip_gap) if np.isfinite(info.mip_gap) else None
        if "optimal" in status_name:
            status, gap = "optimal", 0.0 if gap is None or gap < 1e-9 else gap
        elif "infeasible" in status_name:
            status = "infeasible"
        elif "time limit" in status_name:
            # a time limit with an incumbent is usable (with its gap); without one it is not
            status = "time_limit" if info.primal_solution_status == 2 else "no_solution"
        else:
            status = status_name
    else:
        status = {1: "optimal", 2: "feasible"}.get(problem.sol_status, "infeasible")
        if pulp.LpStatus[problem.status] == "Infeasible":
            status = "infeasible"
        gap = 0.0 if status == "optimal" else None
    objective = float(pulp.value(problem.objective) or 0.0)
    return SolverReport(status=status, gap=gap, objective=objective, seconds=seconds)


def solve_once(problem: pulp.LpProblem, solver: Any) -> SolverReport:
    """One solve; InfeasibleError for a scenario that cannot hold, SolverError without a plan."""
    started = time.perf_counter()
    problem.solve(solver)
    report = _report(problem, time.perf_counter() - started)
    if report.status == "infeasible":
        raise InfeasibleError(
            "Scenariots krav går inte att uppfylla samtidigt (budget, låsningar, rättvisekrav "
            "eller kommuntak). Lätta på något av dem.",
            "The scenario's requirements cannot all hold (budget, locks, fairness or kommun "
            "caps). Relax one of them.",
        )
    if report.status not in ("optimal", "time_limit", "feasible"):
        raise SolverError(
            f"Lösaren stannade utan lösning ({report.status})",
            f"The solver stopped without a solution ({report.status})",
        )
    return report


def _chosen(x: list[pulp.LpVariable]) -> NDArray[np.bool_]:
    return np.array([(v.value() or 0.0) > 0.5 for v in x], dtype=bool)


def _stage(
    stages: Stages, solver: Any, objective: Terms, floor: float
) -> tuple[NDArray[np.bool_], SolverReport] | None:
    """Maximise ``objective`` over every row kept so far, where a plan known to reach ``floor``
    exists (columns no such plan can change are fixed first, models/fixing.py); None when no
    plan comes back (a solver without a start out of time, or a kept floor the solver's
    rounding shuts)."""
    stages.problem.setObjective(_expr(objective))
    fix_columns(stages.problem, stages.x, floor)
    try:
        report = solve_once(stages.problem, solver)
    except (InfeasibleError, SolverError):
        return None
    return _chosen(stages.x), report


def _keep_coverage(stages: Stages, best: float) -> None:
    """(keep coverage) z ≥ z* − ε_z, and v = 1 for every term too large to lose.

    Given a plan's x, each y and z can be raised to the most its rows allow, which is 0 or 1
    (nothing bounds them from below and they only help elsewhere), so a term with
    a_v > Σ a − z* + ε_z is 1 in every plan that keeps the coverage: fixing it cuts no plan.
    It spares HiGHS bounds of 1 − 10⁻⁸ or so that it would otherwise derive from the row;
    given those it declared the least-cost relaxation infeasible and returned a dearer plan as
    optimal (28 of 30 random instances where everyone could be reached).
    """
    floor = best - tolerance(stages.coverage)
    slack = sum(a for _, a in stages.coverage) - floor
    for variable, a in stages.coverage:
        if a > slack:
            variable.lowBound = 1.0
    stages.problem.addConstraint(_expr(stages.coverage) >= floor)


def _free_columns(stages: Stages) -> list[int]:
    """Free (c_k = 0), unlocked columns: stage 2 is indifferent to them, stage 3 is not."""
    x = stages.x
    return [k for k, c in enumerate(stages.cost_sek) if c == 0 and x[k].lowBound != x[k].upBound]


def _value(terms: Terms) -> float:
    return float(pulp.value(_expr(terms)) or 0.0)


def solve_in_stages(stages: Stages, solver: Any) -> tuple[NDArray[np.bool_], SolverReport]:
    """Chosen columns, and stage 1's report (coverage) with the status and time of them all."""
    problem, seconds = stages.problem, 0.0
    if stages.worst is not None:
        problem.setObjective(_expr([(stages.worst, 1.0)]))
        seconds += solve_once(problem, solver).seconds
        problem.addConstraint(
            _expr([(stages.worst, 1.0)]) >= float(stages.worst.value()) - MAXIMIN_TOLERANCE
        )
    problem.setObjective(_expr(stages.coverage))
    coverage = solve_once(problem, solver)
    chosen, status, seconds = _chosen(stages.x), coverage.status, seconds + coverage.seconds
    if not chosen.any():
        return chosen, _final(coverage, status, seconds)  # nothing bought, nothing to save
    first_cost_sek = _value(stages.cost)
    fix_columns(problem, stages.x, coverage.objective - tolerance(stages.coverage))
    _keep_coverage(stages, coverage.objective)
    cost_floor = -first_cost_sek - tolerance(stages.cost)  # stage 1's plan is no dearer
    cheapest = _stage(stages, solver, [(v, -c) for v, c in stages.cost], cost_floor)
    if cheapest is None:
        return chosen, _final(coverage, _worse(status, "feasible"), seconds)
    cheaper, report = cheapest
    status, seconds = _worse(status, report.status), seconds + report.seconds
    if -report.objective > first_cost_sek + tolerance(stages.cost):
        return chosen, _final(coverage, status, seconds)  # stopped early on a dearer plan
    chosen, free = cheaper, _free_columns(stages)
    if chosen[free].any():
        problem.addConstraint(_expr(stages.cost) <= -report.objective + tolerance(stages.cost))
        count_floor = -float(chosen[free].sum()) - 0.5  # stage 2's plan has no more
        fewest = _stage(stages, solver, [(stages.x[k], -1.0) for k in free], count_floor)
        if fewest is None:
            return chosen, _final(coverage, _worse(status, "feasible"), seconds)
        fewer, report = fewest
        status, seconds = _worse(status, report.status), seconds + report.seconds
        if fewer[free].sum() <= chosen[free].sum():  # stopped early, it may have found more
            chosen = fewer
    return chosen, _final(coverage, status, seconds)


def _worse(first: str, second: str) -> str:
    """The status of two stages: optimal only if both are; a time limit is named as such."""
    order = ("optimal", "feasible", "time_limit")
    return max(first, second, key=order.index)


def _final(coverage: SolverReport, status: str, seconds: float) -> SolverReport:
    """Stage 1's coverage z* and gap, with the status and time of every stage."""
    return SolverReport(status, coverage.gap, coverage.objective, seconds)
