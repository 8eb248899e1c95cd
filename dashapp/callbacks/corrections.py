"""Data corrections around the scenario: waiting for a map click, the map's corrected points,
the Data tab's list of corrections, and saving a named data revision. The corrections
themselves change only through the scenario store's writer (callbacks/scenario.py)."""

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
    html,
    no_update,
)

from dashapp import features, formats, ids, style
from dashapp.components.corrections import followup_table, provenance_table
from dashapp.corrections_form import corrections_json
from dashapp.data import dataset, dataset_for, read_scenario, settings, storage
from dashapp.followup_text import followup_rows, followup_summary
from dashapp.i18n import t
from dashapp.present_corrections import correction_texts, point_changes, revision_status
from dashapp.provenance_text import provenance_rows
from dashapp.scenario_form import MAX_SAVED_NAME_CHARS
from dashapp.viability_text import viability_lines

Store = dict[str, Any]


def _typed(values: list[Any], specs: list[dict[str, Any]], place_id: str) -> Any:
    return next((v for v, s in zip(values, specs, strict=True) if s["place"] == place_id), None)


# The views below read only the scenario's services and corrections: a budget, lock or mode
# change does not call them (assets/controls.js::dataPart).
clientside_callback(
    ClientsideFunction(namespace="servicekartan", function_name="dataPart"),
    Output(ids.SCENARIO_DATA, "data"),
    Input(ids.SCENARIO_STORE, "data"),
)


clientside_callback(
    ClientsideFunction(namespace="servicekartan", function_name="pickedClick"),
    Output(ids.MAP_PICKED, "data"),
    Input(ids.MAP, "clickData"),
    State(ids.MAP_PICK, "data"),
    prevent_initial_call=True,
)


