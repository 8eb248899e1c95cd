"""Scenario store → solve → result store, or a readable alert; and the marks that say a figure
on screen is being computed or belongs to an earlier scenario.

Two paths write the result store. A plain scenario (under a second) is solved in the request,
cached per scenario: a background job would add its start-up and polling delay. A slow one
(``background.is_slow``: maximin or shared-place savings; 2–3 s) is handed on to
a background job, which a newer scenario or press cancels, so no web worker waits on it and an
old answer never lands over a newer one."""

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
from dashapp.background import POLL_MS, is_slow, job_scenario, job_solve
from dashapp.data import read_scenario, solve
from dashapp.i18n import t
from models.errors import ServicekartanError

KPI_PANEL_CLASS = "sk-kpi-panel"


def error_alert(error: ServicekartanError, language: str) -> list[Any]:
    return [html.Strong(t("error_title", language) + ": "), error.message(language)]


def solve_payload(data: dict[str, Any], language: str) -> tuple[Any, Any, bool]:
    """(result store, alert text, alert open): the Solution's dict, or the model's message."""
    try:
        solution = solve(read_scenario(data))
    except ServicekartanError as error:
        return no_update, error_alert(error, language), True
    return solution.to_dict(), "", False


def slow(data: dict[str, Any]) -> bool:
    """Whether the stored scenario goes to the background solver (one that does not read
    goes the ordinary way, where solve_payload says what is wrong with it)."""
    try:
        return is_slow(read_scenario(data))
    except ServicekartanError:
        return False


def wanted(data: dict[str, Any] | None, auto: bool | None) -> bool:
    """Whether to solve now: on the button, or (with "Räkna om direkt") once it settles."""
    return data is not None and not (ctx.triggered_id == ids.SOLVE_REQUEST and auto is False)


# A change after a quiet spell reaches the solver at once; a burst of slider steps waits until
# the scenario has been still for a moment (assets/controls.js), so it costs two solves (the
# first and the last), not a queue of them.
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
    """The current scenario, on the button or (with "Räkna om direkt") once it settles; a
    slow one is left to hand_on_slow."""
    if not wanted(data, auto) or data is None or slow(data):
        return no_update, no_update, no_update
    return solve_payload(data, language)


@callback(
    Output(ids.SLOW_SOLVE_REQUEST, "data"),
    Input(ids.SOLVE_REQUEST, "data"),
    Input(ids.SOLVE, "n_clicks"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.AUTO_SOLVE, "value"),
    prevent_initial_call=True,
)
def hand_on_slow(
    _request: Any, _clicks: int | None, data: dict[str, Any] | None, auto: bool | None
) -> Any:
    """A slow scenario, on the same triggers, to the background solver below."""
    return data if wanted(data, auto) and data is not None and slow(data) else no_update


@callback(
    Output(ids.RESULT_STORE, "data", allow_duplicate=True),
    Output(ids.ERROR, "children", allow_duplicate=True),
    Output(ids.ERROR, "is_open", allow_duplicate=True),
    Input(ids.SLOW_SOLVE_REQUEST, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    background=True,
    # any newer scenario or press makes this answer out of date before it arrives
    cancel=[Input(ids.SOLVE_REQUEST, "data"), Input(ids.SOLVE, "n_clicks")],
    running=[
        (Output(ids.SOLVE, "disabled"), True, False),
        (Output(ids.SOLVING, "hidden"), False, True),
    ],
    interval=POLL_MS,
    prevent_initial_call=True,
)
def solve_in_background(data: dict[str, Any] | None, language: str) -> tuple[Any, Any, Any]:
    """A slow scenario, solved in a background job (no Flask context: dashapp/background.py)."""
    if data is None:
        return no_update, no_update, no_update
    try:
        solution = job_solve(job_scenario(data))
    except ServicekartanError as error:
        return no_update, error_alert(error, language), True
    return solution.to_dict(), "", False


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
    Output(ids.CURVE_STALE, "children"),
    Input(ids.CURVE_SCENARIO, "data"),
    Input(ids.SCENARIO_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def mark_curve_stale(
    asked: dict[str, Any] | None, current: dict[str, Any] | None, language: str
) -> str:
    return "" if asked is None or same_scenario(asked, current) else t("curve_stale", language)
