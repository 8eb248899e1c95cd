"""Workshop mode, and keeping the URL (and the language link) in step with the scenario."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback, no_update

from dashapp import ids
from dashapp.callbacks.rooms import room_code
from dashapp.components.status import kpi_help
from dashapp.data import dataset, read_scenario
from dashapp.i18n import t
from dashapp.scenario_form import url_query


def kommun_names(codes: tuple[str, ...]) -> str:
    names = dict(zip(dataset().kommun_kod, dataset().kommun_names, strict=True))
    return ", ".join(names.get(code, code) for code in codes)


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
    Input(ids.ROOM_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def scenario_to_url(
    data: dict[str, Any] | None, workshop: bool, room: object, language: str
) -> Any:
    """The address bar always opens exactly this scenario in this room; the language link
    keeps both too."""
    if not data:
        return no_update, no_update
    scenario, code = read_scenario(data), room_code(room)
    other = "en" if language == "sv" else "sv"
    return url_query(scenario, language, workshop, code), url_query(scenario, other, workshop, code)


@callback(
    Output(ids.SUPPORT_NOTE, "children"),
    Output(ids.SUPPORT_NOTE, "hidden"),
    Input(ids.SCENARIO_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def note_support(data: dict[str, Any] | None, language: str) -> tuple[str, bool]:
    """ "Begränsa stödet till" is said on screen, by kommun name, whenever it is on."""
    codes = read_scenario(data).candidate_kommuner if data else ()
    if not codes:
        return "", True
    return t("support_restricted", language, kommun=kommun_names(codes)), False


@callback(
    Output(ids.KPI_HELP, "children"),
    Input(ids.SCENARIO_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def explain_kpis(data: dict[str, Any] | None, language: str) -> Any:
    """What "Hela korgen" and the two comparisons mean, for the scenario's approach."""
    if not data:
        return no_update
    return kpi_help(read_scenario(data), dataset().registry, language)
