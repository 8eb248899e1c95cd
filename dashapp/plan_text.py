"""A multi-year plan as rows people read, in Swedish or English (no Dash).

``year_table(plan, language)`` gives one row per year (budget, spending, what starts, people
covered per service and basket); ``action_table`` one row per started action; ``summary_lines``
the headline. Each table is ``(columns, rows)``: columns as ``(id, header)`` pairs and rows as
dicts from column id to display text, ready for a DataTable (``{"id": id, "name": header}``)
or for ``text_table`` in the command line. Numbers are written the Swedish or English way by
``dashapp.i18n.number`` / ``percent``.
"""

from __future__ import annotations

from collections.abc import Sequence

from dashapp.i18n import number, percent, pick
from models.plan import Plan, PlanAction, PlanYear
from models.services import DEFAULT_REGISTRY, ServiceRegistry
from models.solution import BASKET

Columns = list[tuple[str, str]]
Rows = list[dict[str, str]]

TEXT: dict[str, tuple[str, str]] = {
    "year": ("År", "Year"),
    "budget": ("Budget, kr", "Budget, SEK"),
    "operate": ("Drift, kr", "Operating, SEK"),
    "once": ("Engångs, kr", "One-off, SEK"),
    "cost": ("Kostnad, kr", "Cost, SEK"),
    "unspent": ("Kvar, kr", "Unspent, SEK"),
    "started": ("Startar", "Starting"),
    "active": ("Stöds", "Supported"),
    "weighted": ("Viktade personer", "Weighted people"),
    "basket": ("Hela korgen", "Whole basket"),
    "place": ("Ort", "Place"),
    "kommun": ("Kommun", "Kommun"),
    "service": ("Tjänst", "Service"),
    "action": ("Åtgärd", "Action"),
    "start_year": ("Startår", "Start year"),
    "keep": ("behåll", "keep"),
    "establish": ("etablera", "establish"),
    "operate_per_year": ("Drift per år, kr", "Operating per year, SEK"),
    "once_cost": ("Engångskostnad, kr", "One-off cost, SEK"),
    "method_exact": ("exakt flerårsmodell", "exact multi-year model"),
    "method_nested": ("år för år (nästlad approximation)", "year by year (nested approximation)"),
    "status_optimal": ("optimal", "optimal"),
    "status_nested": (
        "varje år bästa möjliga givet åren före",
        "each year the best given the years before",
    ),
    "status_time_limit": ("tidsgränsen nåddes", "time limit reached"),
    "status_feasible": ("giltig, ej bevisat bäst", "feasible, not proven best"),
    "headline": (
        "Plan över {years} år, {method}: {status}{gap}",
        "Plan over {years} years, {method}: {status}{gap}",
    ),
    "gap": (", gap högst {gap}", ", gap at most {gap}"),
    "gain": (
        "{gain} viktade personår mer än om inget görs ({total} totalt)",
        "{gain} weighted people-years more than doing nothing ({total} in all)",
    ),
    "spent": (
        "Kostnad {cost} kr av {budget} kr över perioden",
        "Cost {cost} SEK of {budget} SEK over the period",
    ),
    "no_actions": ("Inga åtgärder startar.", "No action starts."),
}


def text(key: str, language: str, **values: object) -> str:
    return pick(TEXT, key, language, **values)


def _label(key: str, language: str, registry: ServiceRegistry) -> str:
    if key == BASKET:
        return text("basket", language)
    return registry.label(key, language)


def year_table(
    plan: Plan, language: str, registry: ServiceRegistry = DEFAULT_REGISTRY
) -> tuple[Columns, Rows]:
    """One row per year; the people covered per service and basket as "12 345 (80,2 %)"."""
    columns: Columns = [
        (key, text(key, language))
        for key in ("year", "budget", "operate", "once", "cost", "unspent", "started", "active")
    ]
    columns += [(f"covered_{key}", _label(key, language, registry)) for key in plan.keys]
    columns.append(("weighted", text("weighted", language)))
    return columns, [_year_row(year, language) for year in plan.years]


def _year_row(year: PlanYear, language: str) -> dict[str, str]:
    row = {
        "year": str(year.year),
        "budget": number(year.budget_sek, language),
        "operate": number(year.operate_sek, language),
        "once": number(year.once_sek, language),
        "cost": number(year.cost_sek, language),
        "unspent": number(year.unspent_sek, language),
        "started": number(len(year.started), language),
        "active": number(len(year.active), language),
        "weighted": number(year.weighted_people, language),
    }
    for covered in year.covered:
        shown = f"{number(covered.scenario, language)} ({percent(covered.share(), language)})"
        row[f"covered_{covered.key}"] = shown
    return row


def action_table(
    plan: Plan, language: str, registry: ServiceRegistry = DEFAULT_REGISTRY
) -> tuple[Columns, Rows]:
    """One row per started action, by start year."""
    keys = ("start_year", "place", "kommun", "service", "action", "operate_per_year", "once_cost")
    columns: Columns = [(key, text(key, language)) for key in keys]
    return columns, [_action_row(a, language, registry) for a in plan.actions]


def _action_row(action: PlanAction, language: str, registry: ServiceRegistry) -> dict[str, str]:
    return {
        "start_year": str(action.start_year),
        "place": action.place_name,
        "kommun": action.kommun,
        "service": _label(action.service, language, registry),
        "action": text(action.action, language),
        "operate_per_year": number(action.operate_sek_per_year, language),
        "once_cost": number(action.establish_once_sek, language),
    }


def summary_lines(plan: Plan, language: str) -> list[str]:
    """The headline: method and status, people-years gained, money spent against budgets."""
    # a year-by-year plan is best for each year given the earlier ones, not proven best overall
    nested = plan.method == "nested" and plan.status == "optimal"
    status_key = "status_nested" if nested else f"status_{plan.status}"
    status = text(status_key, language) if status_key in TEXT else plan.status
    gap = "" if not plan.gap else text("gap", language, gap=percent(plan.gap, language))
    lines = [
        text(
            "headline",
            language,
            years=len(plan.years),
            method=text(f"method_{plan.method}", language),
            status=status,
            gap=gap,
        ),
        text(
            "gain",
            language,
            gain=number(plan.people_years - plan.baseline_people_years, language),
            total=number(plan.people_years, language),
        ),
        text(
            "spent",
            language,
            cost=number(plan.total_cost_sek, language),
            budget=number(sum(plan.budgets_sek), language),
        ),
    ]
    if not plan.actions:
        lines.append(text("no_actions", language))
    return lines


def text_table(columns: Columns, rows: Sequence[dict[str, str]]) -> str:
    """Columns padded to their widest cell, text left and figures right."""
    headers = [header for _, header in columns]
    cells = [[row.get(key, "") for key, _ in columns] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    numeric = [all(_figure(r[i]) for r in cells) and bool(cells) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if right else v.ljust(w)
            for v, w, right in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), *(line(r) for r in cells)])


def _figure(cell: str) -> bool:
    head = cell.split(" (", maxsplit=1)[0]
    head = head.replace("\u00a0", "").replace(",", "").replace(".", "")
    return head.lstrip("-").isdigit()
