"""Pure comparison of solved scenarios: KPI deltas, bar charts and the difference map's hideouts.

Figures are matched by service key, never by position: two scenarios with different services
line up row by row, with an empty cell where one of them lacks a service.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from dashapp import formats, style
from dashapp.i18n import t
from dashapp.present import Row, label, people_count, shown
from models.services import ServiceRegistry
from models.solution import Solution

Named = list[tuple[str, Solution]]  # (scenario name, its solution)


def keys(named: Named) -> list[str]:
    """Every service (and basket) key any of the scenarios has, in first-seen order."""
    found: dict[str, None] = {}
    for _, solution in named:
        found.update(dict.fromkeys(solution.keys))
    return list(found)


def _covered(solution: Solution, key: str) -> float | None:
    return solution.covered_for(key).scenario if key in solution.keys else None


def compare_table(
    named: Named, registry: ServiceRegistry, language: str
) -> tuple[list[tuple[str, str, str]], list[Row]]:
    """Rows: people covered per service, the basket, and SEK used; a column per scenario and
    a difference column for each against the first. Columns are (field, header, kind)."""
    first_name = named[0][0]
    columns = [("metric", t("compare_metric", language), "name")]
    columns += [(f"s{k}", name, "number") for k, (name, _) in enumerate(named)]
    columns += [
        (f"d{k}", f"{name} − {first_name}", "number") for k, (name, _) in enumerate(named) if k
    ]
    people = [
        _row(label(registry, key, language), [_covered(s, key) for _, s in named], language)
        for key in keys(named)
    ]
    cost = _row(t("kpi_cost", language), [s.cost_sek for _, s in named], language, money=True)
    return columns, [*people, cost]


def _text(value: float | None, language: str, money: bool, sign: bool) -> str:
    if value is None:
        return formats.DASH
    if money:
        return formats.money(value, language, sign=sign)
    return formats.signed(value, language) if sign else formats.number(value, language)


def _row(metric: str, values: list[float | None], language: str, money: bool = False) -> Row:
    """A figure per scenario (``s0``, ``s1`` …) and its difference from the first (``d1`` …),
    as people or as kronor."""
    row: Row = {"metric": metric}
    first = values[0]
    for k, value in enumerate(values):
        row |= shown(f"s{k}", value, _text(value, language, money, sign=False))
        if k:
            delta = None if value is None or first is None else value - first
            row |= shown(f"d{k}", delta, _text(delta, language, money, sign=True))
    return row


def service_figure(named: Named, registry: ServiceRegistry, language: str) -> go.Figure:
    shown = keys(named)
    figure = go.Figure(
        [
            go.Bar(
                name=name,
                x=[label(registry, k, language) for k in shown],
                y=[_covered(solution, k) for k in shown],
                marker_color=style.CHART_PALETTE[n % len(style.CHART_PALETTE)],
            )
            for n, (name, solution) in enumerate(named)
        ]
    )
    figure.update_layout(
        barmode="group",
        height=300,
        margin={"l": 50, "r": 10, "t": 10, "b": 40},
        yaxis_title=t("people", language),
        **formats.chart_layout(language, yaxis=formats.axis(0)),
    )
    return figure


def _shares(solution: Solution, key: str) -> list[float | None]:
    found = [k.covered_for(key) for k in solution.by_kommun]
    return [None if c is None else 100 * c.share() for c in found]


def kommun_figure(named: Named, key: str, registry: ServiceRegistry, language: str) -> go.Figure:
    kommuner = [k.kommun for k in named[0][1].by_kommun]
    figure = go.Figure(
        [
            go.Bar(
                name=name,
                x=kommuner,
                y=_shares(solution, key),
                marker_color=style.CHART_PALETTE[n % len(style.CHART_PALETTE)],
            )
            for n, (name, solution) in enumerate(named)
        ]
    )
    figure.update_layout(
        barmode="group",
        height=300,
        margin={"l": 50, "r": 10, "t": 10, "b": 60},
        yaxis_title=f"{label(registry, key, language)}, %",
        **formats.chart_layout(language, yaxis=formats.axis(0, 1)),
    )
    return figure


def place_count(count: int, language: str) -> str:
    """ "1 ort", "19 orter": a count of supported places, with its unit."""
    key = "diff_places_one" if count == 1 else "diff_places_many"
    return t(key, language, count=count)  # a county has hundreds of places, not thousands


def difference(
    named: Named, key: str, population: list[float], language: str
) -> tuple[dict[str, Any], dict[str, Any], str]:
    """Place and demand hideouts for the first two scenarios, and a one-line summary."""
    (name_a, a), (name_b, b) = named[0], named[1]
    places_a = {x.place_id for x in a.actions}
    places_b = {x.place_id for x in b.actions}
    status = dict.fromkeys(places_a & places_b, "both")
    status.update(dict.fromkeys(places_a - places_b, "a_only"))
    status.update(dict.fromkeys(places_b - places_a, "b_only"))
    both_have = key in a.uncovered_demand and key in b.uncovered_demand
    uncovered_a = set(a.uncovered_demand.get(key, ()))
    uncovered_b = set(b.uncovered_demand.get(key, ()))
    # a service only one scenario models cannot be compared person by person
    gained = sorted(uncovered_a - uncovered_b) if both_have else []  # reached in B, not in A
    lost = sorted(uncovered_b - uncovered_a) if both_have else []
    only_a = place_count(len(places_a - places_b), language)
    only_b = place_count(len(places_b - places_a), language)
    in_both = place_count(len(places_a & places_b), language)
    missing = "" if both_have else t("diff_not_in_both", language) + " "
    summary = missing + (
        f"{t('diff_gained', language, name=name_b, other=name_a)}: "
        f"{people_count(sum(population[i] for i in gained), language)}. "
        f"{t('diff_gained', language, name=name_a, other=name_b)}: "
        f"{people_count(sum(population[i] for i in lost), language)}. "
        f"{t('diff_a_only', language, name=name_a)}: {only_a}, "
        f"{t('diff_b_only', language, name=name_b)}: {only_b}, "
        f"{t('diff_both', language)}: {in_both}."
    )
    places = style.place_hideout(status, None, style.DIFF_PLACE_COLORS)
    return places, style.diff_demand_hideout(gained, lost), summary
