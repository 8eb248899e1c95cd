"""Scenario store → solve → result store, or a readable alert; and the marks that say a figure
on screen is being computed or belongs to an earlier scenario.

Two paths write the result store. A plain scenario (under a second) is solved in the request,
cached per scenario: a background job would add its start-up and polling delay. A slow one
(``background.is_slow``: maximin or shared-place savings; 2–3 s) is handed on to
a background job, which a newer scenario or press cancels, so no web worker waits on it and an
old answer never lands over a newer one."""

from __future__ import annotations

from collections.abc import Callable
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
from dashapp.background import POLL_MS, is_slow, job_dataset, job_scenario, job_solve
from dashapp.callbacks.results import kpi_view
from dashapp.data import dataset, read_scenario, solve
from dashapp.i18n import t
from models.errors import ServicekartanError
from models.services import ServiceRegistry
from models.solution import Solution

KPI_PANEL_CLASS = "sk-kpi-panel"


def error_alert(error: ServicekartanError, language: str) -> list[Any]:
    return [html.Strong(t("error_title", language) + ": "), error.message(language)]


def answer_outputs(duplicate: bool) -> dict[str, Output]:
    """What a solve answers: the result store and the alert, and the KPI cards with their
    panel's stale mark, drawn in the same answer rather than one round trip after the store
    (budget typed → KPIs, issue 9); results.show_kpis redraws them for another kommun view."""
    return {
        "result": Output(ids.RESULT_STORE, "data", allow_duplicate=duplicate),
        "alert": Output(ids.ERROR, "children", allow_duplicate=duplicate),
        "alert_open": Output(ids.ERROR, "is_open", allow_duplicate=duplicate),
        "kpis": Output(ids.KPIS, "children", allow_duplicate=True),
        "stale": Output(ids.STALE, "children", allow_duplicate=True),
        "panel": Output(ids.KPI_PANEL, "className", allow_duplicate=True),
        "drawn_for": Output(ids.KPI_KOMMUN, "data", allow_duplicate=True),
    }


NO_ANSWER = dict.fromkeys(answer_outputs(False), no_update)


def solve_payload(
    solve_it: Callable[[], Solution], registry: ServiceRegistry, kommun: str | None, language: str
) -> dict[str, Any]:
    """The Solution's dict with its KPI cards for the kommun view, or the model's message. The
    answer belongs to the scenario it solved, so the panel is not stale; a scenario changed
    meanwhile is marked again by mark_stale, which waits for this answer."""
    try:
        solution = solve_it()
    except ServicekartanError as error:
        return {**NO_ANSWER, "alert": error_alert(error, language), "alert_open": True}
    return {
        "result": solution.to_dict(),
        "alert": "",
        "alert_open": False,
        "kpis": kpi_view(solution, registry, kommun, language),
        "stale": "",
        "panel": KPI_PANEL_CLASS,
        "drawn_for": kommun,
    }


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
    output=answer_outputs(duplicate=False),
    inputs={
        "_request": Input(ids.SOLVE_REQUEST, "data"),
        "_clicks": Input(ids.SOLVE, "n_clicks"),
        "data": State(ids.SCENARIO_STORE, "data"),
        "auto": State(ids.AUTO_SOLVE, "value"),
        "kommun": State(ids.KOMMUN, "value"),
        "language": State(ids.LANGUAGE_STORE, "data"),
    },
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
    kommun: str | None,
    language: str,
) -> dict[str, Any]:
    """The current scenario, on the button or (with "Räkna om direkt") once it settles; a
    slow one is left to hand_on_slow."""
    if not wanted(data, auto) or data is None or slow(data):
        return NO_ANSWER
    scenario = data
    return solve_payload(
        lambda: solve(read_scenario(scenario)), dataset().registry, kommun, language
    )


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
    output=answer_outputs(duplicate=True),
    inputs={
        "data": Input(ids.SLOW_SOLVE_REQUEST, "data"),
        "kommun": State(ids.KOMMUN, "value"),
        "language": State(ids.LANGUAGE_STORE, "data"),
    },
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
def solve_in_background(
    data: dict[str, Any] | None, kommun: str | None, language: str
) -> dict[str, Any]:
    """A slow scenario, solved in a background job (no Flask context: dashapp/background.py)."""
    if data is None:
        return NO_ANSWER
    scenario = data
    return solve_payload(
        lambda: job_solve(job_scenario(scenario)), job_dataset().registry, kommun, language
    )


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
