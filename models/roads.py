"""Travel times on a real road network: an OpenStreetMap extract (.osm or .osm.pbf).

The extract is read with pyosmium; each drivable way becomes directed edges weighted by
minutes at the way's ``maxspeed`` (or a default speed for its road class). Demand points and
places snap to their nearest road node; the straight-line hop to it is driven at the model's
rural speed with the short-trip detour factor. Shortest paths: scipy's csgraph Dijkstra from
each place on the reversed graph (trips run demand point → place).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import osmium
import pandas as pd
from numpy.typing import NDArray
from scipy import sparse
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from models import geo, schema
from models.errors import DataError, Problem
from models.travel import TravelModel

FloatArray = NDArray[np.float64]

DEFAULT_SPEED_KMH: dict[str, float] = {
    "motorway": 110,
    "trunk": 90,
    "primary": 80,
    "secondary": 70,
    "tertiary": 60,
    "unclassified": 50,
    "residential": 30,
    "living_street": 10,
    "service": 20,
    "motorway_link": 60,
    "trunk_link": 50,
    "primary_link": 50,
    "secondary_link": 40,
    "tertiary_link": 40,
    "road": 40,
    "track": 20,
}


def _speed_kmh(highway: str, maxspeed: str | None) -> float:
    if maxspeed and maxspeed.split()[0].isdigit():
        return float(maxspeed.split()[0])
    return DEFAULT_SPEED_KMH[highway]


def _ways(path: Path) -> tuple[dict[int, tuple[float, float]], list[tuple[list[int], float, str]]]:
    locations: dict[int, tuple[float, float]] = {}
    ways: list[tuple[list[int], float, str]] = []
    for obj in osmium.FileProcessor(str(path)).with_locations():
        if not isinstance(obj, osmium.osm.Way):
            continue
        highway = obj.tags.get("highway")
        if highway not in DEFAULT_SPEED_KMH:
            continue
        refs = []
        for node in obj.nodes:
            if node.location.valid():
                locations[node.ref] = (node.location.lon, node.location.lat)
                refs.append(node.ref)
        oneway = str(obj.tags.get("oneway", "no"))
        ways.append((refs, _speed_kmh(str(highway), obj.tags.get("maxspeed")), oneway))
    return locations, ways


def read_network(path: Path) -> tuple[sparse.csr_matrix, FloatArray]:
    """Directed graph of minutes between road nodes, and the nodes' SWEREF99 TM positions."""
    try:
        locations, ways = _ways(path)
    except (RuntimeError, OSError) as error:  # osmium reports a damaged file as RuntimeError
        raise DataError(
            [
                Problem(
                    path.name,
                    None,
                    None,
                    f"OpenStreetMap-filen kan inte läsas ({error})",
                    f"the OpenStreetMap file cannot be read ({error})",
                )
            ]
        ) from error
    if not ways:
        raise DataError(
            [
                Problem(
                    path.name,
                    None,
                    None,
                    "filen innehåller inga vägar för bil",
                    "the file holds no roads for cars",
                )
            ]
        )
    node_ids = list(locations)
    position = {node: k for k, node in enumerate(node_ids)}
    lonlat = np.array([locations[n] for n in node_ids], dtype=float).reshape(-1, 2)
    x, y = geo.to_sweref(lonlat[:, 0], lonlat[:, 1])
    xy = np.column_stack([x, y])
    tails, heads, minutes = [], [], []
    for refs, speed_kmh, oneway in ways:
        for a, b in itertools.pairwise(refs):
            i, j = position[a], position[b]
            length_km = float(np.hypot(*(xy[i] - xy[j]))) / 1000.0
            edge_min = 60.0 * length_km / speed_kmh
            tails.append(i)
            heads.append(j)
            minutes.append(edge_min)
            if oneway not in ("yes", "true", "1"):
                tails.append(j)
                heads.append(i)
                minutes.append(edge_min)
    graph = sparse.csr_matrix((minutes, (tails, heads)), shape=(len(xy), len(xy)))
    return graph, xy


def network_minutes(
    graph: sparse.csr_matrix,
    node_xy_m: FloatArray,
    demand_xy_m: FloatArray,
    place_xy_m: FloatArray,
    model: TravelModel,
) -> FloatArray:
    """Demand × place minutes (``inf`` beyond the cut-off) over the network."""
    tree = cKDTree(node_xy_m)
    demand_hop_m, demand_node = tree.query(demand_xy_m)
    place_hop_m, place_node = tree.query(place_xy_m)
    hop_min_per_m = 60.0 * model.detour_factor_short / (model.speed_rural_kmh * 1000.0)
    on_network = dijkstra(
        graph.T.tocsr(), directed=True, indices=place_node, limit=model.cutoff_min
    )
    total = (
        model.access_min
        + on_network[:, demand_node].T
        + demand_hop_m[:, None] * hop_min_per_m
        + place_hop_m[None, :] * hop_min_per_m
    )
    return np.where(total <= model.cutoff_min, total, np.inf)


def road_travel_times(osm_path: Path, folder: Path, model: TravelModel) -> pd.DataFrame:
    """The long-form travel_times.csv table for a built data folder, from an OSM extract."""
    graph, node_xy = read_network(osm_path)
    demand = pd.read_csv(folder / schema.DEMAND.file, dtype={"demand_id": str})
    places = pd.read_csv(folder / schema.PLACES.file, dtype={"place_id": str})
    minutes = network_minutes(
        graph,
        node_xy,
        demand[["x_sweref99tm", "y_sweref99tm"]].to_numpy(float),
        places[["x_sweref99tm", "y_sweref99tm"]].to_numpy(float),
        model,
    )
    rows, cols = np.nonzero(np.isfinite(minutes))
    return pd.DataFrame(
        {
            "origin_id": demand["demand_id"].to_numpy()[rows],
            "destination_id": places["place_id"].to_numpy()[cols],
            "minutes": minutes[rows, cols].round(2),
        }
    )
