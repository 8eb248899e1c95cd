"""The multi-year covering model: which support starts in which year, in PuLP.

Sets as in models/optimise.py (demand groups g with weight Q_g and people P_g, decision columns
k, scenario services s with weight w_s and K_s soft steps, basket B with weight w_B), plus years
t = 1 … T with a budget B_t in SEK each.

Costs of column k by start year (models/plan_costs.py gives them per place and service):
    o¹_k, f¹_k   recurring SEK a year and SEK once when k starts in year 1 (an at-risk point is
                 kept: o¹ = keep cost, f¹ = 0)
    o_k,  f_k    the same when k starts in a later year (an at-risk point not kept in year 1 has
                 closed, so starting it later is establishing it: establish operating + one-off)

Variables: a_kt ∈ {0,1} (k is supported in year t); the start is z_kt = a_kt − a_k,t−1 (a_k0 = 0);
y_gsbt, z^B_gt ∈ [0,1] (coverage in year t).

    maximise   Σ_t [ Σ_g Σ_s (w_s / K_s) Q_g Σ_b y_gsbt + w_B Σ_g Q_g z^B_gt ]     (people-years)

    (continue) a_k,t−1 ≤ a_kt                   once started, support goes on to year T
    (cover)    y_gsbt ≤ Σ_{k ∈ R_gsb} a_kt      as the one-year model, year by year
    (basket)   z^B_gt ≤ y_gs0t ∀ s ∈ B (complementary);  z^B_gt ≤ Σ_{k ∈ R^B_g} a_kt
               (self-sufficient);  with a sharing limit w_gk't ≤ Σ a_kt per missing service
               and z^B_gt ≤ Σ_k' w_gk't (models/sharing.py)
    (budget)   C_t = Σ_k [ o_k a_kt + (o¹_k − o_k) a_k1 + f_kt (a_kt − a_k,t−1) ] ≤ B_t
               with f_k1 = f¹_k and f_kt = f_k for t ≥ 2; no carry-over between years
    (cap)      Σ_{k in kommun m} (terms of C_t) ≤ cap_m every year
    (share)    a_ms + Σ_{g∈m} (P_g / K_s) Σ_b y_gsbt ≥ φ P_m   ∀ m, s with w_s > 0, ∀ t
    (locks)    a_k1 = 1 (locked in: supported from year 1), a_kt = 0 ∀ t (locked out)
    (no later) a_kt ≤ a_k1 where k has no establish figure (an at-risk point that can only be kept)

Starting k in year 1 costs o¹ + f¹ in year 1 and o¹ after; starting it in year τ ≥ 2 costs
o + f in year τ and o after: (budget) is linear in a because the start-year dependence of the
recurring cost is only "year 1 or later". The co-location saving and maximin fairness are not
part of the plan (ScenarioError in models/plan.py).

Solved lexicographically like the one-year model: first the most people-years P*, then the
least total spending Σ_t C_t that keeps P ≥ P* − ε (ε = 10⁻⁹ of the objective's total weight),
so no start is bought that reaches no one.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pulp
from numpy.typing import NDArray

from models.candidates import Columns
from models.dataset import Dataset
from models.errors import InfeasibleError, SolverError
from models.formulation import Formulation
from models.lp_arrays import Problem
from models.plan_costs import PlanCosts
from models.scenario import Scenario
from models.sharing import AnchorOptions

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
Terms = list[tuple[pulp.LpVariable, float]]
RELATIVE_TOLERANCE = 1e-9


@dataclass(frozen=True, eq=False)
class StartCosts:
    """Per column k, in SEK: recurring and one-off cost when it starts in year 1 or later."""

    operate_first: FloatArray  # o¹_k
    once_first: FloatArray  # f¹_k
    operate_later: FloatArray  # o_k (NaN: k cannot start after year 1)
    once_later: FloatArray  # f_k

    def in_year(self, k: int, start_year: int) -> tuple[float, float]:
        """(recurring SEK a year, SEK once) of column k started in ``start_year`` (1-based)."""
        if start_year == 1:
            return float(self.operate_first[k]), float(self.once_first[k])
        return float(self.operate_later[k]), float(self.once_later[k])


def column_start_costs(dataset: Dataset, columns: Columns, costs: PlanCosts) -> StartCosts:
    """Sum over each column's services of the costs of models/plan_costs.py."""
    at_risk = dataset.points_at("at_risk")
    out = np.zeros((4, len(columns)))
    for k, (j, services) in enumerate(zip(columns.place.tolist(), columns.services, strict=True)):
        for c in services:
            for row, year in ((0, 1), (2, 2)):
                operate, once = costs.start_cost(j, c, bool(at_risk[j, c]), year)
                out[row, k] += operate
                out[row + 1, k] += once
    return StartCosts(out[0], out[1], out[2], out[3])


