"""Save scenarios (in this tab's room), list them, and compare two or more side by side."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html, no_update

from dashapp import compare, ids, style
from dashapp.callbacks.rooms import room_code
from dashapp.components.results import column_defs
from dashapp.components.workspace import saved_item
from dashapp.data import base_scenario, dataset, read_scenario, settings, solve, storage
from dashapp.i18n import t
from dashapp.present import label
from dashapp.scenario_form import MAX_SAVED_NAME_CHARS
from dashapp.storage import StorageError
from models.errors import ScenarioError, ServicekartanError
from models.scenario import Scenario, validate_scenario
from models.solution import Solution

MAX_COMPARED = 10  # saved scenarios compared at once (each is solved on the server)


def summary(solution: Solution) -> dict[str, Any]:
    """What the saved list shows without solving again: people per key, and the cost."""
    return {"covered": {c.key: c.scenario for c in solution.covered}, "cost_sek": solution.cost_sek}


@dataclass(frozen=True)
class Outcome:
    """What a save click changes: the message, the list's version, the version saved."""

    message: Any
    version: Any = no_update
    saved_id: Any = no_update


def save_scenario(
    name: str | None,
    data: dict[str, Any] | None,
    version: int,
    language: str,
    room: dict[str, Any] | None = None,
    opened: int | None = None,
) -> Outcome:
    """Save the scenario as the server reads and solves it: the browser's figures are never
    stored, and a scenario that does not validate is refused with nothing written. Saved in
    the room the room store names; under the name of the version it was opened from, it is a
    new version of that one."""
    if not data:
        return Outcome(no_update)
    try:
        scenario = checked_for_saving(data, name)
        solved = solve(scenario)
        parent = parent_version(opened, room_code(room), scenario.name)
        saved_id = storage().save(
            scenario.name,
            str(settings().data_dir),
            scenario.to_json(),
            summary(solved),
            room=room_code(room),
            parent_id=parent,
        )
    except ServicekartanError as error:
        text = t("save_refused", language, reason=error.message(language))
        return Outcome(dbc.Alert(text, color="danger"))
    except (sqlite3.Error, OSError) as error:
        return Outcome(dbc.Alert(t("storage_error", language, error=error), color="danger"))
    bumped = version + 1 if isinstance(version, int) else 1
    text = (
        t("saved_version_of", language, name=scenario.name, parent=parent)
        if parent
        else t("saved", language, name=scenario.name)
    )
    return Outcome(dbc.Alert(text, color="success"), bumped, saved_id)


def save(
    _clicks: int | None,
    name: str | None,
    data: dict[str, Any] | None,
    version: int,
    language: str,
    room: dict[str, Any] | None = None,
    opened: int | None = None,
) -> tuple[Any, Any]:
    """The message and the list's new version of one save (``save_acknowledged`` on the page)."""
    outcome = save_scenario(name, data, version, language, room, opened)
    return outcome.message, outcome.version


@callback(
    Output(ids.SAVE_MESSAGE, "children"),
    Output(ids.SAVED_VERSION, "data"),
    Output(ids.SAVE_ACK, "data"),
    Output(ids.OPENED_STORE, "data", allow_duplicate=True),
    inputs={
        "clicks": Input(ids.SAVE, "n_clicks"),
        "name": State(ids.SCENARIO_NAME, "value"),
        "data": State(ids.SCENARIO_STORE, "data"),
        "version": State(ids.SAVED_VERSION, "data"),
        "room": State(ids.ROOM_STORE, "data"),
        "opened": State(ids.OPENED_STORE, "data"),
        "language": State(ids.LANGUAGE_STORE, "data"),
    },
    prevent_initial_call=True,
)
def save_acknowledged(clicks: int | None, **state: Any) -> tuple[Any, Any, Any, Any]:
    """A save, and ``clicks`` back as the acknowledgement the browser waits for whatever the
    outcome: only a message from here says whether the save happened (assets/rooms.js)."""
    outcome = save_scenario(**state)
    return outcome.message, outcome.version, clicks, outcome.saved_id


def parent_version(opened: object, room: str | None, name: str) -> int | None:
    """The version a save continues: the opened one, when it is in this room and dataset and
    the scenario still has its name (a new name starts a scenario of its own)."""
    if not isinstance(opened, int) or isinstance(opened, bool):
        return None
    found = storage().get(opened, room=room)
    if found is None or found.dataset != str(settings().data_dir) or found.name != name:
        return None
    return found.id


