"""Result views: KPI cards, tables and the tabs that hold them."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.dash_table.DataTable import DataTable
from dash.development.base_component import Component

from dashapp import ids
from dashapp.i18n import t

TABLE_STYLE: dict[str, Any] = {
    "style_table": {"overflowX": "auto"},
    "style_cell": {"fontFamily": "inherit", "fontSize": "0.9rem", "padding": "4px"},
    "style_header": {"fontWeight": "bold"},
    "sort_action": "native",
    "page_size": 15,
}


def kpi_card(card: dict[str, str]) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(card["title"], className="small text-muted"),
                html.Div(card["value"], className="sk-kpi-value fw-bold"),
                html.Div(card["vs_baseline"], className="small"),
                html.Div(card["vs_today"], className="small text-muted"),
            ],
            className="p-2",
        ),
        className="mb-2 sk-kpi",
        id=ids.kpi(card["key"]),
    )


def number_format(language: str) -> dict[str, Any]:
    """Whole numbers as the reader writes them, still sorting as numbers: 1 401 in Swedish
    (a non-breaking space between thousands), 1,401 in English."""
    if language == "en":
        return {"specifier": ",.0f"}
    return {"locale": {"group": "\u00a0", "decimal": ","}, "specifier": ",.0f"}


def _columns(spec: list[tuple[str, str, str]], language: str) -> list[Any]:
    columns = []
    for column_id, key, kind in spec:
        column: dict[str, Any] = {"id": column_id, "name": t(key, language)}
        if kind == "number":
            column.update(type="numeric", format=number_format(language))
        columns.append(column)
    return columns


def actions_table(language: str) -> Component:
    spec = [
        ("place", "col_place", "text"),
        ("kommun", "col_kommun", "text"),
        ("service", "col_service", "text"),
        ("action", "col_action", "text"),
        ("cost", "col_cost", "number"),
        ("only_it", "col_only_it", "number"),
        ("gained", "col_gained", "number"),
        ("per_msek", "col_per_msek", "number"),
    ]
    return DataTable(id=ids.ACTIONS_TABLE, columns=_columns(spec, language), **TABLE_STYLE)


def kommun_table(language: str) -> Component:
    spec = [
        ("kommun", "col_kommun", "text"),
        ("population", "col_population", "number"),
        ("covered", "kpi_covered", "number"),
        ("share", "col_share", "text"),
        ("change", "col_change", "number"),
        ("cost", "col_cost", "number"),
    ]
    return DataTable(id=ids.KOMMUN_TABLE, columns=_columns(spec, language), **TABLE_STYLE)


def critical_table(language: str) -> Component:
    spec = [
        ("point", "col_point", "text"),
        ("place", "col_place", "text"),
        ("service", "col_service", "text"),
        ("status", "col_status", "text"),
        ("losing", "col_losing", "number"),
        ("sentence", "col_consequence", "text"),
    ]
    style = {**TABLE_STYLE, "style_cell": {**TABLE_STYLE["style_cell"], "whiteSpace": "normal"}}
    return DataTable(id=ids.CRITICAL_TABLE, columns=_columns(spec, language), **style)


def priority_table(language: str) -> Component:
    spec = [
        ("rank", "col_rank", "number"),
        ("place", "col_place", "text"),
        ("service", "col_service", "text"),
        ("action", "col_action", "text"),
        ("cost", "col_cost", "number"),
        ("from_budget", "col_from_budget", "number"),
    ]
    return DataTable(id=ids.PRIORITY_TABLE, columns=_columns(spec, language), **TABLE_STYLE)


def curve_tab(language: str) -> html.Div:
    return html.Div(
        [
            dbc.Button(
                t("curve_button", language),
                id=ids.CURVE_BUTTON,
                color="secondary",
                className="my-2",
            ),
            # graphs are created on demand: Plotly's 1.4 MB library then loads only if used
            dcc.Loading(html.Div(id=ids.CURVE_GRAPH)),
            html.H3(t("priority_heading", language), className="h6"),
            priority_table(language),
        ]
    )


def access_tab(services: list[tuple[str, str]], language: str) -> html.Div:
    """Nuläge: shares by car time per service, the official figures beside them, and, for a
    chosen kommun, every place with what it has ("Mina orter"). ``services`` are (key, label)."""
    classes = [("c0", "< 5 min"), ("c1", "5–10 min"), ("c2", "10–30 min"), ("c3", "> 30 min")]
    access_columns: list[Any] = [
        {"id": "service", "name": t("col_service", language)},
        {"id": "population", "name": t("col_population", language)},
        *({"id": key, "name": name} for key, name in classes),
        {"id": "within", "name": t("access_within", language)},
        {"id": "reference", "name": t("access_reference", language)},
    ]
    place_columns: list[Any] = [
        {"id": "place", "name": t("col_place", language)},
        {"id": "kind", "name": t("access_kind", language)},
        {"id": "population", "name": t("col_population", language)},
        {"id": "services", "name": t("card_services_today", language)},
        *({"id": f"min_{key}", "name": f"{name}, min"} for key, name in services),
        {"id": "losing", "name": t("access_losing", language)},
    ]
    wrap = {**TABLE_STYLE, "style_cell": {**TABLE_STYLE["style_cell"], "whiteSpace": "normal"}}
    return html.Div(
        [
            html.P(id=ids.ACCESS_NOTE, className="small text-muted my-2"),
            DataTable(id=ids.ACCESS_TABLE, columns=access_columns, **wrap),
            html.Div(id=ids.ACCESS_GRAPH),
            html.H3(t("my_places_heading", language), className="h6 mt-3"),
            DataTable(id=ids.MY_PLACES_TABLE, columns=place_columns, **wrap),
        ]
    )
