"""Clicking a place (on the map or in the actions table) opens its card; its buttons lock."""

from __future__ import annotations

from typing import Any

from dash import ALL, Input, Output, State, callback, ctx, no_update

from dashapp import ids
from dashapp.components.place_card import card_body
from dashapp.data import dataset
from dashapp.present_place import place_facts
from dashapp.scenario_form import toggle_lock
from models.scenario import Scenario


@callback(
    Output(ids.SELECTED_PLACE, "data"),
    Input(ids.MAP_PLACES, "clickData"),
    Input(ids.ACTIONS_TABLE, "active_cell"),
    Input(ids.CRITICAL_TABLE, "active_cell"),
    State(ids.ACTIONS_TABLE, "derived_viewport_data"),
    State(ids.CRITICAL_TABLE, "derived_viewport_data"),
    prevent_initial_call=True,
)
def select_place(
    click: dict[str, Any] | None,
    action_cell: dict[str, Any] | None,
    critical_cell: dict[str, Any] | None,
    action_rows: list[dict[str, Any]] | None,
    critical_rows: list[dict[str, Any]] | None,
) -> Any:
    """A place picked on the map, or a row picked in the actions or critical-points table."""
    if ctx.triggered_id == ids.MAP_PLACES and click:
        return click["properties"]["id"]
    cell, rows = (
        (action_cell, action_rows)
        if ctx.triggered_id == ids.ACTIONS_TABLE
        else (critical_cell, critical_rows)
    )
    if cell and rows and cell["row"] < len(rows):
        return rows[cell["row"]]["place_id"]
    return no_update


@callback(
    Output(ids.PLACE_CARD, "is_open"),
    Output(ids.PLACE_CARD, "title"),
    Output(ids.PLACE_CARD_BODY, "children"),
    Input(ids.SELECTED_PLACE, "data"),
    Input(ids.RESULT_STORE, "data"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def show_card(
    place_id: str | None,
    payload: dict[str, Any] | None,
    scenario: dict[str, Any] | None,
    language: str,
) -> Any:
    if not place_id or not scenario:
        return no_update, no_update, no_update
    facts = place_facts(dataset(), Scenario.from_dict(scenario), payload, place_id)
    opening = ctx.triggered_id == ids.SELECTED_PLACE
    return True if opening else no_update, facts.name, card_body(facts, language)


@callback(
    Output(ids.LOCKS_STORE, "data", allow_duplicate=True),
    Input({"type": "lock", "place": ALL, "service": ALL, "action": ALL}, "n_clicks"),
    State(ids.LOCKS_STORE, "data"),
    prevent_initial_call=True,
)
def lock(clicks: list[int | None], locks: list[dict[str, Any]] | None) -> Any:
    button = ctx.triggered_id
    if not isinstance(button, dict) or not ctx.triggered[0]["value"]:
        return no_update  # buttons appearing in a new card are not clicks
    return toggle_lock(locks or [], button["place"], button["service"], button["action"])
