"""Workshop rooms: open one, join with its code, and keep each room's scenarios to itself.

The room store holds the room's code and name for this browser tab (session storage: a reload
keeps the room, another tab starts in the open workspace unless its link names a room). Every
callback that reads or writes saved scenarios takes the code from the store through
``room_code`` and hands it to the storage, which keeps rooms apart; the store's name is only
ever shown."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import flask
from dash import (
    ALL,
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    no_update,
)

from dashapp import ids
from dashapp.components.rooms import Room, room_badge, room_link, room_shown, spoken_code
from dashapp.data import storage
from dashapp.i18n import t
from dashapp.scenario_form import MAX_SAVED_NAME_CHARS
from dashapp.storage import RecordError, StorageError, normalise_code

MAX_SHOWN_CODE = 40  # what a message repeats of a typed or linked code


def room_code(store: object) -> str | None:
    """The code of the room the store names; None (the open workspace) for anything else."""
    code = store.get("code") if isinstance(store, dict) else None
    return normalise_code(code) if isinstance(code, str) else None


def _alert(text: str, color: str) -> dbc.Alert:
    return dbc.Alert(text, color=color, className="py-1 mb-1")


def open_room(name: str | None, language: str) -> tuple[Any, Any]:
    """A new room named as typed: the room store and the message."""
    try:
        room = storage().open_room((name or "").strip()[:MAX_SAVED_NAME_CHARS])
    except StorageError as error:
        return no_update, _alert(t("room_storage_error", language, error=error), "danger")
    text = t("room_opened", language, name=room.name)
    return {"code": room.code, "name": room.name}, _alert(text, "success")


def join_room(typed: str | None, language: str) -> tuple[Any, Any]:
    """The room a typed code names; a code that is not one, or names no room, changes
    nothing and says so."""
    text = str(typed or "").strip()[:MAX_SHOWN_CODE]  # a crafted request may send anything
    if normalise_code(text) is None:
        return no_update, _alert(t("room_bad_code", language, code=text), "warning")
    try:
        room = storage().find_room(text)
    except StorageError as error:
        return no_update, _alert(t("room_storage_error", language, error=error), "danger")
    if room is None:
        shown = spoken_code(normalise_code(text) or text)
        return no_update, _alert(t("room_unknown", language, code=shown), "warning")
    return {"code": room.code, "name": room.name}, _alert(
        t("room_joined", language, name=room.name), "success"
    )


def room_from_link(link: str | None, current: Room | None, language: str) -> tuple[Any, Any]:
    """The room a page address's ``?rum=`` names; none keeps the tab's room."""
    if not link:
        return no_update, no_update
    room, message = join_room(link, language)
    if room is no_update:
        where = str(current.get("name", "")) if current else t("room_open_workspace", language)
        code = normalise_code(link)
        shown = spoken_code(code) if code else link[:MAX_SHOWN_CODE]
        text = t("room_link_unknown", language, code=shown, where=where)
        return no_update, _alert(text, "warning")
    return room, message


@callback(
    Output(ids.ROOM_STORE, "data"),
    Output(ids.ROOM_MESSAGE, "children"),
    Input(ids.ROOM_OPEN, "n_clicks"),
    Input(ids.ROOM_JOIN, "n_clicks"),
    Input(ids.ROOM_LEAVE, "n_clicks"),
    Input(ids.ROOM_LINK, "data"),
    State(ids.ROOM_NAME, "value"),
    State(ids.ROOM_CODE, "value"),
    State(ids.ROOM_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def choose_room(
    _open: int | None,
    _join: int | None,
    _leave: int | None,
    link: str | None,
    name: str | None,
    code: str | None,
    current: Room | None,
    language: str,
) -> tuple[Any, Any]:
    """The room store's one writer: open, join, leave, or the page address's room."""
    trigger = ctx.triggered_id
    if trigger == ids.ROOM_OPEN:
        return open_room(name, language)
    if trigger == ids.ROOM_JOIN:
        return join_room(code, language)
    if trigger == ids.ROOM_LEAVE:
        return None, _alert(t("room_left", language), "info")
    return room_from_link(link, current if room_code(current) else None, language)


@callback(
    Output(ids.ROOM_SHOWN, "children"),
    Output(ids.ROOM_BADGE, "children"),
    Input(ids.ROOM_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def show_room(store: Room | None, language: str) -> tuple[Any, Any]:
    code = room_code(store)
    room = {"code": code, "name": str((store or {}).get("name", ""))} if code else None
    # the address the browser used for this request, so the link works where it is read
    link = room_link(code, language, flask.request.url_root) if code else ""
    return room_shown(room, link, language), room_badge(room, language)


def change_saved(
    action: str, scenario_id: int, name: str | None, store: Room | None, language: str
) -> tuple[Any, Any]:
    """Rename, hide or show again one saved scenario of this room, as a new version."""
    code = room_code(store)
    try:
        saved = storage().get(scenario_id, room=code)
        if saved is None:  # another room's id in a crafted request, or none at all
            return no_update, _alert(t("row_not_here", language, id=scenario_id), "warning")
        if action == "rename-saved":
            new_name = (name or "").strip()[:MAX_SAVED_NAME_CHARS]
            storage().rename(scenario_id, new_name)
            text = t("row_renamed", language, name=new_name)
        elif action == "hide-saved":
            storage().hide(scenario_id)
            text = t("row_hidden", language, name=saved.name)
        else:
            storage().unhide(scenario_id)
            text = t("row_unhidden", language, name=saved.name)
    except RecordError as error:
        return no_update, _alert(
            t("row_refused", language, reason=error.message(language)), "warning"
        )
    except StorageError as error:
        return no_update, _alert(t("storage_error", language, error=error), "danger")
    return scenario_id, _alert(text, "success")


@callback(
    Output(ids.SAVED_CHANGE, "data"),
    Output(ids.SAVED_ROW_MESSAGE, "children"),
    Input(ids.rename_saved(ALL), "n_clicks"),
    Input(ids.hide_saved(ALL), "n_clicks"),
    Input(ids.unhide_saved(ALL), "n_clicks"),
    State(ids.rename_input(ALL), "value"),
    State(ids.rename_input(ALL), "id"),
    State(ids.ROOM_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def saved_row_action(
    _renames: Any,
    _hides: Any,
    _unhides: Any,
    names: list[Any],
    name_ids: list[dict[str, Any]],
    store: Room | None,
    language: str,
) -> tuple[Any, Any]:
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not ctx.triggered[0]["value"]:
        return no_update, no_update  # buttons appearing in a new list are not clicks
    scenario_id = trigger.get("id")
    if not isinstance(scenario_id, int) or isinstance(scenario_id, bool):
        return no_update, no_update
    typed = dict(zip([i.get("id") for i in name_ids], names, strict=True)).get(scenario_id)
    return change_saved(str(trigger.get("type")), scenario_id, typed, store, language)


# Saving with an acknowledgement: assets/rooms.js
clientside_callback(
    ClientsideFunction(namespace="servicekartanRooms", function_name="pending"),
    Output(ids.SAVE_TOKEN, "data"),
    Output(ids.SAVE_PENDING, "children"),
    Output(ids.SAVE_PENDING, "className"),
    Output(ids.SAVE_MESSAGE, "children", allow_duplicate=True),
    Input(ids.SAVE, "n_clicks"),
    State(ids.SAVE_TEXTS, "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="servicekartanRooms", function_name="acknowledged"),
    Output(ids.SAVE_PENDING, "children", allow_duplicate=True),
    Output(ids.SAVE_PENDING, "className", allow_duplicate=True),
    Input(ids.SAVE_ACK, "data"),
    Input(ids.SAVE_TOKEN, "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="servicekartanRooms", function_name="unconfirmed"),
    Output(ids.SAVE_PENDING, "children", allow_duplicate=True),
    Output(ids.SAVE_PENDING, "className", allow_duplicate=True),
    Input(ids.SAVE_FAILED, "data"),
    Input(ids.SAVE_TOKEN, "data"),
    State(ids.SAVE_ACK, "data"),
    State(ids.SAVE_TEXTS, "data"),
    prevent_initial_call=True,
)