def checked_for_saving(data: dict[str, Any], name: str | None) -> Scenario:
    """The scenario to save, named, read with the region's defaults and checked against the
    data; raises ScenarioError (a name over ``MAX_SAVED_NAME_CHARS`` included)."""
    if not isinstance(data, dict) or not isinstance(name, str | None):
        raise ScenarioError("Scenariot är ogiltigt", "The scenario is invalid")
    stored = data.get("name")
    given = (name or "").strip() or (stored if isinstance(stored, str) else "").strip()
    given = given or "Scenario"
    if len(given) > MAX_SAVED_NAME_CHARS:
        raise ScenarioError(
            f"Namnet är längre än gränsen {MAX_SAVED_NAME_CHARS} tecken",
            f"The name is longer than the limit of {MAX_SAVED_NAME_CHARS} characters",
        )
    scenario = read_scenario({**data, "name": given})
    validate_scenario(scenario, dataset())
    return scenario


@callback(
    Output(ids.SAVED_LIST, "children"),
    Output(ids.COMPARE_PICK, "options"),
    Output(ids.COMPARE_PICK, "value"),
    inputs={
        "_version": Input(ids.SAVED_VERSION, "data"),
        "_change": Input(ids.SAVED_CHANGE, "data"),
        "room": Input(ids.ROOM_STORE, "data"),
        "show_hidden": Input(ids.SHOW_HIDDEN, "value"),
        "show_all": Input(ids.SHOW_ALL_SAVED, "value"),
        "language": State(ids.LANGUAGE_STORE, "data"),
        "picked": State(ids.COMPARE_PICK, "value"),
    },
)
def list_saved(
    _version: int,
    language: str,
    _change: Any = None,
    room: dict[str, Any] | None = None,
    show_hidden: Any = False,
    picked: Any = None,
    show_all: Any = False,
) -> tuple[Any, Any, Any]:
    """The list, what can be compared, and the ticked ones still among them: a renamed,
    hidden or superseded version, or another room's, leaves the comparison."""
    try:
        listed, options = _saved_list(room, show_hidden, language, bool(show_all))
    except StorageError as error:
        alert = dbc.Alert(t("storage_read_error", language, error=error), color="danger")
        return alert, [], []
    offered = {o["value"] for o in options}
    still = [i for i in _ids(picked) if i in offered]
    return listed, options, no_update if still == picked else still


# Rows drawn unless "Visa alla sparade" is on: each row is several components, and with 93
# saved scenarios the page's every update took 2.5× as long (cold load 3 → 11 s, a budget
# change 1.5 → 4 s, docs/benchmarks.md). All of them can still be compared.
MAX_LISTED = 12


def _saved_list(
    room: Any, show_hidden: Any, language: str, show_all: bool = False
) -> tuple[Any, list[dict[str, Any]]]:
    """The latest version of every saved scenario of this room that can still be read (hidden
    ones when asked; the ``MAX_LISTED`` newest unless ``show_all``); a damaged row (from an
    older version, or written by hand) is named as such and left out of opening and
    comparing, never breaking the list for everyone."""
    code = room_code(room)
    saved = storage().list(str(settings().data_dir), room=code, include_hidden=bool(show_hidden))
    if not saved:
        return html.P(t("nothing_saved", language), className="text-muted"), []
    registry, defaults = dataset().registry, base_scenario()
    readable = [s for s in saved if _readable(s.scenario_json, defaults)]
    damaged = [
        html.Li(t("saved_damaged", language, name=s.name, id=s.id), className="text-muted")
        for s in saved
        if s not in readable
    ]
    drawn = readable if show_all else readable[-MAX_LISTED:]
    rows = [saved_item(s, registry, language, storage().history(s.id)) for s in drawn] + damaged
    shown = [s for s in readable if not s.hidden]
    options = [{"label": f"{s.name} (#{s.id})", "value": s.id} for s in shown]
    listed = html.Ul(rows, className="list-unstyled sk-saved-list")
    if len(drawn) == len(readable):
        return listed, options
    newest = t("saved_newest", language, shown=len(drawn), total=len(readable))
    return html.Div([html.P(newest, className="small text-muted mb-1"), listed]), options


