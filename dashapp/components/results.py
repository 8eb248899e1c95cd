"""Result views: KPI cards, tables and the tabs that hold them.

Tables are AG Grids. Each figure arrives twice in a row, as a number (``cost``) and as the text
``formats.py`` wrote for the reader (``cost_text``): the grid sorts by the number and shows the
text, so a table, a KPI card and an export write a figure the same way (docs/app.md).
"""

from __future__ import annotations

from typing import Any

import dash_ag_grid as dag  # type: ignore[import-untyped]
import dash_bootstrap_components as dbc
from dash import html

from dashapp import ids
from dashapp.formats import GROUP_SV
from dashapp.i18n import t
from dashapp.present import TEXT_SUFFIX

Column = tuple[str, str, str]  # (field, header as shown, kind: text, name, number or wrap)

# A cell shows its row's preformatted text. dash-ag-grid parses {"function": …} with esprima
# and evaluates it with static-eval: a plain expression like this one needs no eval(), so it
# runs under the app's CSP (a "function(…) {…}" literal would need Function() and be blocked).
SHOWN_TEXT = {"function": f"params.data[params.colDef.field + '{TEXT_SUFFIX}']"}
THEME = {
    "function": "themeQuartz.withParams({fontFamily: 'inherit', fontSize: 14, spacing: 5, "
    "headerFontWeight: 600, wrapperBorderRadius: 4})"
}
PAGE_SIZE = 15
POINT_CHOICES = (
    10,
    20,
)  # the budget curve's "Punkter": 20 shows the steps between, in twice the time


KINDS: dict[str, dict[str, Any]] = {
    "text": {},
    # names of places, points and services: room to be read whole, wrapped if need be
    "name": {"wrapText": True, "autoHeight": True, "flex": 2, "minWidth": 150},
    "number": {
        "type": "rightAligned",
        "valueFormatter": SHOWN_TEXT,
        "cellDataType": "number",
        "minWidth": 110,
    },
    "wrap": {"wrapText": True, "autoHeight": True, "flex": 2, "minWidth": 240},
}


def column_defs(columns: list[Column]) -> list[dict[str, Any]]:
    """AG Grid column definitions: numbers right-aligned and shown as their text, names and
    long text wrapped. Every column sorts; none can be dragged away."""
    return [
        {"field": field, "headerName": header, "headerTooltip": header, **KINDS[kind]}
        for field, header, kind in columns
    ]


LOCALE_KEYS = {
    "noRowsToShow": "grid_no_rows",
    "loadingOoo": "grid_loading",
    "page": "grid_page",
    "to": "grid_to",
    "of": "grid_of",
    "more": "grid_more",
    "firstPage": "grid_first_page",
    "previousPage": "grid_previous_page",
    "nextPage": "grid_next_page",
    "lastPage": "grid_last_page",
}


def locale_text(language: str) -> dict[str, str]:
    """The grid's own words and the separators of its row counts, in the page's language."""
    english = language == "en"
    return {
        **{name: t(key, language) for name, key in LOCALE_KEYS.items()},
        "thousandSeparator": "," if english else GROUP_SV,
        "decimalSeparator": "." if english else ",",
    }


DEFAULT_COLUMN = {
    "sortable": True,
    "resizable": True,
    "suppressMovable": True,
    "flex": 1,
    "minWidth": 90,
    "wrapHeaderText": True,
    "autoHeaderHeight": True,
}


def grid(
    grid_id: str,
    columns: list[Column],
    language: str,
    row_id: str | None = None,
    clickable: bool = False,
    **options: Any,
) -> dag.AgGrid:
    """A sortable table that grows with its rows (15 a page unless ``pagination=False``).
    ``row_id`` names the field that identifies a row (what a click reports, and what tests
    find); a ``clickable`` table shows a pointer over its rows."""
    grid_options = {
        "theme": THEME,
        "domLayout": "autoHeight",
        "pagination": True,
        "paginationPageSize": PAGE_SIZE,
        "paginationPageSizeSelector": False,
        "localeText": locale_text(language),
        **options,
    }
    extra = {"getRowId": f"params.data.{row_id}"} if row_id else {}
    return dag.AgGrid(
        id=grid_id,
        columnDefs=column_defs(columns),
        rowData=[],
        defaultColDef=DEFAULT_COLUMN,
        dashGridOptions=grid_options,
        className="sk-grid sk-grid-clickable" if clickable else "sk-grid",
        style={"width": "100%"},
        **extra,
    )


def _columns(spec: list[Column], language: str) -> list[Column]:
    """Column specs with i18n keys as headers → with the headers in ``language``."""
    return [(field, t(key, language), kind) for field, key, kind in spec]


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


