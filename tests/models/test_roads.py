"""Travel times on a small road network that the test writes as an OSM file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pyproj import Geod

from models import geo
from models.roads import network_minutes, read_network
from models.travel import TravelModel

MODEL = TravelModel(access_min=2.0, cutoff_min=60.0, speed_rural_kmh=70.0)
NODES = {1: (15.00, 56.90), 2: (15.05, 56.90), 3: (15.10, 56.90), 4: (15.10, 56.95)}


def _geodesic_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Ellipsoidal distance, independent of the projection the code uses."""
    return float(Geod(ellps="GRS80").inv(a[0], a[1], b[0], b[1])[2]) / 1000.0


def _write_osm(path: Path) -> Path:
    nodes = "".join(
        f'<node id="{k}" version="1" lat="{lat}" lon="{lon}"/>' for k, (lon, lat) in NODES.items()
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><osm version="0.6">'
        + nodes
        + '<way id="10" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/>'
        '<tag k="highway" v="secondary"/><tag k="maxspeed" v="60"/></way>'
        '<way id="11" version="1"><nd ref="3"/><nd ref="4"/>'
        '<tag k="highway" v="tertiary"/><tag k="oneway" v="yes"/></way>'
        '<way id="12" version="1"><nd ref="1"/><nd ref="4"/><tag k="waterway" v="river"/></way>'
        "</osm>"
    )
    return path


def _xy(*node_ids: int) -> np.ndarray:
    lon = np.array([NODES[k][0] for k in node_ids])
    lat = np.array([NODES[k][1] for k in node_ids])
    return np.column_stack(geo.to_sweref(lon, lat))


def test_network_reads_only_drivable_ways(tmp_path: Path) -> None:
    graph, node_xy = read_network(_write_osm(tmp_path / "roads.osm"))
    assert len(node_xy) == 4
    assert graph.nnz == 2 * 2 + 1  # two-way secondary (2 edges × 2), one-way tertiary


def test_minutes_follow_maxspeed_and_default_speeds(tmp_path: Path) -> None:
    graph, node_xy = read_network(_write_osm(tmp_path / "roads.osm"))
    minutes = network_minutes(graph, node_xy, _xy(1, 1), _xy(3, 4), MODEL)
    along_km = _geodesic_km(NODES[1], NODES[3])
    up_km = _geodesic_km(NODES[3], NODES[4])
    assert minutes[0, 0] == pytest.approx(2.0 + 60 * along_km / 60, rel=1e-3)
    # tertiary without maxspeed: 60 km/h default
    assert minutes[0, 1] == pytest.approx(2.0 + 60 * along_km / 60 + 60 * up_km / 60, rel=1e-3)


def test_one_way_streets_are_respected(tmp_path: Path) -> None:
    graph, node_xy = read_network(_write_osm(tmp_path / "roads.osm"))
    minutes = network_minutes(graph, node_xy, _xy(4), _xy(1), MODEL)
    assert np.isinf(minutes[0, 0])  # from node 4 there is no legal way back to node 1


def test_off_network_hop_is_driven_at_rural_speed(tmp_path: Path) -> None:
    graph, node_xy = read_network(_write_osm(tmp_path / "roads.osm"))
    demand = _xy(1) + np.array([[0.0, -1000.0]])  # 1 km south of node 1
    minutes = network_minutes(graph, node_xy, demand, _xy(1), MODEL)
    assert minutes[0, 0] == pytest.approx(2.0 + 60 * 1.0 * MODEL.detour_factor_short / 70)


def test_build_with_an_osm_extract_writes_road_travel_times(tmp_path: Path) -> None:
    from models.build.manifest import read_manifest
    from models.build.region import BuildOptions, build_folder
    from models.dataset import load_dataset
    from tests.conftest import FIXTURES

    osm = _write_osm(tmp_path / "roads.osm")
    manifest = read_manifest(FIXTURES / "source" / "manifest.json")
    folder = build_folder(manifest, tmp_path / "out", BuildOptions(osm=osm))
    assert (folder / "travel_times.csv").exists()
    dataset = load_dataset(folder)
    assert dataset.travel.method == "matrix"
    assert (dataset.travel.minutes >= MODEL.access_min).all()
    assert dataset.travel.minutes.max() <= MODEL.cutoff_min
