"""Scenario store → solve (cached per scenario) → result store, or a readable alert; and the
marks that say a figure on screen is being computed or belongs to an earlier scenario."""

from __future__ import annotations

from typing import Any

from dash import (
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    html,
    no_update,
)

from dashapp import ids
from dashapp.data import read_scenario, solve
from dashapp.i18n import t
from models.errors import ServicekartanError

KPI_PANEL_CLASS = "sk-kpi-panel"


def solve_payload(data: dict[str, Any], language: str) -> tuple[Any, Any, bool]:
    """(result store, alert text, alert open): the Solution's dict, or the model's message."""
    try:
        solution = solve(read_scenario(data))
    except ServicekartanError as error:
        return (
            no_update,
            [html.Strong(t("error_title", language) + ": "), error.message(language)],
            True,
        )
    return solution.to_dict(), "", False


# A change reaches the solver once the scenario has been still for a moment (assets/controls.js),
# so a burst of slider steps costs one solve, not a queue of them.
clientside_callback(
    ClientsideFunction(namespace="servicekartan", function_name="settle"),
    Output(ids.SOLVE_REQUEST, "data"),
    Input(ids.SCENARIO_STORE, "data"),
)


@callback(
    Output(ids.RESULT_STORE, "data"),
    Output(ids.ERROR, "children"),
    Output(ids.ERROR, "is_open"),
    Input(ids.SOLVE_REQUEST, "data"),
    Input(ids.SOLVE, "n_clicks"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.AUTO_SOLVE, "value"),
    State(ids.LANGUAGE_STORE, "data"),
    running=[
        (Output(ids.SOLVE, "disabled"), True, False),
        (Output(ids.SOLVING, "hidden"), False, True),
    ],
    prevent_initial_call=True,
)
def solve_scenario(
    _request: Any,
    _clicks: int | None,
    data: dict[str, Any] | None,
    auto: bool | None,
    language: str,
) -> tuple[Any, Any, Any]:
    """The current scenario, on the button or (with "Räkna om direkt") once it settles."""
    if data is None or (ctx.triggered_id == ids.SOLVE_REQUEST and auto is False):
        return no_update, no_update, no_update
    return solve_payload(data, language)


def same_scenario(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Whether two stored scenarios are the same scenario (read, so defaults compare equal)."""
    return a is not None and b is not None and read_scenario(a) == read_scenario(b)


@callback(
    Output(ids.STALE, "children"),
    Output(ids.KPI_PANEL, "className"),
    Input(ids.SCENARIO_STORE, "data"),
    Input(ids.RESULT_STORE, "data"),
    Input(ids.AUTO_SOLVE, "value"),
    State(ids.LANGUAGE_STORE, "data"),
)
def mark_stale(
    scenario: dict[str, Any] | None, result: dict[str, Any] | None, auto: bool, language: str
) -> tuple[str, str]:
    """KPIs computed for another scenario than the one on screen say so."""
    if not result or same_scenario(result.get("scenario"), scenario):
        return "", KPI_PANEL_CLASS
    return t("stale" if auto else "stale_press_solve", language), f"{KPI_PANEL_CLASS} sk-stale"


@callback(
    Output(ids.CURVE_SCENARIO, "data"),
    Input(ids.CURVE_BUTTON, "n_clicks"),
    State(ids.SCENARIO_STORE, "data"),
    prevent_initial_call=True,
)
def remember_curve_scenario(_clicks: int | None, data: dict[str, Any] | None) -> Any:
    """The scenario the curve is computed for (callbacks/curve.py reads the same state)."""
    return data


@callback(
    Output(ids.CURVE_STALE, "children"),
    Input(ids.CURVE_SCENARIO, "data"),
    Input(ids.SCENARIO_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def mark_curve_stale(
    asked: dict[str, Any] | None, current: dict[str, Any] | None, language: str
) -> str:
    return "" if asked is None or same_scenario(asked, current) else t("curve_stale", language)
