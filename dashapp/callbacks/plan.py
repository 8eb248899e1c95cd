"""The four-year plan tab: plans the scenario over the years when asked (a few seconds)."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html, no_update

from dashapp import ids
from dashapp.components.plan import table
from dashapp.data import dataset, read_scenario
from dashapp.i18n import number, t
from dashapp.plan_text import action_table, summary_lines, year_table
from dashapp.scenario_form import BudgetProblem, parse_budget
from models.errors import ServicekartanError
from models.plan import run_plan

MAX_YEARS = 6


@callback(
    Output(ids.PLAN_BUDGET, "value"),
    Input(ids.SCENARIO_STORE, "data"),
    State(ids.PLAN_BUDGET, "value"),
    State(ids.LANGUAGE_STORE, "data"),
)
def default_budget(scenario_data: dict[str, Any] | None, typed: Any, language: str = "sv") -> Any:
    """The scenario's budget is the yearly budget until someone types another."""
    if typed:
        return no_update
    return number(read_scenario(scenario_data or {}).budget_sek, language)


def yearly_budgets(typed: Any, years: Any, language: str) -> list[float]:
    """One amount for every year, or one per year separated by ";" ("2 mnkr; 2,5 mnkr"), read
    like the budget field; raises ValueError when the text or the number of years is not
    usable."""
    parts = [p for p in str(typed or "").split(";") if p.strip()]
    try:
        budgets = [parse_budget(p.strip(), language) for p in parts]
        count = len(budgets) if len(budgets) > 1 else int(years)
    except (BudgetProblem, TypeError, ValueError) as error:
        raise ValueError(str(typed)) from error
    if not budgets or not 1 <= count <= MAX_YEARS:
        raise ValueError(str(typed))
    return budgets if len(budgets) > 1 else budgets * count


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
        budgets = yearly_budgets(budget, years, language)
    except ValueError:
        return dbc.Alert(t("plan_bad_input", language, most=MAX_YEARS), color="warning")
    try:
        plan = run_plan(dataset(), read_scenario(scenario_data or {}), budgets)
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
