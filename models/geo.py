"""Coordinates: WGS84 <-> SWEREF99 TM, Sweden's extent, and kommun polygons."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import Transformer

FloatArray = NDArray[np.float64]

# Sweden's extent with a small margin (SWEREF99 TM metres and WGS84 degrees); a point outside
# is a typing or projection mistake, not a Swedish village.
SWEREF_X_RANGE_M = (180_000.0, 1_090_000.0)
SWEREF_Y_RANGE_M = (6_100_000.0, 7_700_000.0)
LAT_RANGE_DEG = (55.0, 69.2)
LON_RANGE_DEG = (10.5, 24.3)


@lru_cache(maxsize=2)
def _transformer(to_sweref: bool) -> Transformer:
    if to_sweref:
        return Transformer.from_crs("EPSG:4326", "EPSG:3006", always_xy=True)
    return Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)


def to_sweref(lon_deg: FloatArray, lat_deg: FloatArray) -> tuple[FloatArray, FloatArray]:
    """WGS84 longitude/latitude to SWEREF99 TM easting/northing in metres."""
    x_m, y_m = _transformer(True).transform(lon_deg, lat_deg)
    return np.asarray(x_m, dtype=float), np.asarray(y_m, dtype=float)


def to_wgs84(x_m: FloatArray, y_m: FloatArray) -> tuple[FloatArray, FloatArray]:
    """SWEREF99 TM easting/northing in metres to WGS84 (longitude, latitude)."""
    lon_deg, lat_deg = _transformer(False).transform(x_m, y_m)
    return np.asarray(lon_deg, dtype=float), np.asarray(lat_deg, dtype=float)


def inside_sweden_sweref(x_m: FloatArray, y_m: FloatArray) -> NDArray[np.bool_]:
    return (
        (x_m >= SWEREF_X_RANGE_M[0])
        & (x_m <= SWEREF_X_RANGE_M[1])
        & (y_m >= SWEREF_Y_RANGE_M[0])
        & (y_m <= SWEREF_Y_RANGE_M[1])
    )


def inside_sweden_wgs84(lon_deg: FloatArray, lat_deg: FloatArray) -> NDArray[np.bool_]:
    return (
        (lat_deg >= LAT_RANGE_DEG[0])
        & (lat_deg <= LAT_RANGE_DEG[1])
        & (lon_deg >= LON_RANGE_DEG[0])
        & (lon_deg <= LON_RANGE_DEG[1])
    )


def read_geojson(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def polygons_sweref(geojson: dict[str, Any], key: str | None) -> dict[str, shapely.Geometry]:
    """Each feature's geometry in SWEREF99 TM, keyed by the property ``key`` (or by position)."""
    shapes: dict[str, shapely.Geometry] = {}
    for position, feature in enumerate(geojson["features"]):
        geometry = shapely.from_geojson(json.dumps(feature["geometry"]))
        projected = shapely.transform(
            geometry, lambda lonlat: np.column_stack(to_sweref(lonlat[:, 0], lonlat[:, 1]))
        )
        shapes[str(feature["properties"][key]) if key else str(position)] = projected
    return shapes


def locate(
    shapes: dict[str, shapely.Geometry], x_m: FloatArray, y_m: FloatArray
) -> NDArray[np.object_]:
    """The key of the polygon containing each point, or None for points in none of them."""
    points = shapely.points(x_m, y_m)
    found = np.full(len(x_m), None, dtype=object)
    for key, shape in shapes.items():
        shapely.prepare(shape)
        found[shapely.contains(shape, points) & (found == None)] = key  # noqa: E711
    return found


def nearest_shape(
    shapes: dict[str, shapely.Geometry], x_m: FloatArray, y_m: FloatArray
) -> NDArray[np.object_]:
    """The key of the nearest polygon; generalised borders put some true insiders just outside."""
    points = shapely.points(x_m, y_m)
    keys = list(shapes)
    distances = np.column_stack([shapely.distance(shapes[k], points) for k in keys])
    nearest: NDArray[np.object_] = np.asarray(keys, dtype=object)[distances.argmin(axis=1)]
    return nearest