@dataclass(frozen=True)
class PlanReport:
    status: str  # "optimal", "time_limit" (with a plan) or "feasible"
    gap: float | None  # relative MIP gap of the people-years stage
    objective: float  # weighted people-years beyond do-nothing
    seconds: float  # every solve together


@dataclass
class PlanModel:
    problem: pulp.LpProblem
    active: list[list[pulp.LpVariable]]  # a_kt, per column then year
    coverage: list[Terms]  # per year: the objective's terms
    cost: list[Terms]  # per year: C_t's terms
    cover_people: list[list[tuple[int, int, pulp.LpVariable, float]]]  # (g, s, y, 1/K) per year
    count: int = 0
    size: dict[str, int] = field(default_factory=dict)

    def var(self, prefix: str, binary: bool = False) -> Any:
        self.count += 1
        cat = pulp.LpBinary if binary else pulp.LpContinuous
        return self.problem.add_variable(f"{prefix}{self.count}", lowBound=0, upBound=1, cat=cat)

    def add(self, terms: Iterable[tuple[pulp.LpVariable, float]], sense: int, rhs: float) -> Any:
        constraint = pulp.LpConstraint(_expr(terms), sense, rhs=rhs)
        self.problem.addConstraint(constraint)
        return constraint

    def at_most_active(self, variable: pulp.LpVariable, columns: Sequence[int], t: int) -> None:
        """variable ≤ Σ_{k ∈ columns} a_kt."""
        terms = [(variable, 1.0)] + [(self.active[k][t], -1.0) for k in columns]
        self.add(terms, pulp.LpConstraintLE, 0.0)


def _expr(terms: Iterable[tuple[pulp.LpVariable, float]], constant: float = 0.0) -> Any:
    """Σ a_v v + constant; a variable listed twice gets the sum (PuLP would keep the last)."""
    summed: dict[pulp.LpVariable, float] = {}
    for variable, a in terms:
        summed[variable] = summed.get(variable, 0.0) + a
    return pulp.LpAffineExpression(list(summed.items()), constant=constant)


def _active(model: PlanModel, formulation: Formulation, starts: StartCosts, years: int) -> None:
    """a_kt with (continue), (locks) and (no later)."""
    for k, fixed in enumerate(formulation.columns.fixed.tolist()):
        row = [model.var("a", binary=True) for _ in range(years)]
        for t, variable in enumerate(row):
            if fixed == 1:
                variable.lowBound = 1
            elif fixed == 0:
                variable.upBound = 0
            if t > 0:
                model.add([(row[t - 1], 1.0), (variable, -1.0)], pulp.LpConstraintLE, 0.0)
                if not np.isfinite(starts.operate_later[k]):
                    model.add([(variable, 1.0), (row[0], -1.0)], pulp.LpConstraintLE, 0.0)
        model.active.append(row)


