"""Save scenarios to SQLite, list them, and compare two or more side by side."""

from __future__ import annotations

import sqlite3
from typing import Any

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html, no_update

from dashapp import compare, ids
from dashapp.components.workspace import difference_map
from dashapp.data import data_dir, dataset, solve
from dashapp.i18n import number, t
from dashapp.present import solution_payload
from dashapp.storage import SavedScenario, ScenarioStorage
from models.errors import ServicekartanError
from models.scenario import Scenario


def _summary(payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "covered": {c["key"]: c["scenario"] for c in payload["covered"]},
        "cost_sek": payload["cost_sek"],
    }


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
    payload: dict[str, Any] | None,
    version: int,
    language: str,
) -> tuple[Any, Any]:
    if not data or not payload:
        return no_update, no_update
    scenario = Scenario.from_dict({**data, "name": (name or "").strip() or data["name"]})
    try:
        ScenarioStorage().save(
            scenario.name, str(data_dir()), scenario.to_json(), _summary(payload)
        )
    except (sqlite3.Error, OSError) as error:
        return dbc.Alert(t("storage_error", language, error=error), color="danger"), no_update
    return dbc.Alert(t("saved", language, name=scenario.name), color="success"), version + 1


def _saved_item(saved: SavedScenario, language: str) -> html.Li:
    grocery = saved.summary["covered"].get("grocery", 0.0)
    return html.Li(
        [
            dbc.Button(
                t("load", language),
                id=ids.load_saved(saved.id),
                size="sm",
                color="link",
                className="p-0 me-2",
            ),
            html.Strong(saved.name),
            f" · {saved.created_at[:16].replace('T', ' ')} · "
            f"{t('service_grocery', language)} {number(grocery, language)} · "
            f"{number(saved.summary['cost_sek'], language)} {t('sek', language)}",
        ]
    )


@callback(
    Output(ids.SAVED_LIST, "children"),
    Output(ids.COMPARE_PICK, "options"),
    Input(ids.SAVED_VERSION, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def list_saved(_version: int, language: str) -> tuple[Any, Any]:
    saved = ScenarioStorage().list(str(data_dir()))
    if not saved:
        return html.P(t("nothing_saved", language), className="text-muted"), []
    items = html.Ul([_saved_item(s, language) for s in saved], className="list-unstyled")
    options = [{"label": f"{s.name} (#{s.id})", "value": s.id} for s in saved]
    return items, options


def _graph(figure: Any) -> dcc.Graph:
    return dcc.Graph(figure=figure, config={"displaylogo": False})


def _solved(scenario_ids: list[int]) -> list[tuple[str, dict[str, Any]]]:
    storage, named = ScenarioStorage(), []
    for scenario_id in scenario_ids:
        saved = storage.get(int(scenario_id))
        if saved is not None:
            solution = solve(Scenario.from_json(saved.scenario_json))
            named.append((f"{saved.name} (#{saved.id})", solution_payload(dataset(), solution)))
    return named


@callback(
    Output(ids.COMPARE_TABLE, "columns"),
    Output(ids.COMPARE_TABLE, "data"),
    Output(ids.COMPARE_GRAPH_SERVICE, "children"),
    Output(ids.COMPARE_GRAPH_KOMMUN, "children"),
    Output(ids.DIFF_CONTAINER, "children"),
    Output(ids.DIFF_SUMMARY, "children"),
    Input(ids.COMPARE_PICK, "value"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def compare_saved(picked: list[int] | None, language: str) -> Any:
    try:
        named = _solved(picked or [])
    except ServicekartanError as error:
        return [], [], no_update, no_update, None, error.message(language)
    if len(named) < 2:
        return [], [], None, None, None, ""
    columns, rows = compare.compare_table(named, language)
    population = dataset().demand.population.tolist()
    places, demand, summary = compare.difference(named, "grocery", population, language)
    return (
        columns,
        rows,
        _graph(compare.service_figure(named, language)),
        _graph(compare.kommun_figure(named, "grocery", language)),
        difference_map(dataset(), places, demand),
        summary,
    )
