"""The four-year plan tab: yearly budget and years in, a table per year and per action out."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashapp import ids
from dashapp.i18n import t
from dashapp.plan_text import Columns, Rows


def plan_tab(language: str) -> html.Div:
    return html.Div(
        [
            html.P(t("plan_intro", language), className="small my-2"),
            dbc.InputGroup(
                [
                    dbc.InputGroupText(t("plan_budget", language)),
                    dbc.Input(id=ids.PLAN_BUDGET, type="text", debounce=True),
                    dbc.InputGroupText(t("plan_years", language)),
                    dbc.Select(
                        id=ids.PLAN_YEARS,
                        options=[{"label": str(n), "value": n} for n in range(1, 7)],
                        value=4,
                    ),
                    dbc.Button(t("plan_run", language), id=ids.PLAN_RUN, color="primary"),
                ],
                size="sm",
                className="mb-2",
            ),
            dcc.Loading(html.Div(id=ids.PLAN_RESULT, role="status"), type="dot"),
        ]
    )


def table(columns: Columns, rows: Rows, class_name: str) -> html.Table:
    """A read-only table of preformatted text (figures right-aligned)."""
    head = html.Thead(html.Tr([html.Th(header) for _, header in columns]))
    body = html.Tbody([html.Tr([html.Td(row.get(key, "")) for key, _ in columns]) for row in rows])
    return html.Table([head, body], className=f"table table-sm small {class_name}")
