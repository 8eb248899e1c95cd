"""Workshop mode, and keeping the URL (and the language link) in step with the scenario."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback, no_update

from dashapp import ids
from dashapp.data import read_scenario
from dashapp.scenario_form import url_query


@callback(
    Output(ids.WORKSHOP_STORE, "data"),
    Output(ids.ROOT, "className"),
    Input(ids.WORKSHOP, "value"),
    prevent_initial_call=True,
)
def toggle_workshop(on: bool) -> tuple[bool, str]:
    return bool(on), "sk-root sk-workshop" if on else "sk-root"


@callback(
    Output(ids.URL, "search"),
    Output(ids.LANGUAGE, "href"),
    Input(ids.SCENARIO_STORE, "data"),
    Input(ids.WORKSHOP_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def scenario_to_url(data: dict[str, Any] | None, workshop: bool, language: str) -> Any:
    """The address bar always opens exactly this scenario; the language link keeps it too."""
    if not data:
        return no_update, no_update
    scenario = read_scenario(data)
    other = "en" if language == "sv" else "sv"
    return url_query(scenario, language, workshop), url_query(scenario, other, workshop)