def actions_table(language: str) -> dag.AgGrid:
    """What the scenario funds; a click on a row opens the place's card."""
    spec = [
        ("place", "col_place", "name"),
        ("kommun", "col_kommun", "text"),
        ("service", "col_service", "name"),
        ("action", "col_action", "text"),
        ("cost", "col_cost", "number"),
        ("only_it", "col_only_it", "number"),
        ("gained", "col_gained", "number"),
        ("per_msek", "col_per_msek", "number"),
        ("support", "col_support", "text"),
    ]
    return grid(ids.ACTIONS_TABLE, _columns(spec, language), language, "row_id", clickable=True)


def kommun_table(language: str) -> dag.AgGrid:
    spec = [
        ("kommun", "col_kommun", "text"),
        ("population", "col_population", "number"),
        ("covered", "kpi_covered", "number"),
        ("share", "col_share", "number"),
        ("change", "col_change", "number"),
        ("cost", "col_cost", "number"),
    ]
    return grid(ids.KOMMUN_TABLE, _columns(spec, language), language)


def critical_table(language: str) -> html.Div:
    """Points whose closure leaves people without, one at a time (a click on a row opens the
    place's card), and below them the robustness run that closes the worst together."""
    spec = [
        ("point", "col_point", "name"),
        ("place", "col_place", "name"),
        ("service", "col_service", "name"),
        ("status", "col_status", "text"),
        ("losing", "col_losing", "number"),
        ("sentence", "col_consequence", "wrap"),
    ]
    # imported here: the robustness section builds its tables with this module's grid()
    from dashapp.components.robustness import robustness_section

    table = grid(ids.CRITICAL_TABLE, _columns(spec, language), language, "row_id", clickable=True)
    return html.Div([table, robustness_section(language)])


def priority_table(language: str) -> dag.AgGrid:
    spec = [
        ("rank", "col_rank", "number"),
        ("place", "col_place", "name"),
        ("service", "col_service", "name"),
        ("action", "col_action", "text"),
        ("cost", "col_cost", "number"),
        ("from_budget", "col_from_budget", "number"),
        ("gained", "col_gained", "number"),
        ("per_msek", "col_per_msek", "number"),
    ]
    return grid(ids.PRIORITY_TABLE, _columns(spec, language), language)


def curve_tab(language: str) -> html.Div:
    return html.Div(
        [
            html.Div(
                [
                    dbc.Button(t("curve_button", language), id=ids.CURVE_BUTTON, color="secondary"),
                    # shown while the curve is computed (callbacks/curve.py: running)
                    html.Button(  # a plain button: dbc.Button cannot be hidden
                        t("cancel", language),
                        id=ids.CURVE_CANCEL,
                        className="btn btn-outline-danger",
                        hidden=True,
                    ),
                    html.Span(t("curve_points", language), className="small ms-2"),
                    dbc.RadioItems(
                        id=ids.CURVE_POINTS,
                        options=[{"label": str(n), "value": n} for n in POINT_CHOICES],
                        value=POINT_CHOICES[0],
                        inline=True,
                        className="small",
                    ),
                    html.Span(t("curve_long", language), className="small text-muted"),
                ],
                className="d-flex align-items-center gap-2 my-2 flex-wrap",
            ),
            html.Div(id=ids.CURVE_PROGRESS, role="status", className="sk-progress-wrap"),
            # graphs are created on demand: Plotly's 1.4 MB library then loads only if used
            html.Div(id=ids.CURVE_GRAPH),
            html.H3(t("priority_heading", language), className="h6"),
            priority_table(language),
        ]
    )


def access_tab(services: list[tuple[str, str]], language: str) -> html.Div:
    """Nuläge: shares by car time per service, the official figures beside them, and, for a
    chosen kommun, every place with what it has ("Mina orter"). ``services`` are (key, label)."""
    classes = [("c0", "< 5 min"), ("c1", "5–10 min"), ("c2", "10–30 min"), ("c3", "> 30 min")]
    access_columns: list[Column] = [
        ("service", t("col_service", language), "name"),
        ("population", t("col_population", language), "number"),
        *((key, name, "number") for key, name in classes),
        ("within", t("access_within", language), "number"),
        ("reference", t("access_reference", language), "wrap"),
    ]
    place_columns: list[Column] = [
        ("place", t("col_place", language), "name"),
        ("kind", t("access_kind", language), "text"),
        ("population", t("col_population", language), "number"),
        ("services", t("card_services_today", language), "wrap"),
        *((f"min_{key}", f"{name}, min", "number") for key, name in services),
        ("losing", t("access_losing", language), "number"),
    ]
    return html.Div(
        [
            html.P(id=ids.ACCESS_NOTE, className="small text-muted my-2"),
            grid(ids.ACCESS_TABLE, access_columns, language, pagination=False),
            html.Div(id=ids.ACCESS_GRAPH),
            html.H3(t("my_places_heading", language), className="h6 mt-3"),
            grid(ids.MY_PLACES_TABLE, place_columns, language, row_id="place_id"),
        ]
    )
