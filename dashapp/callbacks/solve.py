"""Scenario store → solve (cached per scenario) → result store, or a readable alert."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback, ctx, html, no_update

from dashapp import ids
from dashapp.data import read_scenario, solve
from dashapp.i18n import t
from models.errors import ServicekartanError


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


@callback(
    Output(ids.RESULT_STORE, "data"),
    Output(ids.ERROR, "children"),
    Output(ids.ERROR, "is_open"),
    Input(ids.SCENARIO_STORE, "data"),
    Input(ids.SOLVE, "n_clicks"),
    State(ids.AUTO_SOLVE, "value"),
    State(ids.LANGUAGE_STORE, "data"),
    running=[(Output(ids.SOLVE, "disabled"), True, False)],
)
def solve_scenario(
    data: dict[str, Any] | None, _clicks: int | None, auto: bool | None, language: str
) -> tuple[Any, Any, Any]:
    if data is None or (ctx.triggered_id == ids.SCENARIO_STORE and auto is False):
        return no_update, no_update, no_update
    return solve_payload(data, language)
