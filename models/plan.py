"""A plan over several years: what starts in which year, with yearly budgets.

``run_plan(dataset, scenario, budgets_sek, solver)`` is the orchestrator (the algebra is in
models/plan_formulation.py, the cost split in models/plan_costs.py). It reuses the one-year
model's coverage structure (models/coverage.py), decision columns (models/candidates.py) and
reduction (models/formulation.py), and returns a ``Plan``: per year the actions started and
active, the spending (recurring + one-off) against that year's budget, and the people covered
per service and basket. ``Plan.to_dict`` / ``Plan.from_dict`` are its only serialisation.

Rules a plan follows (docs/model.md, "Four-year plan"):
- support, once started, continues to the last year (no stopping within the programme cycle);
- an at-risk point not kept from year 1 closes; starting it later is establishing it again, at
  the establishing cost (recurring and one-off);
- each year's spending stays within that year's budget; what is left is not carried over;
- lock-ins are supported from year 1, lock-outs never;
- the scenario's own ``budget_sek`` is not used (``budgets_sek`` are); the co-location saving
  and maximin fairness are not part of a plan (ScenarioError).
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from models.candidates import Columns, build_columns
from models.corrections import apply_corrections
from models.coverage import (
    CoverageStructure,
    coverage_structure,
    evaluate,
    open_baseline,
    open_today,
)
from models.dataset import Dataset
from models.errors import InfeasibleError, ResultError, ScenarioError
from models.formulation import build_formulation
from models.optimise import default_solver
from models.plan_costs import PlanCosts, dataset_plan_costs
from models.plan_formulation import (
    StartCosts,
    build_plan_model,
    column_start_costs,
    solve_exact,
    solve_nested,
)
from models.scenario import Scenario, validate_scenario
from models.solution import BASKET, Covered

PLAN_VERSION = 1
DEFAULT_YEARS = 4
MAX_YEARS = 10
Method = Literal["exact", "nested"]
METHODS: tuple[str, ...] = ("exact", "nested")
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class PlanAction:
    """One service supported at one place from ``start_year`` (1-based) to the last year."""

    place_id: str
    place_name: str
    kommun_kod: str
    kommun: str
    service: str
    action: str  # "keep" (an at-risk point kept from year 1) or "establish"
    start_year: int
    operate_sek_per_year: float  # recurring, every year from the start
    establish_once_sek: float  # one-off, in the start year


@dataclass(frozen=True)
class PlanYear:
    """One year of a plan. ``covered`` holds, per scenario service and then the basket, the
    people covered this year (``scenario``), if nothing is done and with everything open."""

    year: int
    budget_sek: float
    started: tuple[PlanAction, ...]
    active: tuple[PlanAction, ...]  # every action started this year or before
    operate_sek: float  # recurring support of the active actions
    once_sek: float  # one-off costs of this year's starts
    covered: tuple[Covered, ...]
    weighted_people: float  # Σ_s w_s · covered_s + w_B · basket, with the objective's weights

    @property
    def cost_sek(self) -> float:
        return self.operate_sek + self.once_sek

    @property
    def unspent_sek(self) -> float:
        return self.budget_sek - self.cost_sek

    def covered_for(self, key: str) -> Covered:
        return next(c for c in self.covered if c.key == key)


@dataclass(frozen=True, eq=False)
class Plan:
    scenario: Scenario
    method: str  # "exact" (one model over all years) or "nested" (year by year)
    status: str  # "optimal", "time_limit" (with a plan) or "feasible"
    gap: float | None  # relative MIP gap of the people-years; None year by year
    objective: float  # weighted people-years beyond do-nothing, the model's objective
    people_years: float  # Σ_t weighted_people
    baseline_people_years: float  # years × do-nothing's weighted people
    years: tuple[PlanYear, ...]
    actions: tuple[PlanAction, ...]  # every start, by year
    build_seconds: float
    solve_seconds: float
    model_size: Mapping[str, int]

    @property
    def budgets_sek(self) -> tuple[float, ...]:
        return tuple(y.budget_sek for y in self.years)

    @property
    def total_cost_sek(self) -> float:
        return sum(y.cost_sek for y in self.years)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.years[0].covered) if self.years else ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": PLAN_VERSION,
            "kind": "plan",
            "scenario": self.scenario.to_dict(),
            "method": self.method,
            "status": self.status,
            "gap": self.gap,
            "objective": self.objective,
            "people_years": self.people_years,
            "baseline_people_years": self.baseline_people_years,
            "timings": {
                "build_seconds": round(self.build_seconds, 4),
                "solve_seconds": round(self.solve_seconds, 4),
            },
            "model_size": dict(self.model_size),
            "actions": [asdict(a) for a in self.actions],
            "years": [_year_dict(y) for y in self.years],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        """Read what ``to_dict`` wrote; ResultError for another version or damage."""
        if not isinstance(data, Mapping) or data.get("version") != PLAN_VERSION:
            found = data.get("version") if isinstance(data, Mapping) else None
            raise ResultError(
                f"Planen har en okänd version ({found}); räkna om den",
                f"The plan has an unknown version ({found}); compute it again",
            )
        try:
            return _from_dict(data)
        except (KeyError, TypeError, ValueError, StopIteration) as error:
            raise ResultError(
                f"Planen kan inte läsas ({error})", f"The plan cannot be read ({error})"
            ) from error


def _covered_dict(covered: Covered) -> dict[str, Any]:
    figures = {
        k: round(v, 1) if math.isfinite(v) else v for k, v in asdict(covered).items() if k != "key"
    }
    return {"key": covered.key, **figures, "share_scenario": round(covered.share(), 5)}


def _year_dict(year: PlanYear) -> dict[str, Any]:
    return {
        "year": year.year,
        "budget_sek": year.budget_sek,
        "operate_sek": year.operate_sek,
        "once_sek": year.once_sek,
        "cost_sek": year.cost_sek,
        "unspent_sek": year.unspent_sek,
        "weighted_people": year.weighted_people,
        "started": [_key(a) for a in year.started],
        "active": [_key(a) for a in year.active],
        "covered": [_covered_dict(c) for c in year.covered],
    }


def _key(action: PlanAction) -> dict[str, str]:
    return {"place_id": action.place_id, "service": action.service}


def _from_dict(data: Mapping[str, Any]) -> Plan:
    names = {f.name for f in fields(PlanAction)}
    covered_names = {f.name for f in fields(Covered)}
    actions = tuple(
        PlanAction(**{k: v for k, v in a.items() if k in names}) for a in data["actions"]
    )
    years = tuple(
        PlanYear(
            year=int(y["year"]),
            budget_sek=float(y["budget_sek"]),
            started=tuple(a for a in actions if a.start_year == int(y["year"])),
            active=tuple(a for a in actions if a.start_year <= int(y["year"])),
            operate_sek=float(y["operate_sek"]),
            once_sek=float(y["once_sek"]),
            covered=tuple(
                Covered(**{k: v for k, v in c.items() if k in covered_names}) for c in y["covered"]
            ),
            weighted_people=float(y["weighted_people"]),
        )
        for y in data["years"]
    )
    return Plan(
        scenario=Scenario.from_dict(data["scenario"]),
        method=str(data["method"]),
        status=str(data["status"]),
        gap=None if data["gap"] is None else float(data["gap"]),
        objective=float(data["objective"]),
        people_years=float(data["people_years"]),
        baseline_people_years=float(data["baseline_people_years"]),
        years=years,
        actions=actions,
        build_seconds=float(data["timings"]["build_seconds"]),
        solve_seconds=float(data["timings"]["solve_seconds"]),
        model_size={str(k): int(v) for k, v in data["model_size"].items()},
    )


def _fail(sv: str, en: str) -> None:
    raise ScenarioError(sv, en)


def check_plan_input(scenario: Scenario, budgets_sek: Sequence[float]) -> None:
    """ScenarioError for budgets or settings a plan cannot take."""
    if not 1 <= len(budgets_sek) <= MAX_YEARS:
        _fail(
            f"En plan har 1–{MAX_YEARS} år ({len(budgets_sek)} budgetar angivna)",
            f"A plan has 1–{MAX_YEARS} years ({len(budgets_sek)} budgets given)",
        )
    if not all(math.isfinite(b) and b >= 0 for b in budgets_sek):
        _fail("Årsbudgetarna får inte vara negativa", "Yearly budgets must not be negative")
    if scenario.colocation_saving_share > 0:
        _fail(
            "Besparingen för flera tjänster på samma ort ingår inte i flerårsplanen; sätt den "
            "till 0",
            "The co-location saving is not part of the multi-year plan; set it to 0",
        )
    if scenario.fairness == "maximin":
        _fail(
            "Rättvisevalet 'lyft sämsta kommunen' ingår inte i flerårsplanen; välj ingen eller "
            "lägsta andel",
            "The fairness option maximin is not part of the multi-year plan; choose none or "
            "min_share",
        )


def _check_locked(columns: Columns, starts: StartCosts, budgets_sek: Sequence[float]) -> None:
    """Locked-in columns start in year 1; InfeasibleError when that alone breaks a budget."""
    locked = columns.fixed == 1
    first = float((starts.operate_first[locked] + starts.once_first[locked]).sum())
    later = float(starts.operate_first[locked].sum())
    needed = [first, *([later] * (len(budgets_sek) - 1))]
    for year, (cost, budget) in enumerate(zip(needed, budgets_sek, strict=True), start=1):
        if cost > budget + 1e-6:
            shown = [f"{v:,.0f}".replace(",", "\u00a0") for v in (cost, budget)]
            raise InfeasibleError(
                f"De låsta åtgärderna kostar {shown[0]} kr år {year}, mer än årets budget "
                f"{shown[1]} kr",
                f"The locked actions cost {cost:,.0f} SEK in year {year}, more than that "
                f"year's budget of {budget:,.0f} SEK",
            )


def run_plan(
    dataset: Dataset,
    scenario: Scenario,
    budgets_sek: Sequence[float],
    solver: Any = None,
    method: Method = "nested",
    costs: PlanCosts | None = None,
) -> Plan:
    """The plan with the most weighted people-years (``exact``), or the year-by-year
    approximation (``nested``); ``costs`` default to the data folder's (models/plan_costs.py)."""
    started = time.perf_counter()
    check_plan_input(scenario, budgets_sek)
    validate_scenario(scenario, dataset)
    dataset = apply_corrections(dataset, scenario.corrections)
    costs = costs or dataset_plan_costs(dataset)
    structure = coverage_structure(dataset, scenario)
    columns = build_columns(dataset, replace(scenario, budget_sek=math.inf))
    starts = column_start_costs(dataset, columns, costs)
    _check_locked(columns, starts, budgets_sek)
    formulation = build_formulation(dataset, scenario, structure, columns)
    model = build_plan_model(formulation, dataset, scenario, starts, budgets_sek)
    solver = solver or default_solver()
    if method == "exact":
        active, report = solve_exact(model, solver)
    else:
        active, report = solve_nested(model, solver)
    build_seconds = time.perf_counter() - started - report.seconds
    years = _years(dataset, scenario, structure, columns, active, costs, budgets_sek)
    baseline = _weighted(scenario, structure, evaluate(structure, open_baseline(dataset)))
    return Plan(
        scenario=scenario,
        method=method,
        status=report.status,
        gap=report.gap,
        objective=report.objective,
        people_years=sum(y.weighted_people for y in years),
        baseline_people_years=baseline * len(budgets_sek),
        years=years,
        actions=tuple(a for y in years for a in y.started),
        build_seconds=build_seconds,
        solve_seconds=report.seconds,
        model_size=model.size,
    )