def _cover(
    model: PlanModel, formulation: Formulation, scenario: Scenario, t: int
) -> dict[Any, Any]:
    """(cover) for year t; returns the step-0 y per (group, service) for the basket."""
    y0: dict[tuple[int, int], pulp.LpVariable] = {}
    weight_g = formulation.weight.tolist()
    for s, steps in enumerate(formulation.reach):
        weight = scenario.services[s].weight / len(steps)
        for b, reach in enumerate(steps):
            indptr, indices = reach.matrix.indptr.tolist(), reach.matrix.indices.tolist()
            for g in np.flatnonzero(np.diff(reach.matrix.indptr) > 0).tolist():
                y = model.var("y")
                model.at_most_active(y, indices[indptr[g] : indptr[g + 1]], t)
                model.coverage[t].append((y, weight * weight_g[g]))
                model.cover_people[t].append((g, s, y, 1.0 / len(steps)))
                if b == 0:
                    y0[(g, s)] = y
    return y0


def _basket(
    model: PlanModel, formulation: Formulation, scenario: Scenario, t: int, y0: dict[Any, Any]
) -> None:
    """(basket) for year t, in the scenario's mode."""
    if scenario.basket_weight <= 0 or not scenario.basket:
        return
    weight_g = formulation.weight
    if formulation.basket_reach is not None:
        matrix = formulation.basket_reach.matrix
        for g in np.flatnonzero(np.diff(matrix.indptr) > 0).tolist():
            z = model.var("b")
            model.at_most_active(z, matrix.indices[matrix.indptr[g] : matrix.indptr[g + 1]], t)
            model.coverage[t].append((z, scenario.basket_weight * weight_g[g]))
        return
    if formulation.anchors is not None:
        _anchored_basket(model, formulation.anchors, scenario.basket_weight * weight_g, t)
        return
    positions = [scenario.service_names.index(s) for s in scenario.basket]
    for g in range(len(formulation.groups)):
        missing = [s for s in positions if not formulation.reach[s][0].precovered[g]]
        if not missing or any((g, s) not in y0 for s in missing):
            continue
        z = model.var("b")
        for s in missing:
            model.add([(z, 1.0), (y0[(g, s)], -1.0)], pulp.LpConstraintLE, 0.0)
        model.coverage[t].append((z, scenario.basket_weight * weight_g[g]))


def _anchored_basket(
    model: PlanModel, anchors: AnchorOptions, basket_weight_g: NDArray[np.float64], t: int
) -> None:
    """(basket) with a sharing limit in year t, one w per distinct requirement
    (models/sharing.py)."""
    met = []
    for requirement in anchors.requirements:
        w = model.var("w")
        for columns in requirement:
            model.at_most_active(w, columns, t)
        met.append(w)
    for g, options in enumerate(anchors.per_group):
        if not options:
            continue  # complete already, or no anchor can ever complete it
        z = model.var("b")
        model.add([(z, 1.0), *((met[r], -1.0) for r in options)], pulp.LpConstraintLE, 0.0)
        model.coverage[t].append((z, float(basket_weight_g[g])))


def _budget(
    model: PlanModel,
    formulation: Formulation,
    dataset: Dataset,
    scenario: Scenario,
    starts: StartCosts,
    budgets_sek: Sequence[float],
) -> None:
    """(budget) and (cap) for every year."""
    kommun_of_place = dataset.places.kommun_kod
    caps = dict(scenario.kommun_budget_cap_sek)
    for t, budget in enumerate(budgets_sek):
        per_kommun: dict[str, defaultdict[Any, float]] = defaultdict(lambda: defaultdict(float))
        for k, row in enumerate(model.active):
            later = float(starts.operate_later[k])
            operate = later if np.isfinite(later) else float(starts.operate_first[k])
            once = float(starts.once_first[k]) if t == 0 else float(starts.once_later[k])
            once = once if np.isfinite(once) else 0.0
            terms = per_kommun[str(kommun_of_place[formulation.columns.place[k]])]
            terms[row[t]] += operate + once
            terms[row[0]] += float(starts.operate_first[k]) - operate
            if t > 0:
                terms[row[t - 1]] -= once
        everything = [(v, c) for terms in per_kommun.values() for v, c in terms.items() if c]
        model.cost[t] = everything
        model.add(everything, pulp.LpConstraintLE, float(budget))
        for code, cap in caps.items():
            in_kommun = [(v, c) for v, c in per_kommun.get(code, {}).items() if c]
            model.add(in_kommun, pulp.LpConstraintLE, float(cap))


