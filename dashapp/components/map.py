"""The Leaflet map: static layers built once, styled client-side through ``hideout``."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import dash_leaflet as dl
from dash import html

from dashapp import features, ids, style
from dashapp.i18n import t
from models.dataset import Dataset

TILE_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'


def _fn(name: str) -> dict[str, str]:
    return {"variable": f"servicekartan.{name}"}


def _base_layers(language: str, tile_url: str) -> list[Any]:
    online = tile_url.strip().lower() not in ("", "none")
    plain = dl.BaseLayer(dl.LayerGroup(), name=t("layer_base_plain", language), checked=not online)
    if not online:
        return [plain]
    tiles = dl.TileLayer(
        id=ids.MAP_BASE_TILES,
        url=tile_url,
        attribution=TILE_ATTRIBUTION,
        eventHandlers={"tileerror": _fn("tileError")},
    )
    return [dl.BaseLayer(tiles, name=t("layer_base_osm", language), checked=True), plain]


def panes() -> list[dl.Pane]:
    """The map's layer order (style.PANES); layers pick their pane through their hideout."""
    return [dl.Pane(name=name, style={"zIndex": z}) for name, z in style.PANES.items()]


def _swatches(items: list[tuple[str, str]], shape: str = "") -> list[html.Span]:
    return [
        html.Span(
            [html.Span(className=f"sk-legend-swatch {shape}", style={"background": color}), text],
            className="me-2 text-nowrap",
        )
        for color, text in items
    ]


def map_legend(language: str) -> html.Div:
    """The compact legend on the map itself, so it shows wherever the map shows (workshop
    mode too): what the places' colours and the population squares mean."""
    places = [(color, t(f"legend_{k}", language)) for k, color in style.PLACE_COLORS.items()]
    demand = [
        (style.DEMAND_COLORS[k], t(f"legend_{k}", language)) for k in ("covered", "uncovered")
    ]
    return html.Div(
        [
            *(html.Div(item) for item in _swatches(places)),
            *(html.Div(item) for item in _swatches(demand, "sk-legend-square")),
        ],
        id=ids.MAP_LEGEND,
        className="sk-map-legend",
    )


def points_legend(dataset: Dataset, language: str) -> html.Div:
    """Service point colours, under the map (the layer control switches them on and off)."""
    services = [(s.colour, s.label(language)) for s in dataset.registry]
    return html.Div(
        [
            html.Span(t("legend_points", language) + ": ", className="fw-semibold"),
            *_swatches(services),
        ],
        className="sk-legend small my-1",
    )


def _service_overlays(dataset: Dataset, language: str) -> list[Any]:
    return [
        dl.Overlay(
            dl.GeoJSON(
                id=ids.map_points(service.key),
                data=features.points_geojson(dataset, service.key),
                pointToLayer=_fn("pointToLayer"),
                hideout=style.points_hideout(service.colour),
            ),
            name=service.label(language),
            checked=position == 0,  # the first service type's points show from the start
        )
        for position, service in enumerate(dataset.registry)
        if service.key in dataset.services
    ]


def map_view(
    dataset: Dataset, language: str, place_hideout: dict[str, Any], tile_url: str
) -> html.Div:
    """The map with kommun borders, places (sized by population) and services per type."""
    kommuner = dl.GeoJSON(
        id=ids.MAP_KOMMUNER,
        data=dataset.boundaries,
        style=_fn("kommunStyle"),
        hideout=style.kommun_hideout(None),
        interactive=False,
    )
    places = dl.GeoJSON(
        id=ids.MAP_PLACES,
        data=features.places_geojson(dataset),
        pointToLayer=_fn("placeToLayer"),
        hideout=place_hideout,
    )
    demand = dl.GeoJSON(
        id=ids.MAP_DEMAND,
        data=features.demand_geojson(dataset),
        pointToLayer=_fn("demandToLayer"),
        hideout=style.demand_hideout(None),
    )
    edits = dl.GeoJSON(
        id=ids.MAP_EDITS,
        data=features.EMPTY_COLLECTION,
        pointToLayer=_fn("editToLayer"),
        hideout=style.edits_hideout(dataset.registry),
    )
    layers = dl.LayersControl(
        [
            *_base_layers(language, tile_url),
            dl.Overlay(kommuner, name=t("layer_kommuner", language), checked=True),
            dl.Overlay(demand, name=t("layer_demand", language), checked=True),
            dl.Overlay(places, name=t("layer_places", language), checked=True),
            *_service_overlays(dataset, language),
            dl.Overlay(edits, name=t("layer_edits", language), checked=True),
        ],
        collapsed=True,  # open, the list covered part of the county at 1366 px
    )
    return html.Div(
        [
            html.Div(t("tile_note", language), className="sk-tile-note alert alert-warning py-1"),
            html.Div(
                [
                    dl.Map(
                        [*panes(), layers, dl.ScaleControl(position="bottomleft", imperial=False)],
                        id=ids.MAP,
                        bounds=features.region_bounds(dataset),
                        boundsOptions={"padding": [8, 8]},
                        zoomSnap=0.25,
                        className="sk-map",
                    ),
                    map_legend(language),
                ],
                className="sk-map-wrap",
            ),
        ]
    )


def pick_banner(language: str) -> html.Div:
    """Shown while the card waits for a click on the map (a new point, or where one moves)."""
    return html.Div(
        [
            html.Span(t("pick_help", language), className="me-2"),
            dbc.Button(t("pick_cancel", language), id=ids.PICK_CANCEL, size="sm", color="light"),
        ],
        id=ids.PICK_BANNER,
        hidden=True,
        className="sk-pick-banner alert alert-info py-1 mb-1",
        role="status",
    )