def _weighted(scenario: Scenario, structure: CoverageStructure, run: Any) -> float:
    """Σ_s w_s Σ_i q_i v_is + w_B Σ_i q_i β_i: the objective's weighting of a coverage."""
    q = structure.objective_people
    total = float(q @ (run.value @ structure.weights))
    if run.basket is not None and scenario.basket_weight > 0:
        total += scenario.basket_weight * float(q @ run.basket)
    return total


def _plan_actions(
    dataset: Dataset, columns: Columns, active: BoolArray, costs: PlanCosts
) -> list[PlanAction]:
    at_risk = dataset.points_at("at_risk")
    places = dataset.places
    kommun_names = dict(
        zip(dataset.kommun_kod.tolist(), dataset.kommun_names.tolist(), strict=True)
    )
    found = []
    for k in np.flatnonzero(active[:, -1]):
        start_year = int(np.argmax(active[k])) + 1
        j = int(columns.place[k])
        code = str(places.kommun_kod[j])
        for c in columns.services[k]:
            kept = bool(at_risk[j, c]) and start_year == 1
            operate, once = costs.start_cost(j, c, bool(at_risk[j, c]), start_year)
            found.append(
                PlanAction(
                    place_id=str(places.ids[j]),
                    place_name=str(places.names[j]),
                    kommun_kod=code,
                    kommun=kommun_names.get(code, code),
                    service=dataset.services[c],
                    action="keep" if kept else "establish",
                    start_year=start_year,
                    operate_sek_per_year=operate,
                    establish_once_sek=once,
                )
            )
    return sorted(found, key=lambda a: (a.start_year, a.kommun, a.place_name, a.service))


