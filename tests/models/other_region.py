"""A small made-up region far from the embedded one, with a sixth service type (vårdcentral)
declared only in its manifest: the proof that a region and a service need data, not code."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from pyproj import Transformer

REGION = "Fjällänge"
KOMMUNER = (("9901", "Norrby"), ("9902", "Söderby"))
WEST, EAST, SOUTH, MIDDLE, NORTH = 440_000, 480_000, 6_880_000, 6_900_000, 6_920_000
HEALTH_CENTRE = {
    "key": "vardcentral",
    "label_sv": "Vårdcentral",
    "label_en": "Health centre",
    "threshold_min": 20,
    "weight": 0.6,
    "keep_cost_sek": 500_000,
    "establish_cost_sek": 900_000,
    "cost_is_assumption": True,
    "cost_basis": "assumption for the test region",
    "colour": "#999933",
    "source_categories": ["health_centre"],
    "aliases": ["vårdcentral", "hälsocentral"],
}
# (id, name, kommun, population, x, y)
LOCALITIES = (
    ("9901TA001", "Storby", "9901", 3000, 455_000, 6_910_000),
    ("9901TA002", "Mellanby", "9901", 800, 470_000, 6_912_000),
    ("9902TA001", "Lillby", "9902", 400, 450_000, 6_890_000),
    ("9902TA002", "Udden", "9902", 300, 472_000, 6_886_000),
)
# (category, name, x, y, inside the region)
POINTS = (
    ("grocery", "Storby Livs", 455_100, 6_910_100, True),
    ("grocery", "Mellanby Handel", 470_050, 6_912_050, True),
    ("grocery", "Lillby Lanthandel", 450_050, 6_890_050, True),
    ("fuel", "Storby Bensin", 455_300, 6_909_800, True),
    ("pharmacy", "Apoteket Storby", 455_050, 6_910_050, True),
    ("parcel_agent", "Storby Livs (ombud)", 455_100, 6_910_100, True),
    ("parcel_agent", "Mellanby Handel (ombud)", 470_050, 6_912_050, True),
    ("atm", "Bankomat Storby", 455_000, 6_910_200, True),
    ("health_centre", "Storby vårdcentral", 455_200, 6_910_300, True),
    ("health_centre", "Lillby hälsocentral", 450_100, 6_890_100, True),
    ("grocery", "Granne Livs", 490_000, 6_900_000, False),
)


def _lonlat(x: float, y: float) -> tuple[float, float]:
    lon, lat = Transformer.from_crs(3006, 4326, always_xy=True).transform(x, y)
    return round(lon, 6), round(lat, 6)


def _polygon(west: float, south: float, east: float, north: float) -> dict[str, object]:
    ring = [(west, south), (east, south), (east, north), (west, north), (west, south)]
    return {"type": "Polygon", "coordinates": [[list(_lonlat(x, y)) for x, y in ring]]}


def _geojson(features: list[tuple[dict[str, object], dict[str, object]]]) -> str:
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "properties": p, "geometry": g} for p, g in features],
        }
    )


def write_other_region(folder: Path) -> Path:
    """Source files and a manifest for the made-up region; returns the manifest's path."""
    folder.mkdir(parents=True, exist_ok=True)
    north = {"kommun_kod": "9901", "kommun": "Norrby"}
    south = {"kommun_kod": "9902", "kommun": "Söderby"}
    (folder / "kommuner.geojson").write_text(
        _geojson(
            [
                (north, _polygon(WEST, MIDDLE, EAST, NORTH)),
                (south, _polygon(WEST, SOUTH, EAST, MIDDLE)),
            ]
        )
    )
    (folder / "lan.geojson").write_text(
        _geojson([({"namn": REGION}, _polygon(WEST, SOUTH, EAST, NORTH))])
    )
    pd.DataFrame(
        {
            "kommun_kod": ["9901", "9902"],
            "kommun": ["Norrby", "Söderby"],
            "invanare": [4600, 1500],
            "utanfor": [800, 800],
        }
    ).to_csv(folder / "kommuner.csv", index=False)
    rows = []
    for place_id, name, kommun, people, x, y in LOCALITIES:
        lon, lat = _lonlat(x, y)
        rows.append(
            {
                "tatortskod": place_id,
                "tatort": name,
                "kommun_kod": kommun,
                "kommun": dict(KOMMUNER)[kommun],
                "befolkning": people,
                "area_ha": 120,
                "ar": 2020,
                "x_sweref99tm": x,
                "y_sweref99tm": y,
                "lat": lat,
                "lon": lon,
            }
        )
    pd.DataFrame(rows).to_csv(folder / "tatorter.csv", index=False)
    points = []
    for category, name, x, y, inside in POINTS:
        lon, lat = _lonlat(x, y)
        points.append(
            {
                "category": category,
                "subtype": "",
                "name": name,
                "address": "",
                "city": name.split()[0],
                "kommun": "",
                "lat": lat,
                "lon": lon,
                "x_sweref99tm": x,
                "y_sweref99tm": y,
                "inom_lanet": inside,
                "dist_outside_county_km": 0.0 if inside else 10.0,
                "source": "test",
                "source_year": 2025,
            }
        )
    pd.DataFrame(points).to_csv(folder / "services.csv", index=False)
    manifest = {
        "name": REGION,
        "source": ".",
        "files": {
            "kommuner": "kommuner.csv",
            "kommun_boundaries": "kommuner.geojson",
            "region_boundary": "lan.geojson",
            "localities": "tatorter.csv",
            "service_points": "services.csv",
        },
        "columns": {
            "kommun_population": "invanare",
            "kommun_population_outside_localities": "utanfor",
            "in_region": "inom_lanet",
        },
        "sources": [
            {
                "what": "everything",
                "source": "Fjällänge testdata",
                "year": "2025",
                "licence": "CC0",
                "link": "",
            }
        ],
        "notes": {"sv": ["Påhittad region för tester."], "en": ["A made-up region for tests."]},
        "service_types": [HEALTH_CENTRE],
    }
    path = folder / "manifest.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
    return path
