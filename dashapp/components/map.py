"""The Leaflet map: static layers built once, styled client-side through ``hideout``."""

from __future__ import annotations

import os
from typing import Any

import dash_leaflet as dl
from dash import html

from dashapp import features, ids
from dashapp.i18n import t
from models.dataset import Dataset

DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'

# Okabe–Ito palette: distinguishable with the common forms of colour blindness.
SERVICE_COLORS = {
    "grocery": "#E69F00",
    "fuel": "#56B4E9",
    "pharmacy": "#009E73",
    "parcel": "#CC79A7",
    "cash": "#0072B2",
}
PLACE_COLORS = {
    "supported": "#D55E00",
    "secure": "#0072B2",
    "at_risk": "#F0E442",
    "none": "#FFFFFF",
}
DEMAND_COLORS = {"covered": "#009E73", "uncovered": "#CC79A7"}


def tile_url() -> str:
    """``SERVICEKARTAN_TILE_URL`` (empty or ``none`` = no tiles at all), else OpenStreetMap."""
    return os.environ.get("SERVICEKARTAN_TILE_URL", DEFAULT_TILE_URL)


def _fn(name: str) -> dict[str, str]:
    return {"variable": f"servicekartan.{name}"}


def _base_layers(language: str) -> list[Any]:
    url = tile_url()
    online = url.strip().lower() not in ("", "none")
    plain = dl.BaseLayer(dl.LayerGroup(), name=t("layer_base_plain", language), checked=not online)
    if not online:
        return [plain]
    tiles = dl.TileLayer(
        id=ids.MAP_BASE_TILES,
        url=url,
        attribution=TILE_ATTRIBUTION,
        eventHandlers={"tileerror": _fn("tileError")},
    )
    return [dl.BaseLayer(tiles, name=t("layer_base_osm", language), checked=True), plain]


def _service_overlays(dataset: Dataset, language: str) -> list[Any]:
    return [
        dl.Overlay(
            dl.GeoJSON(
                id=ids.map_points(service),
                data=features.points_geojson(dataset, service),
                pointToLayer=_fn("pointToLayer"),
                hideout={"color": SERVICE_COLORS[service]},
            ),
            name=t(f"service_{service}", language),
            checked=service == "grocery",
        )
        for service in dataset.services
    ]


def map_view(dataset: Dataset, language: str, place_hideout: dict[str, Any]) -> html.Div:
    """The map with kommun borders, places (sized by population) and services per type."""
    kommuner = dl.GeoJSON(
        id=ids.MAP_KOMMUNER,
        data=dataset.boundaries,
        style=_fn("kommunStyle"),
        hideout={"kommun": None},
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
        hideout={"uncovered": None},
    )
    layers = dl.LayersControl(
        [
            *_base_layers(language),
            dl.Overlay(kommuner, name=t("layer_kommuner", language), checked=True),
            dl.Overlay(demand, name=t("layer_demand", language), checked=True),
            dl.Overlay(places, name=t("layer_places", language), checked=True),
            *_service_overlays(dataset, language),
        ],
        collapsed=False,
    )
    return html.Div(
        [
            html.Div(t("tile_note", language), className="sk-tile-note alert alert-warning py-1"),
            dl.Map(
                [layers, dl.ScaleControl(position="bottomleft", imperial=False)],
                id=ids.MAP,
                center=features.county_center(dataset),
                zoom=8,
                className="sk-map",
            ),
        ]
    )
