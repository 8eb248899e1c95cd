"""The robustness run under the critical points: close the N most critical points together and
show who loses each service, per service and per kommun (filled by callbacks/robustness.py)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashapp import ids
from dashapp.components.results import Column, grid
from dashapp.i18n import t

DEFAULT_K = 5
MAX_K = 20


def service_columns(language: str) -> list[Column]:
    return [
        ("service", t("col_service", language), "name"),
        ("today", t("robust_today", language), "number"),
        ("after", t("robust_after", language), "number"),
        ("losing", t("robust_losing", language), "number"),
        ("single", t("robust_single", language), "number"),
    ]


def kommun_columns(language: str) -> list[Column]:
    return [
        ("kommun", t("col_kommun", language), "text"),
        ("service", t("col_service", language), "name"),
        ("losing", t("robust_losing", language), "number"),
    ]


def robustness_section(language: str) -> html.Section:
    return html.Section(
        [
            html.H3(t("robust_heading", language), className="h6 mt-3"),
            html.P(t("robust_help", language), className="small text-muted mb-2"),
            html.Div(
                [
                    dbc.Label(t("robust_k", language), html_for=ids.ROBUST_K, className="mb-0"),
                    dbc.Input(
                        id=ids.ROBUST_K,
                        type="number",
                        min=1,
                        max=MAX_K,
                        step=1,
                        value=DEFAULT_K,
                        size="sm",
                        className="sk-robust-k",
                    ),
                    dbc.Button(
                        t("robust_button", language, k=DEFAULT_K),
                        id=ids.ROBUST_BUTTON,
                        color="secondary",
                    ),
                    html.Button(  # a plain button: dbc.Button cannot be hidden
                        t("cancel", language),
                        id=ids.ROBUST_CANCEL,
                        className="btn btn-outline-danger",
                        hidden=True,
                    ),
                ],
                className="d-flex align-items-center gap-2 flex-wrap mb-2",
            ),
            html.Div(id=ids.ROBUST_PROGRESS, role="status", className="sk-progress-wrap"),
            html.Div(id=ids.ROBUST_STALE, className="sk-stale-note", role="status"),
            html.Div(
                [
                    html.P(id=ids.ROBUST_CLOSED, className="small mb-2"),
                    html.H4(t("robust_by_service", language), className="h6"),
                    grid(ids.ROBUST_SERVICE_TABLE, service_columns(language), language),
                    html.H4(t("robust_by_kommun", language), className="h6 mt-2"),
                    grid(ids.ROBUST_KOMMUN_TABLE, kommun_columns(language), language),
                ],
                className="sk-robust-result",
            ),
            dcc.Store(id=ids.ROBUST_SCENARIO),
        ],
        className="sk-robustness",
    )
