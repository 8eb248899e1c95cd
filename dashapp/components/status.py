"""The KPI column's frame: which kommun it shows, whether its figures are being computed or
belong to an earlier scenario, what the figures mean, and whether support is restricted."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashapp import ids
from dashapp.components.controls import view_kommun
from dashapp.i18n import number, t
from models.dataset import Dataset
from models.scenario import Scenario
from models.services import ServiceRegistry


def kpi_help(scenario: Scenario, registry: ServiceRegistry, language: str) -> list[html.Div]:
    """ "Hela korgen" for the scenario's approach, and what the two comparisons compare with."""
    services = ", ".join(registry.label(s, language).lower() for s in scenario.basket)
    if scenario.mode == "self_sufficient":
        minutes = min((scenario.settings(s).threshold_min for s in scenario.basket), default=0)
        shown = number(minutes, language)
        basket = t("help_basket_self_sufficient", language, services=services, minutes=shown)
    else:
        basket = t("help_basket_complementary", language, services=services)
    return [
        html.Div(basket, className="sk-help-basket") if scenario.basket else html.Div(),
        html.Div(t("help_vs_baseline", language)),
        html.Div(t("help_vs_today", language)),
    ]


def kpi_panel(dataset: Dataset, language: str) -> html.Div:
    """Beside the map: the view filter, the status line, the KPI cards (filled by
    callbacks/results.py) and their explanation."""
    return html.Div(
        [
            view_kommun(dataset, language),
            html.Div(
                id=ids.SUPPORT_NOTE, hidden=True, className="sk-support-note small", role="status"
            ),
            html.Div(
                [dbc.Spinner(size="sm", spinner_class_name="me-2"), t("solving", language)],
                id=ids.SOLVING,
                hidden=True,
                className="sk-solving small fw-semibold",
                role="status",
            ),
            html.Div(id=ids.STALE, className="sk-stale-note small fw-semibold", role="status"),
            html.Div(id=ids.KPIS, className="sk-kpis"),
            html.Div(id=ids.KPI_HELP, className="sk-kpi-help small text-muted"),
            # a slow scenario on its way to the background solver (callbacks/solve.py)
            dcc.Store(id=ids.SLOW_SOLVE_REQUEST),
        ],
        id=ids.KPI_PANEL,
        className="sk-kpi-panel",
    )