def _min_share(model: PlanModel, formulation: Formulation, scenario: Scenario, t: int) -> None:
    """(share) for year t: every filtered kommun's covered share of each weighted service."""
    population = np.bincount(formulation.kommun, weights=formulation.people)
    for s, steps in enumerate(formulation.reach):
        if scenario.services[s].weight <= 0:
            continue
        for m in formulation.fair_kommuner:
            in_m = formulation.kommun == m
            constant = sum(float(formulation.people[in_m & r.precovered].sum()) for r in steps)
            terms = [
                (y, share * float(formulation.people[g]))
                for g, service, y, share in model.cover_people[t]
                if service == s and formulation.kommun[g] == m
            ]
            floor = scenario.min_kommun_share * population[m] - constant / len(steps)
            model.add(terms, pulp.LpConstraintGE, floor)


def build_plan_model(
    formulation: Formulation,
    dataset: Dataset,
    scenario: Scenario,
    starts: StartCosts,
    budgets_sek: Sequence[float],
) -> PlanModel:
    years = len(budgets_sek)
    model = PlanModel(
        Problem("servicekartan_plan", pulp.LpMaximize),
        [],
        [[] for _ in range(years)],
        [[] for _ in range(years)],
        [[] for _ in range(years)],
    )
    _active(model, formulation, starts, years)
    for t in range(years):
        y0 = _cover(model, formulation, scenario, t)
        _basket(model, formulation, scenario, t, y0)
        if scenario.fairness == "min_share":
            _min_share(model, formulation, scenario, t)
    _budget(model, formulation, dataset, scenario, starts, budgets_sek)
    model.size = {
        "years": years,
        "columns": len(formulation.columns),
        "demand_groups": len(formulation.groups),
        "variables": model.count,
        "constraints": len(model.problem._constraints),
    }
    return model


def _status(problem: pulp.LpProblem) -> tuple[str, float | None]:
    """The solver's real status and MIP gap: PuLP says "Optimal" even after HiGHS's time
    limit, so HiGHS is asked itself; other solvers report through PuLP."""
    highs = getattr(problem, "solverModel", None)
    if highs is not None and hasattr(highs, "getModelStatus"):
        name = highs.modelStatusToString(highs.getModelStatus()).lower()
        info = highs.getInfo()
        gap = float(info.mip_gap) if np.isfinite(info.mip_gap) else None
        if "optimal" in name:
            return "optimal", 0.0 if gap is None or gap < 1e-9 else gap
        if "infeasible" in name:
            return "infeasible", None
        if "time limit" in name:
            return ("time_limit" if info.primal_solution_status == 2 else "no_solution"), gap
        return name, gap
    if pulp.LpStatus[problem.status] == "Infeasible":
        return "infeasible", None
    status = {1: "optimal", 2: "feasible"}.get(problem.sol_status, "no_solution")
    return status, 0.0 if status == "optimal" else None


def _solve(problem: pulp.LpProblem, solver: Any) -> PlanReport:
    started = time.perf_counter()
    problem.solve(solver)
    seconds = time.perf_counter() - started
    status, gap = _status(problem)
    if status == "infeasible":
        raise InfeasibleError(
            "Planen går inte att uppfylla: de låsta åtgärderna, kommuntaken eller "
            "rättvisekraven ryms inte i årsbudgetarna. Lätta på något av dem.",
            "The plan cannot hold: the locked actions, kommun caps or fairness floors do not "
            "fit the yearly budgets. Relax one of them.",
        )
    if status not in ("optimal", "time_limit", "feasible"):
        raise SolverError(
            f"Lösaren stannade utan plan ({status})",
            f"The solver stopped without a plan ({status})",
        )
    objective = float(pulp.value(problem.objective) or 0.0)
    return PlanReport(status, gap, objective, seconds)


