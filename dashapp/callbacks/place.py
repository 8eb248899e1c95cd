"""Clicking a place (on the map or in a table) opens its card; its lock buttons change the
scenario through the scenario store's writer (callbacks/scenario.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dash import ALL, Input, Output, State, callback, ctx, no_update

from dashapp import ids
from dashapp.card_support import support_lines
from dashapp.components.place_card import card_body
from dashapp.data import dataset, dataset_for, solve
from dashapp.present_corrections import ClosedPoint, closed_points_at, closure_note, reopened
from models.places import place_facts
from models.scenario import Scenario
from models.solution import Solution


@callback(
    Output(ids.SELECTED_PLACE, "data"),
    Output(ids.PLACE_CARD, "is_open"),
    Output(ids.PLACE_CARD, "title"),
    Output(ids.PLACE_CARD_BODY, "children"),
    Input(ids.MAP_PLACES, "clickData"),
    Input(ids.map_points(ALL), "clickData"),
    Input(ids.MAP_EDITS, "clickData"),
    Input(ids.ACTIONS_TABLE, "cellClicked"),
    Input(ids.CRITICAL_TABLE, "cellClicked"),
    Input(ids.MY_PLACES_TABLE, "cellClicked"),
    Input(ids.RESULT_STORE, "data"),
    Input(ids.ALL_POINTS_PLACE, "data"),
    State(ids.ACTIONS_TABLE, "rowData"),
    State(ids.CRITICAL_TABLE, "rowData"),
    State(ids.SELECTED_PLACE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    State(ids.PLACE_CARD, "is_open"),
    prevent_initial_call=True,
)
def open_card(
    click: dict[str, Any] | None,
    point_clicks: list[dict[str, Any] | None],
    edit_click: dict[str, Any] | None,
    action_cell: dict[str, Any] | None,
    critical_cell: dict[str, Any] | None,
    my_place_cell: dict[str, Any] | None,
    result: dict[str, Any] | None,
    all_points_place: str | None,
    action_rows: list[dict[str, Any]] | None,
    critical_rows: list[dict[str, Any]] | None,
    selected: str | None,
    language: str,
    card_open: bool | None = True,
) -> Any:
    """A click opens the card in one request (picking the place and a second request for its
    card made a click wait for two round trips); a new result redraws an open card only (a
    closed one is drawn when next opened: redrawing it may solve the plan before a closure).
    "Visa alla servicepunkter" redraws it with all of them, and so it stays for that place."""
    if ctx.triggered_id in (ids.RESULT_STORE, ids.ALL_POINTS_PLACE):
        if not card_open:
            return no_update, no_update, no_update, no_update
        return no_update, *show_card(selected, result, language, all_points_place == selected)
    place_id = select_place(
        click, point_clicks, edit_click, action_cell, critical_cell, my_place_cell,
        action_rows, critical_rows,
    )  # fmt: skip
    if place_id is no_update or not result:
        return place_id, no_update, no_update, no_update
    _, title, body = show_card(place_id, result, language, all_points_place == place_id)
    return place_id, True, title, body


@callback(
    Output(ids.ALL_POINTS_PLACE, "data"),
    Input(ids.ALL_POINTS, "n_clicks"),
    State(ids.SELECTED_PLACE, "data"),
    prevent_initial_call=True,
)
def list_all_points(clicks: int | None, place_id: str | None) -> Any:
    return place_id if clicks else no_update


def select_place(
    click: dict[str, Any] | None,
    point_clicks: list[dict[str, Any] | None],
    edit_click: dict[str, Any] | None,
    action_cell: dict[str, Any] | None,
    critical_cell: dict[str, Any] | None,
    my_place_cell: dict[str, Any] | None,
    action_rows: list[dict[str, Any]] | None,
    critical_rows: list[dict[str, Any]] | None,
) -> Any:
    """A place picked on the map (its circle, or a service point drawn on top of it, which
    opens the point's place), or a row clicked in the actions or critical-points table (the
    grid reports the row's ``row_id``, whatever the sort order), or in "Mina orter" (whose
    row id is the place's id: its card is where a point is closed or corrected)."""
    if ctx.triggered_id == ids.MAP_PLACES and click:
        return click["properties"]["id"]
    if ctx.triggered_id == ids.MAP_EDITS or (
        isinstance(ctx.triggered_id, dict) and ctx.triggered_id.get("type") == "map-points"
    ):
        point = ctx.triggered[0]["value"]
        return point["properties"]["place"] if point else no_update
    if ctx.triggered_id == ids.MY_PLACES_TABLE:
        return (
            my_place_cell.get("rowId") or no_update
            if isinstance(my_place_cell, dict)
            else no_update
        )
    cell, rows = (
        (action_cell, action_rows)
        if ctx.triggered_id == ids.ACTIONS_TABLE
        else (critical_cell, critical_rows)
    )
    row_id = cell.get("rowId") if isinstance(cell, dict) else None
    found = [r["place_id"] for r in rows or [] if row_id and r.get("row_id") == row_id]
    return found[0] if found else no_update


def show_card(
    place_id: str | None, result: dict[str, Any] | None, language: str, all_points: bool = False
) -> Any:
    """The card follows the latest result, so its locks and reasons match the scenario."""
    if not place_id or not result:
        return no_update, no_update, no_update
    solution = Solution.from_dict(result)
    data = dataset_for(solution.scenario)
    facts = place_facts(data, solution, place_id)
    support = support_lines(dataset(), data, solution, facts, language)
    closed = _closed_here(solution.scenario, place_id, language)
    body = card_body(facts, data.registry, language, support, closed, all_points)
    return no_update, facts.name, body


def _funded_before(scenario: Scenario, point: ClosedPoint, place_id: str) -> bool:
    """Whether the plan before ``point`` was closed kept it (that plan was solved just before,
    so this is a cache hit unless the closure came with a saved revision)."""
    index = reopened(scenario.corrections, point.point_id)
    kept = tuple(c for k, c in enumerate(scenario.corrections) if k != index)
    before = solve(replace(scenario, corrections=kept, data_revision=""))
    return any(
        a.place_id == place_id and a.service == point.service and a.action == "keep"
        for a in before.actions
    )


def _closed_here(scenario: Scenario, place_id: str, language: str) -> list[tuple[ClosedPoint, str]]:
    """Points the scenario closed at the place, each with why the figures moved or did not."""
    return [
        (
            point,
            closure_note(
                point, point.was_at_risk and _funded_before(scenario, point, place_id), language
            ),
        )
        for point in closed_points_at(dataset(), scenario.corrections, place_id)
    ]