@callback(
    Output(ids.MAP_PICK, "data"),
    Output(ids.PICK_BANNER, "hidden"),
    Input(ids.point_move(ALL), "n_clicks"),
    Input(ids.new_point(ALL), "n_clicks"),
    Input(ids.PICK_CANCEL, "n_clicks"),
    Input(ids.SCENARIO_DATA, "data"),
    State(ids.new_point_service(ALL), "value"),
    State(ids.new_point_service(ALL), "id"),
    State(ids.new_point_name(ALL), "value"),
    State(ids.new_point_name(ALL), "id"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def await_position(
    _moves: Any,
    _adds: Any,
    _cancel: Any,
    _scenario: Any,
    services: list[Any],
    service_ids: list[dict[str, Any]],
    names: list[Any],
    name_ids: list[dict[str, Any]],
    language: str,
) -> tuple[Any, Any]:
    """A "move" or "place on the map" button makes the next map click a position; the
    scenario's corrections changing (the click was used) or "cancel" ends the wait."""
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict):
        return None, True
    if not ctx.triggered[0]["value"]:  # a redrawn card's buttons: no press, the wait goes on
        return no_update, no_update
    if trigger["type"] == "point-move":
        return {"action": "move", "point_id": trigger["point"]}, False
    place_id = trigger["place"]
    service = _typed(services, service_ids, place_id) or ""
    name = str(_typed(names, name_ids, place_id) or "").strip()
    if not name:  # a point needs a name; the service's own label until someone gives one
        name = f"{dataset().registry.label(service, language)} ({t('new_point', language)})"
    return {"action": "add", "service": service, "name": name}, False


@callback(
    Output(ids.MAP_EDITS, "data"),
    Output(ids.map_points(ALL), "hideout"),
    Input(ids.SCENARIO_DATA, "data"),
)
def show_corrected_points(scenario_data: Store | None) -> tuple[Any, list[Any]]:
    """Closed and moved points fade where the data has them; added and moved ones are drawn
    where the corrections put them."""
    scenario = read_scenario(scenario_data or {})
    base = dataset()
    changes = point_changes(scenario.corrections, set(base.points.ids.tolist()))
    colours = {s.key: s.colour for s in base.registry}
    hideouts = [
        style.points_hideout(colours[o["id"]["service"]], changes.changed)
        for o in ctx.outputs_list[1]
    ]
    drawn = features.edited_points_geojson(dataset_for(scenario), changes.drawn)
    return drawn, hideouts


@callback(
    Output(ids.REVISION_STATUS, "children"),
    Output(ids.CORRECTION_LIST, "children"),
    Input(ids.SCENARIO_DATA, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def list_corrections(scenario_data: Store | None, language: str) -> tuple[str, list[Any]]:
    scenario = read_scenario(scenario_data or {})
    items = [
        html.Li(
            [
                html.Span(text, className="me-2"),
                html.Button(
                    t("correction_remove", language),
                    id=ids.correction_remove(index),
                    className="btn btn-link btn-sm p-0 align-baseline",
                ),
            ]
        )
        for index, text in enumerate(correction_texts(dataset(), scenario.corrections, language))
    ]
    return revision_status(scenario, language), items


@callback(
    Output(ids.REVISION_MESSAGE, "children"),
    Output(ids.REVISION_VERSION, "data"),
    Input(ids.REVISION_SAVE, "n_clicks"),
    State(ids.REVISION_NAME, "value"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.REVISION_VERSION, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def save_revision(
    _clicks: Any, name: str | None, scenario_data: Store | None, version: Any, language: str
) -> tuple[str, Any]:
    """Only a named, non-empty list is saved; saving inserts a new revision, never edits one."""
    scenario = read_scenario(scenario_data or {})
    name = (name or "").strip()
    if not scenario.corrections:
        return t("revision_nothing", language), no_update
    if not name or len(name) > MAX_SAVED_NAME_CHARS:
        return t("revision_needs_name", language, most=MAX_SAVED_NAME_CHARS), no_update
    revision_id = storage().save_revision(
        name, str(settings().data_dir), corrections_json(scenario.corrections)
    )
    count = int(version.get("count", 0)) if isinstance(version, dict) else 0
    return t("revision_saved", language, name=name), {"count": count + 1, "selected": revision_id}


@callback(
    Output(ids.REVISION_PICK, "options"),
    Output(ids.REVISION_PICK, "value"),
    Input(ids.REVISION_VERSION, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def revision_options(version: Any, language: str) -> tuple[list[dict[str, Any]], Any]:
    """The shipped data and every saved revision; a revision just saved becomes the
    scenario's (choosing it loads the same list, now under its name)."""
    saved = storage().list_revisions(str(settings().data_dir))
    options = [{"label": t("revision_shipped_option", language), "value": 0}]
    options += [
        {"label": f"{r.name} ({formats.local_time(r.created_at)[:10]})", "value": r.id}
        for r in saved
    ]
    selected = version.get("selected") if isinstance(version, dict) else None
    return options, selected if selected else no_update


@callback(
    Output(ids.PROVENANCE, "children"),
    Input(ids.SCENARIO_DATA, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def show_provenance(scenario_data: Store | None, language: str) -> Any:
    scenario = read_scenario(scenario_data or {})
    return provenance_table(provenance_rows(dataset(), scenario, language), language)


@callback(
    Output(ids.VIABILITY, "children"),
    Input(ids.SCENARIO_DATA, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def show_viability(scenario_data: Store | None, language: str) -> Any:
    scenario = read_scenario(scenario_data or {})
    data = dataset_for(scenario)
    lines = viability_lines(data, scenario, language)
    return [html.P(lines[0], className="mb-1"), html.Ul([html.Li(line) for line in lines[1:]])]


@callback(
    Output(ids.FOLLOWUP, "children"),
    Input(ids.SCENARIO_DATA, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def show_followup(scenario_data: Store | None, language: str) -> Any:
    """Only while the scenario carries corrections: otherwise there is nothing to follow up."""
    scenario = read_scenario(scenario_data or {})
    if not scenario.corrections:
        return t("followup_nothing", language)
    before, after = dataset(), dataset_for(scenario)
    rows = followup_rows(before, after, scenario, language)
    return followup_table(followup_summary(before, after, language), rows, language)
