"""The four-year plan tab: plans the scenario over the years when asked (a few seconds)."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html, no_update

from dashapp import ids
from dashapp.components.plan import table
from dashapp.data import dataset, read_scenario
from dashapp.i18n import t
from dashapp.plan_text import action_table, summary_lines, year_table
from models.errors import ServicekartanError
from models.plan import run_plan

MAX_YEARS = 6


@callback(
    Output(ids.PLAN_BUDGET, "value"),
    Input(ids.SCENARIO_STORE, "data"),
    State(ids.PLAN_BUDGET, "value"),
)
def default_budget(scenario_data: dict[str, Any] | None, typed: Any) -> Any:
    """The scenario's budget is the yearly budget until someone types another."""
    if typed is not None:
        return no_update
    return read_scenario(scenario_data or {}).budget_sek


@callback(
    Output(ids.PLAN_RESULT, "children"),
    Input(ids.PLAN_RUN, "n_clicks"),
    State(ids.PLAN_BUDGET, "value"),
    State(ids.PLAN_YEARS, "value"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def make_plan(
    _clicks: Any, budget: Any, years: Any, scenario_data: dict[str, Any] | None, language: str
) -> Any:
    try:
        yearly, count = float(budget), int(years)
    except (TypeError, ValueError):
        return dbc.Alert(t("plan_bad_input", language, most=MAX_YEARS), color="warning")
    if not 0 <= yearly < 1e12 or not 1 <= count <= MAX_YEARS:
        return dbc.Alert(t("plan_bad_input", language, most=MAX_YEARS), color="warning")
    try:
        plan = run_plan(dataset(), read_scenario(scenario_data or {}), [yearly] * count)
    except ServicekartanError as error:
        return dbc.Alert(error.message(language), color="warning")
    registry = dataset().registry
    return html.Div(
        [
            *(html.P(line, className="mb-1") for line in summary_lines(plan, language)),
            table(*year_table(plan, language, registry), "sk-plan-years"),
            table(*action_table(plan, language, registry), "sk-plan-actions"),
        ]
    )