def _active_values(model: PlanModel) -> BoolArray:
    values = [[(v.value() or 0.0) > 0.5 for v in row] for row in model.active]
    return np.array(values, dtype=bool).reshape(len(model.active), len(model.cost))


def _worse(first: str, second: str) -> str:
    order = ("optimal", "feasible", "time_limit")
    return max(first, second, key=order.index)


def _least_cost(
    model: PlanModel, solver: Any, kept: Terms, cost: Terms, best: PlanReport
) -> tuple[BoolArray, str, float]:
    """Keep Σ kept ≥ best − ε and minimise ``cost``; the plan, the status and the seconds.
    The floor and the bounds it adds are taken away again before returning.

    Terms too large to lose (a_v > Σ a − floor) are fixed at 1 for the solve: every plan
    keeping the floor has them at 1, and HiGHS otherwise derives bounds of 1 − 10⁻⁸ from the
    floor row (the one-year model's models/least_cost.py found the same)."""
    chosen = _active_values(model)
    if not chosen.any():
        return chosen, best.status, 0.0
    spent = float(pulp.value(_expr(cost)) or 0.0)
    floor = best.objective - RELATIVE_TOLERANCE * max(1.0, sum(abs(a) for _, a in kept))
    slack = sum(a for _, a in kept) - floor
    raised = [v for v, a in kept if a > slack and v.lowBound != 1.0]
    for variable in raised:
        variable.lowBound = 1.0
    model.problem.addConstraint(_expr(kept) >= floor, name="keep_people_years")
    model.problem.setObjective(_expr([(v, -c) for v, c in cost]))
    started = time.perf_counter()
    try:
        report: PlanReport | None = _solve(model.problem, solver)
    except (InfeasibleError, SolverError):
        report = None
    seconds = time.perf_counter() - started
    if report is not None and -report.objective <= spent + 1e-6:
        chosen = _active_values(model)
    status = _worse(best.status, "feasible" if report is None else report.status)
    del model.problem._constraints["keep_people_years"]  # PuLP has no public removal
    for variable in raised:
        variable.lowBound = 0.0
    return chosen, status, seconds


def solve_exact(model: PlanModel, solver: Any) -> tuple[BoolArray, PlanReport]:
    """a_kt (column × year) of the plan with the most people-years, at the least total cost."""
    everything = [term for terms in model.coverage for term in terms]
    model.problem.setObjective(_expr(everything))
    best = _solve(model.problem, solver)
    total_cost = [term for terms in model.cost for term in terms]
    active, status, seconds = _least_cost(model, solver, everything, total_cost, best)
    return active, PlanReport(status, best.gap, best.objective, best.seconds + seconds)


def solve_nested(model: PlanModel, solver: Any) -> tuple[BoolArray, PlanReport]:
    """Year by year: year t gets the most people covered in year t, given the starts already
    fixed and keeping every later year affordable, at the least cost that year; then its
    starts are fixed. The active sets are nested by construction. A heuristic: no gap is
    claimed (``gap`` None); the objective is the sum of the years' coverage."""
    status, seconds, objective = "optimal", 0.0, 0.0
    for t, coverage in enumerate(model.coverage):
        model.problem.setObjective(_expr(coverage))
        best = _solve(model.problem, solver)
        active, status_t, more = _least_cost(model, solver, coverage, model.cost[t], best)
        status, seconds = _worse(status, status_t), seconds + best.seconds + more
        objective += best.objective
        for k, row in enumerate(model.active):
            row[t].lowBound = row[t].upBound = int(active[k, t])
    return _active_values(model), PlanReport(status, None, objective, seconds)
