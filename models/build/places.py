"""Candidate places: tätorter plus the rural places that host services today.

A service point belongs to a tätort when it lies within the tätort's urban radius plus
``link_km``; the remaining points are grouped into rural places by single linkage within
``link_km`` (so a shop and a parcel agent 300 m apart form one village).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from models import geo


def urban_radius_km(area_ha: pd.Series) -> pd.Series:
    """Radius of a circle with the tätort's area: the part of a trip driven at urban speed."""
    return pd.Series(np.sqrt(area_ha.astype(float) / 100.0 / np.pi), index=area_ha.index)


def tatort_places(tatorter: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "place_id": tatorter["tatortskod"].astype(str),
            "name": tatorter["tatort"],
            "kommun_kod": tatorter["kommun_kod"].astype(str).str.zfill(4),
            "kind": "tatort",
            "population": tatorter["befolkning"].astype(int),
            "urban_radius_km": urban_radius_km(tatorter["area_ha"]).round(3),
            "in_region": True,
            "x_sweref99tm": tatorter["x_sweref99tm"].astype(float),
            "y_sweref99tm": tatorter["y_sweref99tm"].astype(float),
        }
    )


def link_to_places(points_xy_m: np.ndarray, places: pd.DataFrame, link_km: float) -> np.ndarray:
    """Index of the place each point belongs to, or -1 (beyond every radius + link_km)."""
    place_xy = places[["x_sweref99tm", "y_sweref99tm"]].to_numpy(float)
    distance_km = np.sqrt(((points_xy_m[:, None, :] - place_xy[None, :, :]) ** 2).sum(2)) / 1000
    slack_km = distance_km - places["urban_radius_km"].to_numpy(float)[None, :]
    best = slack_km.argmin(axis=1)
    return np.where(slack_km[np.arange(len(best)), best] <= link_km, best, -1)


def _name(text: object) -> str:
    return " ".join(str(text).lower().replace("-", " ").split())


def link_by_postort(
    cities: pd.Series, points_xy_m: np.ndarray, places: pd.DataFrame, max_km: float
) -> np.ndarray:
    """Index of the place whose name is the point's postort and whose edge lies within
    ``max_km``, or -1: a shop with the address "Södra vägen 21, Urshult" belongs to Urshult
    even when it stands 2 km from SCB's point for Urshult."""
    by_name: dict[str, list[int]] = {}
    for position, name in enumerate(places["name"].map(_name)):
        by_name.setdefault(name, []).append(position)
    place_xy = places[["x_sweref99tm", "y_sweref99tm"]].to_numpy(float)
    radius_km = places["urban_radius_km"].fillna(0.0).to_numpy(float)
    found = np.full(len(points_xy_m), -1)
    for k, city in enumerate(cities.map(_name)):
        candidates = by_name.get(city, [])
        if not candidates:
            continue
        slack = np.hypot(*(place_xy[candidates] - points_xy_m[k]).T) / 1000 - radius_km[candidates]
        best = int(np.argmin(slack))
        if slack[best] <= max_km:
            found[k] = candidates[best]
    return found


def cluster(points_xy_m: np.ndarray, link_km: float) -> np.ndarray:
    """Single-linkage cluster label per point (points within ``link_km`` share a label)."""
    if len(points_xy_m) == 0:
        return np.zeros(0, dtype=int)
    pairs = np.array(sorted(cKDTree(points_xy_m).query_pairs(link_km * 1000.0)), dtype=int)
    pairs = pairs.reshape(-1, 2)
    graph = coo_matrix(
        (np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])),
        shape=(len(points_xy_m), len(points_xy_m)),
    )
    return np.asarray(connected_components(graph, directed=False)[1])


