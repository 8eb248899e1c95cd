"""The build step: public source files in, a data folder in the documented format out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from models import geo, schema
from models.build.costs import default_costs
from models.build.demand import grid_demand, rural_demand, tatort_demand
from models.build.places import build_places, tatort_places
from models.build.services import StatusRule, apply_status_rule, select_service_points
from models.errors import DataError, Problem
from models.importers import (
    read_population_grid,
    read_service_points,
    read_smaorter,
    read_travel_matrix,
)
from models.travel import TravelModel
from models.validate import check_folder

SOURCES: list[dict[str, str]] = [
    {
        "what": "tätorter: name, population, area, point",
        "source": "SCB, Tätorter 2020 (open geodata, layer To2020_SR99TM)",
        "year": "2020",
        "licence": "CC0",
    },
    {
        "what": "kommun population and population outside tätorter (approximation)",
        "source": "SCB, Folkmängd 31 Dec 2024; SCB tätorter 2020",
        "year": "2024/2020",
        "licence": "CC0",
    },
    {
        "what": "kommun boundaries (generalised)",
        "source": "SCB kommungränser 2024",
        "year": "2024",
        "licence": "CC0",
    },
    {
        "what": "grocery, fuel, pharmacy and ATM points",
        "source": "chain store locators collected by the se-poi project",
        "year": "2023",
        "licence": "not stated; public facts, source named",
    },
    {
        "what": "post and parcel agents",
        "source": "national post/parcel agent survey (ombud list)",
        "year": "2021",
        "licence": "not stated; public facts, source named",
    },
    {
        "what": "pharmacies not in the chain lists",
        "source": "© OpenStreetMap contributors (HOTOSM health facilities export)",
        "year": "2020",
        "licence": "ODbL",
    },
]


@dataclass(frozen=True)
class BuildOptions:
    name: str = "Kronoberg"
    grid_km: float = 2.0
    link_km: float = 1.0
    status_rule: StatusRule = field(default_factory=StatusRule)
    travel_model: TravelModel = field(default_factory=TravelModel)
    population_grid: Path | None = None
    smaorter: Path | None = None
    service_points: Path | None = None
    travel_matrix: Path | None = None
    osm: Path | None = None


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise DataError(problems)


def _kommuner(source: Path) -> pd.DataFrame:
    raw = pd.read_csv(source / "kronoberg_kommuner_befolkning.csv", dtype={"kommun_kod": str})
    return pd.DataFrame(
        {
            "kommun_kod": raw["kommun_kod"].str.zfill(4),
            "kommun": raw["kommun"],
            "population": raw["folkmangd_2024_12_31"].astype(int),
            "population_outside_localities": raw["utanfor_tatort_approx"].astype(int),
        }
    )


def _source_points(source: Path) -> pd.DataFrame:
    combined = pd.read_csv(source / "kronoberg_services_combined.csv")
    return select_service_points(combined)


def _user_points(path: Path, county: Any) -> pd.DataFrame:
    typed, problems = read_service_points(path)
    _raise_if(problems)
    x, y = _filled_xy(typed)
    inside = geo.locate({"county": county}, x, y) != None  # noqa: E711
    return typed.assign(
        x_sweref99tm=x, y_sweref99tm=y, in_kronoberg=inside, city=typed["name"], source=path.name
    )


def _filled_xy(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    nan = pd.Series(np.nan, index=frame.index)
    x = frame.get("x_sweref99tm", nan).to_numpy(float).copy()
    y = frame.get("y_sweref99tm", nan).to_numpy(float).copy()
    missing = np.isnan(x) | np.isnan(y)
    if missing.any():
        x[missing], y[missing] = geo.to_sweref(
            frame.loc[missing, "lon"].to_numpy(float), frame.loc[missing, "lat"].to_numpy(float)
        )
    return x, y


def _smaort_places(path: Path, kommuner: pd.DataFrame) -> pd.DataFrame:
    typed, problems = read_smaorter(path, set(kommuner["kommun_kod"]))
    _raise_if(problems)
    x, y = _filled_xy(typed)
    return typed.assign(
        kind="smaort", urban_radius_km=0.2, in_region=True, x_sweref99tm=x, y_sweref99tm=y
    )[
        [
            "place_id",
            "name",
            "kommun_kod",
            "kind",
            "population",
            "urban_radius_km",
            "in_region",
            "x_sweref99tm",
            "y_sweref99tm",
        ]
    ]


def _points_table(points: pd.DataFrame, place_of_point: pd.Series) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "point_id": [f"{s}-{k:04d}" for k, s in enumerate(points["service"])],
            "service": points["service"],
            "subtype": points.get("subtype", ""),
            "name": points["name"].fillna(""),
            "place_id": place_of_point,
            "source": points.get("source", ""),
            "x_sweref99tm": points["x_sweref99tm"].round(1),
            "y_sweref99tm": points["y_sweref99tm"].round(1),
        }
    )
    if "status" in points:
        frame["given_status"] = points["status"]
    return frame


def _with_latlon(frame: pd.DataFrame) -> pd.DataFrame:
    lon, lat = geo.to_wgs84(
        frame["x_sweref99tm"].to_numpy(float), frame["y_sweref99tm"].to_numpy(float)
    )
    return frame.assign(lat=np.round(lat, 6), lon=np.round(lon, 6))


def _demand(
    options: BuildOptions, places: pd.DataFrame, kommuner: pd.DataFrame, shapes: dict[str, Any]
) -> pd.DataFrame:
    if options.population_grid is not None:
        grid, problems = read_population_grid(options.population_grid)
        _raise_if(problems)
        return grid_demand(grid, shapes)
    localities = places[places["kind"].isin(["tatort", "smaort"])]
    return pd.concat(
        [tatort_demand(places), rural_demand(kommuner, shapes, localities, options.grid_km)],
        ignore_index=True,
    )


def _statuses(points: pd.DataFrame, places: pd.DataFrame, rule: StatusRule) -> pd.DataFrame:
    indexed = places.set_index("place_id")
    points = apply_status_rule(points, indexed["population"], indexed["in_region"], rule)
    if "given_status" in points:
        given = points["given_status"].notna()
        points.loc[given, "status"] = points.loc[given, "given_status"]
        points.loc[given, "status_reason"] = "given in the imported list"
        points = points.drop(columns="given_status")
    return points


def build_folder(source: Path, out: Path, options: BuildOptions) -> Path:
    """Build ``out`` from the files in ``source``; raises DataError on bad input or output."""
    kommuner = _kommuner(source)
    geojson = geo.read_geojson(source / "kronoberg_kommuner.geojson")
    shapes = geo.polygons_sweref(geojson, "kommun_kod")
    county = geo.polygons_sweref(geo.read_geojson(source / "kronoberg_lan.geojson"), "lan_kod")
    localities = tatort_places(pd.read_csv(source / "kronoberg_tatorter_2020_scb.csv", dtype=str))
    if options.smaorter is not None:
        smaorter = _smaort_places(options.smaorter, kommuner)
        localities = pd.concat([localities, smaorter], ignore_index=True)
        counted = smaorter.groupby("kommun_kod")["population"].sum()
        outside = kommuner["population_outside_localities"] - kommuner["kommun_kod"].map(counted)
        kommuner["population_outside_localities"] = (
            outside.fillna(kommuner["population_outside_localities"]).clip(lower=0).astype(int)
        )
    raw_points = (
        _user_points(options.service_points, next(iter(county.values())))
        if options.service_points is not None
        else _source_points(source)
    )
    places, place_of_point = build_places(localities, raw_points, shapes, options.link_km)
    points = _statuses(_points_table(raw_points, place_of_point), places, options.status_rule)
    demand = _demand(options, places, kommuner, shapes)
    _write(out, options, kommuner, geojson, places, demand, points)
    _write_travel(out, options)
    problems = check_folder(out)
    _raise_if(problems)
    return out


def _write(
    out: Path,
    options: BuildOptions,
    kommuner: pd.DataFrame,
    geojson: dict[str, Any],
    places: pd.DataFrame,
    demand: pd.DataFrame,
    points: pd.DataFrame,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    kommuner.to_csv(out / schema.KOMMUNER.file, index=False)
    _with_latlon(places).to_csv(out / schema.PLACES.file, index=False)
    _with_latlon(demand).to_csv(out / schema.DEMAND.file, index=False)
    _with_latlon(points).to_csv(out / schema.SERVICE_POINTS.file, index=False)
    default_costs(places, schema.SERVICES).to_csv(out / schema.COSTS.file, index=False)
    (out / schema.BOUNDARIES_FILE).write_text(json.dumps(geojson), encoding="utf-8")
    settings = {
        "name": options.name,
        "travel_model": options.travel_model.to_dict(),
        "demand": "population_grid" if options.population_grid else "tatorter_plus_rural_grid",
        "rural_grid_km": options.grid_km,
        "place_link_km": options.link_km,
        "status_rule": {"max_population_at_risk": options.status_rule.max_population_at_risk},
        "sources": SOURCES,
    }
    (out / schema.SETTINGS_FILE).write_text(
        json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _write_travel(out: Path, options: BuildOptions) -> None:
    target = out / schema.TRAVEL_TIMES.file
    target.unlink(missing_ok=True)
    if options.travel_matrix is None and options.osm is None:
        return
    demand_ids = set(pd.read_csv(out / schema.DEMAND.file, dtype=str)["demand_id"])
    place_ids = set(pd.read_csv(out / schema.PLACES.file, dtype=str)["place_id"])
    if options.travel_matrix is not None:
        matrix, problems = read_travel_matrix(options.travel_matrix, demand_ids, place_ids)
        _raise_if(problems)
        matrix.to_csv(target, index=False)
        return
    from models.roads import road_travel_times

    assert options.osm is not None
    road_travel_times(options.osm, out, options.travel_model).to_csv(target, index=False)
