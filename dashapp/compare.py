"""Pure comparison of solved scenarios: KPI deltas, bar charts and the difference map."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from dashapp.components.workspace import DIFF_COLORS
from dashapp.i18n import number, t

Named = list[tuple[str, dict[str, Any]]]  # (scenario name, result payload)
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


def compare_table(named: Named, language: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows: people covered per service, the basket, and SEK used; a column per scenario and
    a difference column for each against the first."""
    first_name, first = named[0]
    columns = [{"id": "metric", "name": t("compare_metric", language)}]
    columns += [{"id": f"s{k}", "name": name} for k, (name, _) in enumerate(named)]
    columns += [
        {"id": f"d{k}", "name": f"{name} − {first_name}"} for k, (name, _) in enumerate(named) if k
    ]
    rows = []
    for position, covered in enumerate(first["covered"]):
        values = [p["covered"][position]["scenario"] for _, p in named]
        rows.append(_row(t(f"service_{covered['key']}", language), values, language))
    rows.append(_row(t("kpi_cost", language), [p["cost_sek"] for _, p in named], language))
    return columns, rows


def _row(metric: str, values: list[float], language: str) -> dict[str, Any]:
    row: dict[str, Any] = {"metric": metric}
    for k, value in enumerate(values):
        row[f"s{k}"] = number(value, language)
        if k:
            delta = value - values[0]
            row[f"d{k}"] = ("+" if delta > 0 else "") + number(delta, language)
    return row


def service_figure(named: Named, language: str) -> go.Figure:
    keys = [c["key"] for c in named[0][1]["covered"]]
    figure = go.Figure(
        [
            go.Bar(
                name=name,
                x=[t(f"service_{k}", language) for k in keys],
                y=[c["scenario"] for c in payload["covered"]],
                marker_color=PALETTE[n % len(PALETTE)],
            )
            for n, (name, payload) in enumerate(named)
        ]
    )
    figure.update_layout(
        barmode="group",
        height=300,
        margin={"l": 50, "r": 10, "t": 10, "b": 40},
        yaxis_title=t("people", language),
    )
    return figure


def kommun_figure(named: Named, service: str, language: str) -> go.Figure:
    def shares(payload: dict[str, Any]) -> list[float]:
        return [
            100 * next(c for c in k["covered"] if c["key"] == service)["scenario"] / k["population"]
            for k in payload["by_kommun"]
        ]

    kommuner = [k["kommun"] for k in named[0][1]["by_kommun"]]
    figure = go.Figure(
        [
            go.Bar(name=name, x=kommuner, y=shares(payload), marker_color=PALETTE[n % len(PALETTE)])
            for n, (name, payload) in enumerate(named)
        ]
    )
    figure.update_layout(
        barmode="group",
        height=300,
        margin={"l": 50, "r": 10, "t": 10, "b": 60},
        yaxis_title=f"{t(f'service_{service}', language)}, %",
    )
    return figure


def difference(
    named: Named, service: str, population: list[float], language: str
) -> tuple[dict[str, Any], dict[str, Any], str]:
    """Place and demand hideouts for the first two scenarios, and a one-line summary."""
    (name_a, a), (name_b, b) = named[0], named[1]
    places_a = {x["place_id"] for x in a["actions"]}
    places_b = {x["place_id"] for x in b["actions"]}
    status = dict.fromkeys(places_a & places_b, "both")
    status.update(dict.fromkeys(places_a - places_b, "a_only"))
    status.update(dict.fromkeys(places_b - places_a, "b_only"))
    uncovered_a, uncovered_b = set(a["uncovered"][service]), set(b["uncovered"][service])
    gained = sorted(uncovered_a - uncovered_b)  # reached in B, not in A
    lost = sorted(uncovered_b - uncovered_a)
    summary = (
        f"{t('diff_gained', language, name=name_b, other=name_a)}: "
        f"{number(sum(population[i] for i in gained), language)} {t('people', language)}. "
        f"{t('diff_gained', language, name=name_a, other=name_b)}: "
        f"{number(sum(population[i] for i in lost), language)} {t('people', language)}. "
        f"{t('diff_a_only', language, name=name_a)}: {len(places_a - places_b)}, "
        f"{t('diff_b_only', language, name=name_b)}: {len(places_b - places_a)}, "
        f"{t('diff_both', language)}: {len(places_a & places_b)}."
    )
    places = {"status": status, "colors": DIFF_COLORS, "default": "none"}
    return places, {"gained": gained, "lost": lost}, summary