def _place_name(members: pd.DataFrame, locality_names: set[str]) -> str:
    """The members' postort; where that is a town's name (a rural postal address), the first
    point's name with it, so that 'Växjö' never labels a farm shop 20 km from Växjö."""
    cities = members["city"].dropna()
    city = str(cities.mode().iloc[0]) if len(cities) else "Okänd ort"
    city = city.title() if city.isupper() else city
    if city in locality_names:
        return f"{members['name'].iloc[0]}, {city}"
    return city


def rural_places(
    points: pd.DataFrame,
    labels: np.ndarray,
    kommun_shapes: dict[str, shapely.Geometry] | None,
    id_prefix: str,
    locality_names: set[str],
) -> pd.DataFrame:
    """One place per cluster, at the members' mean position, named after their postort."""
    grouped = points.assign(cluster=labels).groupby("cluster", sort=True)
    frame = pd.DataFrame(
        {
            "name": grouped[["city", "name"]].apply(lambda m: _place_name(m, locality_names)),
            "x_sweref99tm": grouped["x_sweref99tm"].mean().round(1),
            "y_sweref99tm": grouped["y_sweref99tm"].mean().round(1),
        }
    ).reset_index(drop=True)
    if kommun_shapes is None:
        frame["kommun_kod"] = ""
    else:
        x, y = frame["x_sweref99tm"].to_numpy(float), frame["y_sweref99tm"].to_numpy(float)
        # generalised borders leave a few true insiders just outside: take the nearest kommun
        frame["kommun_kod"] = geo.nearest_shape(kommun_shapes, x, y)
    frame["place_id"] = [f"{id_prefix}{k:04d}" for k in range(len(frame))]
    frame["kind"] = "service_place" if kommun_shapes is not None else "outside"
    frame["population"] = 0
    frame["urban_radius_km"] = 0.0
    frame["in_region"] = kommun_shapes is not None
    return frame


def build_places(
    localities: pd.DataFrame,
    points: pd.DataFrame,
    kommun_shapes: dict[str, shapely.Geometry],
    link_km: float = 1.0,
    postort_km: float = 5.0,
) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Localities plus rural and outside places, the place_id of every point, and how each
    point was linked: ``distance`` (within a locality's radius + ``link_km``), ``postort``
    (its address names a locality within ``postort_km``), ``rural`` (a new rural place of the
    points near it) or ``outside`` (supply beyond the region).

    ``localities`` are tätorter (and småorter) in the places format; ``points`` need
    ``x_sweref99tm``, ``y_sweref99tm``, ``in_region`` and ``city``.
    """
    places = localities
    place_of_point = pd.Series("", index=points.index, dtype=object)
    how = pd.Series("outside", index=points.index, dtype=object)
    inside = points["in_region"].astype(bool).to_numpy()
    xy = points[["x_sweref99tm", "y_sweref99tm"]].to_numpy(float)
    near = link_to_places(xy[inside], places, link_km)
    named = link_by_postort(points.loc[inside, "city"], xy[inside], places, postort_km)
    linked = np.where(near >= 0, near, named)
    how.loc[points.index[inside]] = np.where(
        near >= 0, "distance", np.where(named >= 0, "postort", "rural")
    )
    inside_index = points.index[inside]
    place_of_point.loc[inside_index[linked >= 0]] = places["place_id"].to_numpy()[
        linked[linked >= 0]
    ]
    frames = [places]
    for mask, shapes, prefix in (
        (inside.copy(), kommun_shapes, "R"),
        (~inside, None, "X"),
    ):
        if prefix == "R":
            mask[np.flatnonzero(inside)[linked >= 0]] = False
        members = points[mask]
        if members.empty:
            continue
        labels = cluster(members[["x_sweref99tm", "y_sweref99tm"]].to_numpy(float), link_km)
        new_places = rural_places(members, labels, shapes, prefix, set(localities["name"]))
        place_of_point.loc[members.index] = new_places["place_id"].to_numpy()[labels]
        frames.append(new_places)
    return pd.concat(frames, ignore_index=True), place_of_point, how
