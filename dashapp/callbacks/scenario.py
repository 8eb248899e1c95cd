"""The scenario store's one writer: controls, lock buttons, undo and opening a saved scenario
each change the scenario here, and the previous one goes on the undo stack."""

from __future__ import annotations

from typing import Any

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
from dashapp.callbacks.data_edits import DATA_EDIT_BUTTONS, DATA_EDITS, data_edit, is_data_edit
from dashapp.callbacks.rooms import room_code
from dashapp.components.controls import BUDGET_MAX_SEK, control_panel
from dashapp.data import base_scenario, dataset, read_scenario, storage
from dashapp.i18n import t
from dashapp.scenario_form import (
    BudgetProblem,
    budget_message,
    budget_text,
    parse_budget,
    patch_scenario,
    push_history,
    toggle_lock,
)
from dashapp.storage import StorageError
from models.errors import ServicekartanError
from models.scenario import Scenario

HISTORY_LENGTH = 20
Store = dict[str, Any]

# Scenario field → the control that sets it
CONTROLS = {
    "budget_sek": Input(ids.BUDGET_VALUE, "data"),  # the field's last valid amount
    "mode": Input(ids.MODE, "value"),
    "candidate_kommuner": Input(ids.SUPPORT_KOMMUN, "value"),  # ids.KOMMUN is only the view
    "basket_weight": Input(ids.BASKET_WEIGHT, "value"),
    "elderly_weight": Input(ids.ELDERLY_WEIGHT, "value"),
    "fairness": Input(ids.FAIRNESS, "value"),
    "min_kommun_share": Input(ids.MIN_SHARE, "value"),
    "max_share_min": Input(ids.SHARE_LIMIT, "value"),
    "colocation_saving_share": Input(ids.COLOCATION, "value"),
}
# ServiceSettings field → one control per service
PER_SERVICE = {
    "threshold_min": Input(ids.threshold(ALL), "value"),
    "weight": Input(ids.weight(ALL), "value"),
}


