"""Static GeoJSON for the map, built once per dataset and sent once per page load.

Later re-styling happens client-side through each layer's ``hideout``; nothing here is rebuilt
in a callback.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from models.dataset import Dataset

Feature = dict[str, Any]
EMPTY_COLLECTION: dict[str, Any] = {"type": "FeatureCollection", "features": []}


def _point(lon: float, lat: float, properties: dict[str, Any]) -> Feature:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
        "properties": properties,
    }


def _collection(features: list[Feature]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def places_geojson(dataset: Dataset) -> dict[str, Any]:
    places = dataset.places
    return _collection(
        [
            _point(
                float(places.lon_deg[j]),
                float(places.lat_deg[j]),
                {
                    "id": str(places.ids[j]),
                    "name": str(places.names[j]),
                    "kind": str(places.kind[j]),
                    "population": int(places.population[j]),
                    "kommun": str(places.kommun_kod[j]),
                },
            )
            for j in range(len(places))
        ]
    )


def points_geojson(dataset: Dataset, service: str) -> dict[str, Any]:
    points = dataset.points
    chosen = np.flatnonzero(points.service == service)
    return _collection(
        [
            _point(
                float(points.lon_deg[k]),
                float(points.lat_deg[k]),
                {
                    "id": str(points.ids[k]),
                    "name": str(points.names[k]),
                    "service": service,
                    "subtype": str(points.subtype[k]),
                    "status": str(points.status[k]),
                    "place": str(dataset.places.ids[points.place_index[k]]),
                    "outside": bool(dataset.places.kind[points.place_index[k]] == "outside"),
                },
            )
            for k in chosen
        ]
    )


def demand_geojson(dataset: Dataset) -> dict[str, Any]:
    demand = dataset.demand
    return _collection(
        [
            _point(
                float(demand.lon_deg[i]),
                float(demand.lat_deg[i]),
                {"i": i, "population": round(float(demand.population[i]), 1)},
            )
            for i in range(len(demand))
        ]
    )


def county_bounds(dataset: Dataset) -> list[list[float]]:
    """[[south, west], [north, east]] of the places inside the region: the maps open fitted
    to it."""
    inside = dataset.places.in_region
    lat, lon = dataset.places.lat_deg[inside], dataset.places.lon_deg[inside]
    return [[float(lat.min()), float(lon.min())], [float(lat.max()), float(lon.max())]]


def county_center(dataset: Dataset) -> list[float]:
    """Middle of the region's places, for a map that cannot be fitted (one in a hidden tab)."""
    (south, west), (north, east) = county_bounds(dataset)
    return [(south + north) / 2, (west + east) / 2]


def _coordinates(geometry: Any) -> list[list[float]]:
    """Every [lon, lat] pair in a (Multi)Polygon's nested coordinate lists."""
    found: list[list[float]] = []
    stack = [geometry.get("coordinates", [])]
    while stack:
        item = stack.pop()
        if item and isinstance(item[0], int | float):
            found.append(item)
        else:
            stack.extend(item)
    return found


def region_bounds(dataset: Dataset) -> list[list[float]]:
    """[[south, west], [north, east]] of the kommun borders (the places' when there are none):
    the main map opens fitted to the whole county."""
    pairs = [
        xy for f in dataset.boundaries.get("features", []) for xy in _coordinates(f["geometry"])
    ]
    if not pairs:
        return county_bounds(dataset)
    lon, lat = [p[0] for p in pairs], [p[1] for p in pairs]
    return [[min(lat), min(lon)], [max(lat), max(lon)]]


def kommun_bounds(dataset: Dataset, kommun: str) -> list[list[float]]:
    """[[south, west], [north, east]] of one kommun's places: "Visa kommun" fits the map to
    them (with a margin in pixels, callbacks/results.py), so every place of it is in view."""
    inside = dataset.places.kommun_kod == kommun
    if not inside.any():
        return county_bounds(dataset)
    lat, lon = dataset.places.lat_deg[inside], dataset.places.lon_deg[inside]
    return [[float(lat.min()), float(lon.min())], [float(lat.max()), float(lon.max())]]


def edited_points_geojson(dataset: Dataset, point_ids: list[str]) -> dict[str, Any]:
    """The points corrections added or moved, where the corrected ``dataset`` has them (a few
    features: the one layer a callback rebuilds, as the shipped layers cannot know them)."""
    points = dataset.points
    position = {p: k for k, p in enumerate(points.ids.tolist())}
    return _collection(
        [
            _point(
                float(points.lon_deg[k]),
                float(points.lat_deg[k]),
                {
                    "id": str(points.ids[k]),
                    "name": str(points.names[k]),
                    "service": str(points.service[k]),
                    "status": str(points.status[k]),
                    "place": str(dataset.places.ids[points.place_index[k]]),
                },
            )
            for k in (position[p] for p in point_ids if p in position)
        ]
    )
