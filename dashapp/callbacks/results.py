"""Result store → KPI cards, tables and map styles (through ``hideout`` only)."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback, ctx, no_update

from dashapp import ids, present
from dashapp.card_support import eligibility_cells
from dashapp.components.results import kpi_card
from dashapp.data import dataset, dataset_for
from dashapp.features import kommun_bounds, region_bounds
from dashapp.scenario_form import kommun_code
from dashapp.style import kommun_hideout
from models.places import place_status
from models.services import ServiceRegistry
from models.solution import Solution

Store = dict[str, Any] | None


def _solution(data: Store) -> Solution | None:
    return Solution.from_dict(data) if data else None


@callback(
    Output(ids.KPIS, "children"),
    Output(ids.KPI_KOMMUN, "data"),
    Input(ids.RESULT_STORE, "data"),
    Input(ids.KOMMUN, "value"),
    State(ids.KPI_KOMMUN, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def show_kpis(data: Store, kommun: str | None, drawn_for: Any, language: str) -> Any:
    """The cards for another kommun view; a new result brings its own cards (callbacks/solve.py
    draws them in the solve's answer, one round trip sooner, for the view it was asked with).
    A view changed while a background solve ran is not held back by Dash, so a result whose
    cards were drawn for another view than the one on screen is drawn again here."""
    solution = _solution(data)
    view_changed = ids.KOMMUN in ctx.triggered_prop_ids.values()
    if solution is None or (not view_changed and drawn_for == kommun):
        return no_update, no_update
    return kpi_view(solution, dataset().registry, kommun, language), kommun


def kpi_view(
    solution: Solution, registry: ServiceRegistry, kommun: str | None, language: str
) -> list[Any]:
    cards = present.kpi_cards(solution, registry, kommun_code(kommun), language)
    return [kpi_card(card) for card in cards]


@callback(
    Output(ids.ACTIONS_TABLE, "rowData"),
    Input(ids.RESULT_STORE, "data"),
    Input(ids.KOMMUN, "value"),
    State(ids.LANGUAGE_STORE, "data"),
)
def show_actions(data: Store, kommun: str | None, language: str) -> Any:
    solution = _solution(data)
    if solution is None:
        return no_update
    corrected = dataset_for(solution.scenario)
    support = eligibility_cells(corrected, solution, language)
    code = kommun_code(kommun)
    return present.actions_rows(solution, corrected.registry, code, language, support)


@callback(
    Output(ids.KOMMUN_TABLE, "rowData"),
    Input(ids.RESULT_STORE, "data"),
    Input(ids.DEMAND_SERVICE, "value"),
    State(ids.LANGUAGE_STORE, "data"),
)
def show_kommuner(data: Store, key: str, language: str) -> Any:
    solution = _solution(data)
    return present.kommun_rows(solution, key, language) if solution else no_update


@callback(
    Output(ids.CRITICAL_TABLE, "rowData"),
    Input(ids.RESULT_STORE, "data"),
    Input(ids.KOMMUN, "value"),
    State(ids.LANGUAGE_STORE, "data"),
)
def show_critical(data: Store, kommun: str | None, language: str) -> Any:
    solution = _solution(data)
    if solution is None:
        return no_update
    return present.critical_rows(solution, dataset().registry, kommun_code(kommun), language)


@callback(
    Output(ids.MAP_PLACES, "hideout"),
    Output(ids.MAP_KOMMUNER, "hideout"),
    Input(ids.RESULT_STORE, "data"),
    Input(ids.KOMMUN, "value"),
)
def style_places(data: Store, kommun: str | None) -> tuple[Any, Any]:
    code = kommun_code(kommun)
    today = place_status(dataset(), ()) if not data else {}
    return present.place_hideout(_solution(data), today, code), kommun_hideout(code)


@callback(
    Output(ids.MAP_DEMAND, "hideout"),
    Input(ids.RESULT_STORE, "data"),
    Input(ids.DEMAND_SERVICE, "value"),
)
def style_demand(data: Store, key: str) -> dict[str, Any]:
    return present.demand_hideout(_solution(data), key)


def place_viewport(place_id: str) -> dict[str, Any]:
    data = dataset()
    j = data.place_position()[place_id]
    center = [float(data.places.lat_deg[j]), float(data.places.lon_deg[j])]
    # kommun zoom: the village and its neighbours stay in view (issue 9: not past about 10)
    return {"center": center, "zoom": 10, "transition": "flyTo"}


# Room around a fitted area, in pixels: a place's marker stays whole at the edge, and so does
# its name, written to its right at kommun zoom; the legend (top left) covers less of it.
FIT_PADDING = {"paddingTopLeft": [30, 40], "paddingBottomRight": [100, 30]}
COUNTY_PADDING = {"padding": [8, 8]}  # as the map opens (components/map.py); no names there


def kommun_viewport(kommun: str | None) -> dict[str, Any]:
    """ "Visa kommun" fits the map to that kommun's places; "Hela länet" to the county's
    borders (as the map opens), each with a margin."""
    data = dataset()
    if not kommun:
        return {
            "bounds": region_bounds(data),
            "transition": "flyToBounds",
            "options": COUNTY_PADDING,
        }
    return {
        "bounds": kommun_bounds(data, kommun),
        "transition": "flyToBounds",
        "options": FIT_PADDING,
    }


@callback(
    Output(ids.MAP, "viewport"),
    Input(ids.KOMMUN, "value"),
    Input(ids.SELECTED_PLACE, "data"),
    prevent_initial_call=True,
)
def move_map(kommun: str | None, place_id: str | None) -> dict[str, Any]:
    """The map follows the kommun filter, and flies to a place picked in a table."""
    if ctx.triggered_id == ids.SELECTED_PLACE and place_id:
        return place_viewport(place_id)
    return kommun_viewport(kommun_code(kommun))