@callback(
    Output(ids.BUDGET_SLIDER, "value"),
    Output(ids.BUDGET_INPUT, "value"),
    Output(ids.BUDGET_VALUE, "data"),
    Output(ids.BUDGET_MESSAGE, "children"),
    Output(ids.BUDGET_INPUT, "invalid"),
    Input(ids.BUDGET_SLIDER, "value"),
    Input(ids.BUDGET_INPUT, "value"),
    State(ids.BUDGET_VALUE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def sync_budget(slider: float | None, typed: Any, used: float | None, language: str) -> Any:
    """The slider moves in steps; the field takes any amount as a person types it. Text that
    is no budget is never used silently: the field goes back to the budget in use and a
    message beside it says why."""
    if ctx.triggered_id == ids.BUDGET_SLIDER and slider is not None:
        return no_update, budget_text(slider, language), float(slider), "", False
    try:
        budget = parse_budget(typed, language)
    except BudgetProblem as problem:
        kept = used or 0.0
        message = budget_message(problem, typed, kept, language)
        return no_update, budget_text(kept, language), no_update, message, True
    return min(budget, BUDGET_MAX_SEK), budget_text(budget, language), budget, "", False


@callback(
    Output(ids.MIN_SHARE_WRAP, "hidden"),
    Output(ids.MIN_SHARE, "disabled"),
    Input(ids.FAIRNESS, "value"),
    prevent_initial_call=True,
)
def show_min_share(fairness: str | None) -> tuple[bool, bool]:
    """ "Lägsta andel per kommun" brings its share slider with it."""
    off = fairness != "min_share"
    return off, off


def changed(
    new: Scenario, current: Store | None, history: list[Store] | None, panel: Any = no_update
) -> dict[str, Any]:
    """The outputs for a new scenario: the old one goes on the undo stack, unless nothing
    really changed (re-rendered controls report their values again)."""
    data = new.to_dict()
    if data == current:
        return {"scenario": no_update, "history": no_update, "controls": panel}
    stack = push_history(history, current, HISTORY_LENGTH)
    return {"scenario": data, "history": stack, "controls": panel}


NOTHING = {"scenario": no_update, "history": no_update, "controls": no_update}
NO_NOTICE = {"notice": no_update, "notice_open": no_update}


def undo(history: list[Store] | None, language: str) -> dict[str, Any]:
    """Back one step: the controls are rebuilt from the restored scenario."""
    if not history:
        return NOTHING
    restored = read_scenario(history[-1])
    panel = control_panel(restored, dataset(), language)
    return {"scenario": restored.to_dict(), "history": history[:-1], "controls": panel}


def open_saved(
    scenario_id: int,
    current: Store | None,
    history: list[Store] | None,
    language: str,
    room: str | None = None,
) -> dict[str, Any]:
    """A saved version of this tab's room (None: the open workspace) into the controls; it is
    remembered, so saving it again under its name makes a new version of it. An id from
    another room, in a crafted request, opens nothing."""
    try:
        saved = storage().get(scenario_id, room=room)
    except StorageError as error:
        text = t("storage_read_error", language, error=error)
        return {**NOTHING, "notice": text, "notice_open": True}
    try:
        scenario = Scenario.from_json(saved.scenario_json, base_scenario()) if saved else None
    except ServicekartanError:
        scenario = None  # a damaged row is not offered in the list; nothing to open
    if scenario is None or saved is None:
        return NOTHING
    panel = control_panel(scenario, dataset(), language)
    return {**changed(scenario, current, history, panel), "opened": saved.id, "name": saved.name}


# Only real presses reach the writer (assets/controls.js explains why).
clientside_callback(
    ClientsideFunction(namespace="servicekartan", function_name="pressed"),
    Output(ids.BUTTON_PRESS, "data"),
    Input(ids.lock_button(ALL, ALL, ALL), "n_clicks"),
    Input(ids.load_saved(ALL), "n_clicks"),
    *DATA_EDIT_BUTTONS,
    prevent_initial_call=True,
)


def triggered() -> tuple[Any, Any]:
    """(the id that fired, its value); a button press stands for the button pressed."""
    trigger, value = ctx.triggered_id, ctx.triggered[0]["value"]
    if trigger == ids.BUTTON_PRESS and isinstance(value, dict):
        return value["button"], value["n_clicks"]
    return trigger, value


@callback(
    output={
        "scenario": Output(ids.SCENARIO_STORE, "data"),
        "history": Output(ids.HISTORY_STORE, "data"),
        "controls": Output(ids.CONTROLS, "children"),
        "notice": Output(ids.CORRECTION_NOTICE, "children"),
        "notice_open": Output(ids.CORRECTION_NOTICE, "is_open"),
        "opened": Output(ids.OPENED_STORE, "data"),
        "name": Output(ids.SCENARIO_NAME, "value"),
    },
    inputs={
        "controls": CONTROLS,
        "per_service": PER_SERVICE,
        "_pressed": Input(ids.BUTTON_PRESS, "data"),
        "_undo": Input(ids.UNDO, "n_clicks"),
        "edits": DATA_EDITS,
    },
    state={
        "cost_values": State(ids.cost_input(ALL, ALL, ALL), "value"),
        "cost_ids": State(ids.cost_input(ALL, ALL, ALL), "id"),
        "pick": State(ids.MAP_PICK, "data"),
        "services": State(ids.threshold(ALL), "id"),
        "current": State(ids.SCENARIO_STORE, "data"),
        "history": State(ids.HISTORY_STORE, "data"),
        "language": State(ids.LANGUAGE_STORE, "data"),
        "room": State(ids.ROOM_STORE, "data"),
    },
    prevent_initial_call=True,
)
def update_scenario(
    controls: dict[str, Any],
    per_service: dict[str, list[Any]],
    _pressed: Any,
    _undo: Any,
    services: list[dict[str, str]],
    current: Store | None,
    history: list[Store] | None,
    language: str,
    edits: dict[str, Any] | None = None,
    cost_values: list[Any] | None = None,
    cost_ids: list[dict[str, Any]] | None = None,
    pick: dict[str, Any] | None = None,
    room: Any = None,
) -> dict[str, Any]:
    """Dash passes every argument by name; the data edits come last so that direct calls
    (tests, notebooks) can leave them out. Only opening a saved scenario changes which saved
    version the scenario continues, and the name field."""
    del edits  # read through ctx: which edit, and its value
    changes = _update(
        controls,
        per_service,
        services,
        current,
        history,
        language,
        cost_values,
        cost_ids,
        pick,
        room,
    )
    return {"opened": no_update, "name": no_update, **changes}


def _update(
    controls: dict[str, Any],
    per_service: dict[str, list[Any]],
    services: list[dict[str, str]],
    current: Store | None,
    history: list[Store] | None,
    language: str,
    cost_values: list[Any] | None,
    cost_ids: list[dict[str, Any]] | None,
    pick: dict[str, Any] | None,
    room: Any,
) -> dict[str, Any]:
    trigger, value = triggered()
    if trigger == ids.UNDO:
        return {**NO_NOTICE, **undo(history, language)}
    base = read_scenario(current or {})
    if is_data_edit(trigger):
        costs = list(zip(cost_ids or [], cost_values or [], strict=True))
        edit = data_edit(base, trigger, value, costs, pick, language)
        if edit.notice:
            return {**NOTHING, "notice": edit.notice, "notice_open": True}
        if edit.scenario is None:
            return {**NOTHING, **NO_NOTICE}
        return {**changed(edit.scenario, current, history), "notice": "", "notice_open": False}
    edited = (controls, per_service, services)
    found = _from_controls(base, edited, (trigger, value), current, history, language, room)
    return {**NO_NOTICE, **found}


def _from_controls(
    base: Scenario,
    edited: tuple[dict[str, Any], dict[str, list[Any]], list[dict[str, str]]],
    fired: tuple[Any, Any],
    current: Store | None,
    history: list[Store] | None,
    language: str,
    room: Any = None,
) -> dict[str, Any]:
    controls, per_service, services = edited
    trigger, value = fired
    if isinstance(trigger, dict) and trigger.get("type") in ("lock", "load-saved"):
        if not value:  # buttons appearing in a new card are not clicks
            return NOTHING
        if trigger["type"] == "load-saved":
            return open_saved(int(trigger["id"]), current, history, language, room_code(room))
        locked = toggle_lock(base, trigger["place"], trigger["service"], trigger["action"])
        return changed(locked, current, history)
    keys = [i["service"] for i in services]
    by_service = {
        name: dict(zip(keys, values, strict=True)) for name, values in per_service.items()
    }
    return changed(patch_scenario(base, controls, by_service), current, history)