def _readable(text: str, defaults: Scenario) -> bool:
    try:
        Scenario.from_json(text, defaults)
    except ServicekartanError:
        return False
    return True


def _graph(figure: Any) -> dcc.Graph:
    return dcc.Graph(figure=figure, config={"displaylogo": False})


def _ids(picked: object) -> list[int]:
    """The picked saved scenarios' ids; anything else a crafted request sends is ignored."""
    if not isinstance(picked, list):
        return []
    return [i for i in picked if isinstance(i, int) and not isinstance(i, bool)]


def solved_saved(scenario_ids: list[int], room: str | None = None) -> compare.Named:
    """The picked versions of ``room`` (None: the open workspace), solved; an id from another
    room finds nothing."""
    named: compare.Named = []
    defaults = base_scenario()
    for scenario_id in _ids(scenario_ids):
        saved = storage().get(scenario_id, room=room)
        if saved is not None and _readable(saved.scenario_json, defaults):
            solution = solve(Scenario.from_json(saved.scenario_json, defaults))
            named.append((f"{saved.name} (#{saved.id})", solution))
    return named


EMPTY: dict[str, Any] = {
    "columns": [],
    "rows": [],
    "by_service": None,
    "by_kommun": None,
    "places": style.place_hideout({}, None, style.DIFF_PLACE_COLORS),
    "demand": style.diff_demand_hideout([], []),
    "summary": "",
    "keys": [],
}


def comparison(named: compare.Named, key: str | None, language: str) -> dict[str, Any]:
    registry = dataset().registry
    shown = compare.keys(named)
    key = key if key in shown else shown[0]
    columns, rows = compare.compare_table(named, registry, language)
    population = dataset().demand.population.tolist()
    places, demand, text = compare.difference(named, key, population, language)
    return {
        "columns": column_defs(columns),
        "rows": rows,
        "by_service": _graph(compare.service_figure(named, registry, language)),
        "by_kommun": _graph(compare.kommun_figure(named, key, registry, language)),
        "places": places,
        "demand": demand,
        "summary": text,
        "keys": [{"label": label(registry, k, language), "value": k} for k in shown],
    }


@callback(
    output={
        "columns": Output(ids.COMPARE_TABLE, "columnDefs"),
        "rows": Output(ids.COMPARE_TABLE, "rowData"),
        "by_service": Output(ids.COMPARE_GRAPH_SERVICE, "children"),
        "by_kommun": Output(ids.COMPARE_GRAPH_KOMMUN, "children"),
        "places": Output(ids.DIFF_PLACES, "hideout"),
        "demand": Output(ids.DIFF_DEMAND, "hideout"),
        "summary": Output(ids.DIFF_SUMMARY, "children"),
        "keys": Output(ids.DIFF_SERVICE, "options"),
    },
    inputs={
        "picked": Input(ids.COMPARE_PICK, "value"),
        "key": Input(ids.DIFF_SERVICE, "value"),
        "room": Input(ids.ROOM_STORE, "data"),  # another room's comparison never stays up
    },
    state={"language": State(ids.LANGUAGE_STORE, "data")},
    prevent_initial_call=True,
)
def compare_saved(
    picked: list[int] | None, key: str | None, language: str, room: Any = None
) -> dict[str, Any]:
    """The table, charts and difference map restyle (through hideouts) for the picked ones."""
    if len(_ids(picked)) > MAX_COMPARED:
        return {**EMPTY, "summary": t("compare_too_many", language, most=MAX_COMPARED)}
    try:
        named = solved_saved(picked or [], room_code(room))
    except ServicekartanError as error:
        return {**EMPTY, "summary": error.message(language)}
    except StorageError as error:
        return {**EMPTY, "summary": t("storage_read_error", language, error=error)}
    if len(named) < 2:
        return EMPTY
    return comparison(named, key, language)


@callback(
    Output(ids.DIFF_MAP, "invalidateSize"),
    Input(ids.TABS, "active_tab"),
    prevent_initial_call=True,
)
def size_difference_map(active_tab: str) -> Any:
    """A map laid out inside a hidden tab measures itself again once the tab shows."""
    return str(time.monotonic()) if active_tab == "workspace" else no_update
