"""Save scenarios to SQLite, list them, and compare two or more side by side."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html, no_update

from dashapp import compare, ids, style
from dashapp.components.workspace import saved_item
from dashapp.data import base_scenario, dataset, read_scenario, settings, solve, storage
from dashapp.i18n import t
from dashapp.present import label
from models.errors import ServicekartanError
from models.scenario import Scenario
from models.solution import Solution


def summary(solution: Solution) -> dict[str, Any]:
    """What the saved list shows without solving again: people per key, and the cost."""
    return {"covered": {c.key: c.scenario for c in solution.covered}, "cost_sek": solution.cost_sek}


@callback(
    Output(ids.SAVE_MESSAGE, "children"),
    Output(ids.SAVED_VERSION, "data"),
    Input(ids.SAVE, "n_clicks"),
    State(ids.SCENARIO_NAME, "value"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.RESULT_STORE, "data"),
    State(ids.SAVED_VERSION, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def save(
    _clicks: int | None,
    name: str | None,
    data: dict[str, Any] | None,
    result: dict[str, Any] | None,
    version: int,
    language: str,
) -> tuple[Any, Any]:
    if not data or not result:
        return no_update, no_update
    scenario = read_scenario({**data, "name": (name or "").strip() or data["name"]})
    solved = Solution.from_dict(result)
    try:
        storage().save(scenario.name, str(settings().data_dir), scenario.to_json(), summary(solved))
    except (sqlite3.Error, OSError) as error:
        return dbc.Alert(t("storage_error", language, error=error), color="danger"), no_update
    return dbc.Alert(t("saved", language, name=scenario.name), color="success"), version + 1


@callback(
    Output(ids.SAVED_LIST, "children"),
    Output(ids.COMPARE_PICK, "options"),
    Input(ids.SAVED_VERSION, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def list_saved(_version: int, language: str) -> tuple[Any, Any]:
    saved = storage().list(str(settings().data_dir))
    if not saved:
        return html.P(t("nothing_saved", language), className="text-muted"), []
    registry = dataset().registry
    items = html.Ul([saved_item(s, registry, language) for s in saved], className="list-unstyled")
    options = [{"label": f"{s.name} (#{s.id})", "value": s.id} for s in saved]
    return items, options


def _graph(figure: Any) -> dcc.Graph:
    return dcc.Graph(figure=figure, config={"displaylogo": False})


def solved_saved(scenario_ids: list[int]) -> compare.Named:
    named: compare.Named = []
    defaults = base_scenario()
    for scenario_id in scenario_ids:
        saved = storage().get(int(scenario_id))
        if saved is not None:
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
        "columns": columns,
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
        "columns": Output(ids.COMPARE_TABLE, "columns"),
        "rows": Output(ids.COMPARE_TABLE, "data"),
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
    },
    state={"language": State(ids.LANGUAGE_STORE, "data")},
    prevent_initial_call=True,
)
def compare_saved(picked: list[int] | None, key: str | None, language: str) -> dict[str, Any]:
    """The table, charts and difference map restyle (through hideouts) for the picked ones."""
    try:
        named = solved_saved(picked or [])
    except ServicekartanError as error:
        return {**EMPTY, "summary": error.message(language)}
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
