"""The budget–coverage curve and its nested priority list, computed on request."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import plotly.graph_objects as go
from dash import Input, Output, State, callback, dcc, no_update

from dashapp import formats, ids
from dashapp.data import dataset, read_scenario, settings
from dashapp.i18n import t
from dashapp.present import Row, shown
from models.analysis import BudgetCurve, budget_curve
from models.dataset import load_dataset
from models.errors import ServicekartanError
from models.scenario import Scenario
from models.services import ServiceRegistry

STEPS = 10


def curve_budgets(budget_sek: float) -> list[float]:
    """Ten budgets from zero to twice the scenario's (at least 2 MSEK), so the curve shows
    what more money would buy as well as what less would lose."""
    top = max(2 * budget_sek, 2_000_000.0)
    return [round(top * k / (STEPS - 1), -3) for k in range(STEPS)]


@lru_cache(maxsize=16)
def _curve(folder: str, scenario_json: str) -> BudgetCurve:
    scenario = Scenario.from_json(scenario_json)
    return budget_curve(load_dataset(folder), scenario, curve_budgets(scenario.budget_sek))


def curve_figure(curve: BudgetCurve, language: str, budget_sek: float | None = None) -> go.Figure:
    """The curve, with a line at the scenario's own budget (where the room stands now)."""
    figure = go.Figure(
        go.Scatter(
            x=[s.budget_sek / 1e6 for s in curve.steps],
            y=[s.solution.objective for s in curve.steps],
            mode="lines+markers",
            line={"color": "#0072B2"},
        )
    )
    figure.update_layout(
        xaxis_title=t("curve_axis_budget", language),
        yaxis_title=t("curve_axis_people", language),
        margin={"l": 60, "r": 10, "t": 10, "b": 50},
        height=320,
        **formats.chart_layout(language, xaxis=formats.axis(1), yaxis=formats.axis(0)),
    )
    if budget_sek is not None:
        figure.add_vline(
            x=budget_sek / 1e6,
            line={"color": "#D55E00", "dash": "dash"},
            annotation_text=t("curve_current_budget", language),
            annotation_position="top left",
        )
    return figure


def priority_rows(curve: BudgetCurve, registry: ServiceRegistry, language: str) -> list[Row]:
    return [
        {
            **shown("rank", p.rank, formats.number(p.rank, language)),
            "place": p.action.place_name,
            "service": registry.label(p.action.service, language),
            "action": t(f"action_{p.action.action}", language),
            **shown("cost", p.action.cost_sek, formats.money(p.action.cost_sek, language)),
            **shown("from_budget", p.from_budget_sek, formats.money(p.from_budget_sek, language)),
            **shown(
                "gained", p.action.people_gained, formats.number(p.action.people_gained, language)
            ),
            **shown(
                "per_msek",
                p.action.people_per_msek,
                formats.optional(p.action.people_per_msek, language),
            ),
        }
        for p in curve.priorities()
    ]


@callback(
    Output(ids.CURVE_GRAPH, "children"),
    Output(ids.PRIORITY_TABLE, "rowData"),
    Output(ids.ERROR, "children", allow_duplicate=True),
    Output(ids.ERROR, "is_open", allow_duplicate=True),
    Input(ids.CURVE_BUTTON, "n_clicks"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
    running=[(Output(ids.CURVE_BUTTON, "disabled"), True, False)],
)
def show_curve(_clicks: int | None, data: dict[str, Any] | None, language: str) -> Any:
    if not data:
        return no_update, no_update, no_update, no_update
    try:
        curve = _curve(str(settings().data_dir), read_scenario(data).to_json())
    except ServicekartanError as error:
        return no_update, no_update, error.message(language), True
    budget = read_scenario(data).budget_sek
    figure = curve_figure(curve, language, budget)
    graph = dcc.Graph(figure=figure, config={"displaylogo": False})
    return graph, priority_rows(curve, dataset().registry, language), no_update, no_update