def _years(
    dataset: Dataset,
    scenario: Scenario,
    structure: CoverageStructure,
    columns: Columns,
    active: BoolArray,
    costs: PlanCosts,
    budgets_sek: Sequence[float],
) -> tuple[PlanYear, ...]:
    actions = _plan_actions(dataset, columns, active, costs)
    fixed = [evaluate(structure, m) for m in (open_baseline(dataset), open_today(dataset))]
    keys = [*structure.services, *([BASKET] if structure.basket else [])]
    people = structure.people
    years = []
    for t, budget in enumerate(budgets_sek):
        opened = open_baseline(dataset).copy()
        for k in np.flatnonzero(active[:, t]):
            opened[columns.place[k], list(columns.services[k])] = True
        run = evaluate(structure, opened)
        covered = tuple(
            Covered(
                key, float(people.sum()), *(float(people @ _values(r, p)) for r in (run, *fixed))
            )
            for p, key in enumerate(keys)
        )
        on = tuple(a for a in actions if a.start_year <= t + 1)
        new = tuple(a for a in on if a.start_year == t + 1)
        years.append(
            PlanYear(
                year=t + 1,
                budget_sek=float(budget),
                started=new,
                active=on,
                operate_sek=sum(a.operate_sek_per_year for a in on),
                once_sek=sum(a.establish_once_sek for a in new),
                covered=covered,
                weighted_people=_weighted(scenario, structure, run),
            )
        )
    return tuple(years)


def _values(run: Any, position: int) -> FloatArray:
    if position < run.value.shape[1]:
        return np.asarray(run.value[:, position], dtype=float)
    return np.asarray(run.basket, dtype=float)
