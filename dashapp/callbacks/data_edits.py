"""Data corrections as scenario edits: the card's buttons, a map click while a position is
awaited, removing a correction, and choosing a saved data revision. The scenario store's one
writer (callbacks/scenario.py) calls ``data_edit``; nothing here registers a callback."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dash import ALL, Input

from dashapp import ids
from dashapp.corrections_form import (
    corrections_from_json,
    cost_correction,
    picked_correction,
    status_correction,
    with_correction,
    with_revision,
    without_correction,
)
from dashapp.data import dataset, settings, storage
from dashapp.i18n import t
from dashapp.present_corrections import reopened
from dashapp.scenario_form import BudgetProblem
from models.errors import Problem, ServicekartanError
from models.scenario import Scenario

DATA_EDITS = {
    "_map": Input(ids.MAP_PICKED, "data"),
    "_revision": Input(ids.REVISION_PICK, "value"),
}
# the card's correction buttons reach the writer through ids.BUTTON_PRESS (callbacks/scenario.py)
DATA_EDIT_BUTTONS = (
    Input(ids.point_status(ALL, ALL), "n_clicks"),
    Input(ids.cost_set(ALL, ALL, ALL), "n_clicks"),
    Input(ids.correction_remove(ALL), "n_clicks"),
)
_BUTTONS = ("point-status", "cost-set", "correction-remove")


@dataclass(frozen=True)
class Edit:
    scenario: Scenario | None  # None: nothing to change
    notice: str = ""  # why the edit was refused, in the reader's language


def is_data_edit(trigger: Any) -> bool:
    if trigger in (ids.MAP_PICKED, ids.REVISION_PICK):
        return True
    return isinstance(trigger, dict) and trigger.get("type") in _BUTTONS


def _refused(problems: list[Problem], language: str) -> Edit:
    text = "; ".join(p.message_sv if language == "sv" else p.message_en for p in problems[:3])
    return Edit(None, f"{t('correction_refused', language)}: {text}")


def _result(found: tuple[Scenario, list[Problem]], language: str) -> Edit:
    scenario, problems = found
    return _refused(problems, language) if problems else Edit(scenario)


def _cost_value(trigger: dict[str, Any], cost_inputs: list[tuple[dict[str, Any], Any]]) -> Any:
    """The value typed beside the clicked button (the input shares its place/service/kind)."""
    wanted = {k: trigger[k] for k in ("place", "service", "kind")}
    for input_id, value in cost_inputs:
        if {k: input_id.get(k) for k in wanted} == wanted:
            return value
    return None


def _revision(base: Scenario, revision_id: Any, language: str) -> Edit:
    if not revision_id:
        return Edit(with_revision(base, "", ()))
    saved = storage().get_revision(int(revision_id))
    if saved is None or saved.dataset != str(settings().data_dir):
        return Edit(None, t("revision_missing", language))
    try:
        corrections = corrections_from_json(saved.corrections_json)
    except (ServicekartanError, ValueError):
        return Edit(None, t("revision_missing", language))
    return Edit(with_revision(base, saved.name, corrections))


def _map_click(base: Scenario, click: Any, pick: dict[str, Any] | None, language: str) -> Edit:
    """A click on the map is an edit only while the card waits for a position."""
    if not pick or not click or "latlng" not in click:
        return Edit(None)
    latlng = click["latlng"]
    correction = picked_correction(pick, float(latlng["lat"]), float(latlng["lng"]))
    return _result(with_correction(base, dataset(), correction), language)


def _cost_edit(base: Scenario, trigger: dict[str, Any], typed: Any, language: str) -> Edit:
    try:
        correction = cost_correction(
            trigger["place"], trigger["service"], trigger["kind"], typed, language
        )
    except BudgetProblem:
        shown = str(typed or "").strip()[:40]
        return Edit(None, t("cost_not_amount", language, text=shown))
    return _result(with_correction(base, dataset(), correction), language)


def _status_edit(base: Scenario, point_id: str, status: str, language: str) -> Edit:
    """Mark a point closed, at risk or secure; "reopen" removes the correction that closed it
    (a closed point is gone from the data, so the card offers only that)."""
    if status != "reopen":
        correction = status_correction(point_id, status)
        return _result(with_correction(base, dataset(), correction), language)
    index = reopened(base.corrections, point_id)
    if index is None:
        return Edit(None)
    return _result(without_correction(base, dataset(), index), language)


def data_edit(
    base: Scenario,
    trigger: Any,
    value: Any,
    cost_inputs: list[tuple[dict[str, Any], Any]],
    pick: dict[str, Any] | None,
    language: str,
) -> Edit:
    """The scenario after one data edit, or why it was refused."""
    if trigger == ids.REVISION_PICK:
        return _revision(base, value, language)
    if trigger == ids.MAP_PICKED:
        return _map_click(base, value, pick, language)
    if not value:  # buttons appearing in a new card are not clicks
        return Edit(None)
    if trigger["type"] == "point-status":
        return _status_edit(base, trigger["point"], trigger["status"], language)
    if trigger["type"] == "cost-set":
        return _cost_edit(base, trigger, _cost_value(trigger, cost_inputs), language)
    return _result(without_correction(base, dataset(), int(trigger["index"])), language)
