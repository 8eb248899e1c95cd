"""The Export tab's reports: nulägesanalys, handlingsplan and follow-up, one click each."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashapp import ids
from dashapp.i18n import t

# (kind, format) → the button's text key; the order is the order on screen
REPORTS: tuple[tuple[str, str], ...] = (
    ("current", "pdf"),
    ("plan", "docx"),
    ("plan", "pdf"),
    ("follow-up", "pdf"),
)


def report_panel(language: str) -> html.Div:
    buttons = [
        dbc.Button(
            t(f"report_{kind}_{fmt}".replace("-", "_"), language),
            id=ids.report_button(kind, fmt),
            color="primary",
            outline=True,
            className="me-2 my-1",
        )
        for kind, fmt in REPORTS
    ]
    return html.Div(
        [
            html.H3(t("reports_title", language), className="h6 mt-3"),
            html.P(t("reports_help", language), className="small text-muted mb-1"),
            html.Div(buttons),
            dcc.Loading(html.Div(id=ids.REPORT_MESSAGE, role="status", className="small")),
            dcc.Download(id=ids.REPORT_DOWNLOAD),
        ]
    )
