"""The budgeted multi-service maximal covering model, in PuLP, solved by a passed-in solver.

Sets: demand groups g (merged demand points, weight Q_g = Σ q_i, people P_g), decision columns k
(place j_k, services S_k, yearly cost c_k in SEK), scenario services s with weight w_s and K_s
soft steps (K_s = 1 for a hard threshold), basket B with weight w_B, kommuner m.

Variables: x_k ∈ {0,1} (support column k); y_gsb ∈ [0,1] (group g reaches s within step b);
z_g ∈ [0,1] (basket); e_j ≥ 0, h_j ∈ {0,1} (co-location saving); μ (worst kommun share).

    maximise   Σ_g Σ_s (w_s / K_s) Q_g Σ_b y_gsb  +  w_B Σ_g Q_g z_g

    (cover)    y_gsb ≤ Σ_{k ∈ R_gsb} x_k          R_gsb: columns supplying s within τ_b of g;
                                                   groups a secure point already serves carry
                                                   no y (the constant 1 is reported, not optimised)
    (basket)   z_g ≤ y_gs0  ∀ s ∈ B               complementary: each service from any place
               z_g ≤ Σ_{k ∈ R^B_g} x_k            self-sufficient: one place with all of B
    (budget)   Σ_k c_k x_k − Σ_j e_j ≤ B_sek
    (co-loc.)  e_j ≤ σ Σ_{k at j} c_k x_k,   e_j ≤ σ C_j h_j,
               2 h_j ≤ n^secure_j + Σ_{k at j} |S_k| x_k   (a saving needs ≥ 2 services at j)
    (cap)      Σ_{k in kommun m} c_k x_k − Σ_{j in m} e_j ≤ cap_m
    (share)    a_m + Σ_{g∈m} (P_g / K_s) Σ_b y_gsb ≥ φ P_m    ∀ m, s with w_s > 0
    (maximin)  μ ≤ Σ_s w_s (a_ms + Σ_{g∈m} (P_g/K_s) Σ_b y_gsb) / (P_m Σ_s w_s)   ∀ m
    (locks)    x_k = 1 (locked in) or x_k = 0 (locked out)

a_ms is the people of kommun m already served by secure points. The model is then solved in
stages (models/least_cost.py): with maximin first for the largest μ*, then for the best coverage
z*, then for the least net cost Σ c_k x_k − Σ e_j that keeps z ≥ z* − ε.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pulp
from numpy.typing import NDArray

from models.dataset import Dataset
from models.formulation import Formulation
from models.least_cost import SolverReport, Stages, solve_in_stages
from models.lp_arrays import Problem, load_into, problem_arrays, silence_highs_banner
from models.scenario import Scenario

Terms = list[tuple[pulp.LpVariable, float]]
__all__ = ["BulkHiGHS", "SolverReport", "build_model", "default_solver", "solve_model"]


def _fresh_highs_threads_after_fork() -> None:
    """HiGHS keeps one thread pool per process; a forked child (a background job of the web
    app, any ``multiprocessing`` fork) inherits its bookkeeping but not its threads, and its
    first solve then waits for them for ever at full CPU. The child starts a pool of its own."""
    import sys

    highspy = sys.modules.get("highspy")
    if highspy is not None:  # nothing to reset where HiGHS was never loaded
        highspy.Highs.resetGlobalScheduler(False)


os.register_at_fork(after_in_child=_fresh_highs_threads_after_fork)


class BulkHiGHS(pulp.HiGHS):  # type: ignore[misc]
    """``pulp.HiGHS`` that hands the built PuLP model to highspy in bulk.

    PuLP's own interface makes one Python → C++ call per column (``addCol``, then
    ``changeColIntegrality`` for each integer) and one per row (``addRow``); on the national
    instance that transfer took as long as building the PuLP model itself. Here the same columns
    in the same order (PuLP's, sorted by name), with the same bounds, costs and integrality, and
    the same rows go over in four calls (``addVars``, ``changeColsCost``,
    ``changeColsIntegrality``, ``addRows``), so HiGHS receives an identical model and returns
    the identical solution. Options, solving and reading back are PuLP's, unchanged.
    """

    def buildSolverModel(self, lp: pulp.LpProblem) -> None:  # noqa: N802 (PuLP's name)
        load_into(lp.solverModel, problem_arrays(lp), integer=self.mip)


PROBING_RULE = 1 << 15  # presolve_rule_off bit for probing in HiGHS 1.16 (its log: "Rule 15")


def _probing_rule() -> int | None:
    """The bit that switches probing off, for the HiGHS versions it was checked on. Switching a
    presolve rule off never changes a solution, only time; on other versions probing stays."""
    import highspy

    highs = highspy.Highs()  # type: ignore[no-untyped-call]
    return PROBING_RULE if (highs.versionMajor(), highs.versionMinor()) == (1, 16) else None


def default_solver(time_limit_s: float = 30.0, probing: bool = True) -> Any:
    """HiGHS through highspy, quiet, proving optimality (relative gap 0), with the model handed
    over in bulk (``BulkHiGHS``). Any other PuLP solver can be passed to ``solve_model``.

    ``probing=False`` switches off HiGHS's probing in presolve, for models with many columns
    fixed by lock-ins (the budget curve's later steps): there probing took 0.4–0.5 s of a
    0.5 s coverage stage, and without it the default curve went from 6.6 to 2.9 s with the
    same points. With few locks it helps as often as it hurts, so it stays on elsewhere.

    Each solve stage (models/least_cost.py) starts from nothing: handed the previous stage's
    plan as a start (``Highs.setSolution``), HiGHS 1.16 returned dearer least-cost plans and a
    maximin coverage below the optimum, each marked optimal, on random instances where CBC and
    a cold start agree."""
    silence_highs_banner()
    rule = None if probing else _probing_rule()
    options = {} if rule is None else {"presolve_rule_off": rule}
    return BulkHiGHS(msg=False, timeLimit=time_limit_s, gapRel=0.0, **options)


def _expr(terms: Iterable[tuple[pulp.LpVariable, float]], constant: float = 0.0) -> Any:
    return pulp.LpAffineExpression(list(terms), constant=constant)


@dataclass
class _Model:
    problem: pulp.LpProblem
    x: list[pulp.LpVariable]
    objective: Terms
    cover_terms: list[tuple[int, int, pulp.LpVariable, float]]  # (group, service, y, 1/K)
    y0: dict[tuple[int, int], pulp.LpVariable]  # step-0 y per (group, service)
    cost: Terms = field(default_factory=list)  # net cost Σ c_k x_k − Σ e_j, in SEK
    count: int = 0

    def var(
        self, prefix: str, low: float = 0.0, up: float | None = 1.0, binary: bool = False
    ) -> Any:
        self.count += 1
        cat = pulp.LpBinary if binary else pulp.LpContinuous
        return self.problem.add_variable(f"{prefix}{self.count}", lowBound=low, upBound=up, cat=cat)

    def add(self, constraint: Any) -> None:
        self.problem.addConstraint(constraint)

    def at_most_columns(self, variable: pulp.LpVariable, columns: Iterable[int]) -> None:
        """variable ≤ Σ_{k ∈ columns} x_k, built straight as one PuLP constraint."""
        x = self.x
        terms = [(variable, 1.0)]
        terms += [(x[k], -1.0) for k in columns]
        self.add(pulp.LpConstraint(_expr(terms), pulp.LpConstraintLE, rhs=0.0))


def _x_variables(model: _Model, formulation: Formulation) -> None:
    for fixed in formulation.columns.fixed:
        variable = model.var("x", binary=True)
        if fixed >= 0:
            variable.lowBound = variable.upBound = int(fixed)
        model.x.append(variable)


def _cover(model: _Model, formulation: Formulation, scenario: Scenario) -> None:
    """(cover): one y per group, service and soft step that some column can reach."""
    group_weight = formulation.weight.tolist()
    for s, steps in enumerate(formulation.reach):
        weight = scenario.services[s].weight / len(steps)
        for b, reach in enumerate(steps):
            indptr, indices = reach.matrix.indptr.tolist(), reach.matrix.indices.tolist()
            for g in np.flatnonzero(np.diff(reach.matrix.indptr) > 0).tolist():
                y = model.var("y")
                model.at_most_columns(y, indices[indptr[g] : indptr[g + 1]])
                model.objective.append((y, weight * group_weight[g]))
                model.cover_terms.append((g, s, y, 1.0 / len(steps)))
                if b == 0:
                    model.y0[(g, s)] = y


def _basket(model: _Model, formulation: Formulation, scenario: Scenario) -> None:
    """(basket): z only where the whole basket is still reachable and not already served."""
    if scenario.basket_weight <= 0 or not scenario.basket:
        return
    if formulation.basket_reach is not None:
        reach = formulation.basket_reach
        indptr, indices = reach.matrix.indptr.tolist(), reach.matrix.indices.tolist()
        for g in np.flatnonzero(np.diff(reach.matrix.indptr) > 0).tolist():
            z = model.var("z")
            model.at_most_columns(z, indices[indptr[g] : indptr[g + 1]])
            model.objective.append((z, scenario.basket_weight * formulation.weight[g]))
        return
    if formulation.anchors is not None:
        _anchored_basket(model, formulation, scenario)
        return
    positions = [scenario.service_names.index(s) for s in scenario.basket]
    for group in range(len(formulation.groups)):
        open_services = [s for s in positions if not formulation.reach[s][0].precovered[group]]
        if not open_services or any((group, s) not in model.y0 for s in open_services):
            continue  # already complete, or a basket service can never be reached
        z = model.var("z")
        for s in open_services:
            model.add(_expr([(z, 1.0), (model.y0[(group, s)], -1.0)]) <= 0)
        model.objective.append((z, scenario.basket_weight * formulation.weight[group]))


def _anchored_basket(model: _Model, formulation: Formulation, scenario: Scenario) -> None:
    """(basket) with a sharing limit, one w per distinct requirement; the algebra is in
    models/sharing.py."""
    anchors = formulation.anchors
    assert anchors is not None
    met = []
    for requirement in anchors.requirements:
        w = model.var("w")
        for columns in requirement:
            model.at_most_columns(w, columns)
        met.append(w)
    for g, options in enumerate(anchors.per_group):
        if not options:
            continue  # complete already, or no anchor can ever complete it
        z = model.var("z")
        model.add(_expr([(z, 1.0), *((met[r], -1.0) for r in options)]) <= 0)
        model.objective.append((z, scenario.basket_weight * formulation.weight[g]))


def _costs(
    model: _Model, formulation: Formulation, dataset: Dataset, scenario: Scenario
) -> list[tuple[pulp.LpVariable, float, int]]:
    """Terms (variable, SEK, place) of Σ c_k x_k − Σ e_j; e_j only with a co-location saving."""
    columns = formulation.columns
    terms = [(model.x[k], float(c), int(columns.place[k])) for k, c in enumerate(columns.cost_sek)]
    share = scenario.colocation_saving_share
    if share <= 0:
        return terms
    service_columns = [dataset.service_index(s) for s in scenario.service_names]
    secure_count = dataset.points_at("secure")[:, service_columns].sum(axis=1)
    for j in np.unique(columns.place):
        at_place = np.flatnonzero(columns.place == j)
        costs = columns.cost_sek[at_place]
        saving = model.var("e", up=share * float(costs.sum()))  # implied; finite for fixing
        point = model.var("h", binary=True)
        model.add(
            _expr(
                [(saving, 1.0)]
                + [(model.x[k], -share * c) for k, c in zip(at_place, costs, strict=True)]
            )
            <= 0
        )
        model.add(_expr([(saving, 1.0), (point, -share * float(costs.sum()))]) <= 0)
        counts = [(model.x[k], -float(len(columns.services[k]))) for k in at_place]
        model.add(_expr([(point, 2.0), *counts]) <= int(secure_count[j]))
        terms.append((saving, -1.0, int(j)))
    return terms


def _budget(model: _Model, formulation: Formulation, dataset: Dataset, scenario: Scenario) -> None:
    """(budget) and (cap): the whole budget, and each kommun's cap on what is spent in it."""
    terms = _costs(model, formulation, dataset, scenario)
    model.cost = [(v, c) for v, c, _ in terms]
    model.add(_expr((v, c) for v, c, _ in terms) <= scenario.budget_sek)
    kommun_of_place = dataset.places.kommun_kod
    for code, cap in scenario.kommun_budget_cap_sek:
        in_kommun = [(v, c) for v, c, j in terms if kommun_of_place[j] == code]
        model.add(_expr(in_kommun) <= cap)


def _kommun_coverage(
    model: _Model, formulation: Formulation, scenario: Scenario
) -> dict[tuple[int, int], tuple[Terms, float]]:
    """For each (kommun, service): the y terms (people) and the constant already served.
    Only the kommuner in the scenario's filter ("Min kommun") take part."""
    out: dict[tuple[int, int], tuple[Terms, float]] = {}
    for s, steps in enumerate(formulation.reach):
        for m in formulation.fair_kommuner:
            in_m = formulation.kommun == m
            constant = sum(
                float(formulation.people[in_m & r.precovered].sum()) for r in steps
            ) / len(steps)
            out[(int(m), s)] = ([], constant)
    for g, s, y, share in model.cover_terms:
        key = (int(formulation.kommun[g]), s)
        if key in out:
            out[key][0].append((y, share * formulation.people[g]))
    return out


def _fairness(
    model: _Model, formulation: Formulation, scenario: Scenario
) -> pulp.LpVariable | None:
    if scenario.fairness == "none":
        return None
    coverage = _kommun_coverage(model, formulation, scenario)
    population = np.bincount(formulation.kommun, weights=formulation.people)
    weights = np.array([s.weight for s in scenario.services])
    if scenario.fairness == "min_share":
        for (m, s), (terms, constant) in coverage.items():
            if weights[s] > 0:
                model.add(_expr(terms, constant) >= scenario.min_kommun_share * population[m])
        return None
    worst = model.var("mu")
    for m in formulation.fair_kommuner:
        scale = 1.0 / (population[m] * weights.sum())
        share: Terms = [(worst, -1.0)]
        constant = 0.0
        for s in range(len(scenario.services)):
            ys, already = coverage[(int(m), s)]
            share += [(y, c * weights[s] * scale) for y, c in ys]
            constant += already * weights[s] * scale
        model.add(_expr(share, constant) >= 0)
    return worst


def build_model(
    formulation: Formulation, dataset: Dataset, scenario: Scenario
) -> tuple[_Model, Any]:
    model = _Model(Problem("servicekartan", pulp.LpMaximize), [], [], [], {})
    _x_variables(model, formulation)
    _cover(model, formulation, scenario)
    _basket(model, formulation, scenario)
    _budget(model, formulation, dataset, scenario)
    return model, _fairness(model, formulation, scenario)


def solve_model(
    formulation: Formulation, dataset: Dataset, scenario: Scenario, solver: Any
) -> tuple[NDArray[np.bool_], SolverReport]:
    """Chosen columns and the solver's report: the best coverage at the least net cost (the
    stages are in models/least_cost.py)."""
    model, worst = build_model(formulation, dataset, scenario)
    costs = formulation.columns.cost_sek.astype(float)
    stages = Stages(model.problem, model.objective, model.cost, model.x, costs, worst)
    return solve_in_stages(stages, solver)
