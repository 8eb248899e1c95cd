"""The build step: public source files in, a data folder in the documented format out."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import shapely

from models import geo, schema
from models.build.costs import default_costs
from models.build.demand import grid_demand, rural_demand, tatort_demand
from models.build.manifest import Manifest, reading_source
from models.build.places import build_places, tatort_places
from models.build.services import StatusRule, apply_status_rule, select_service_points
from models.build.settlement import RuralSpread
from models.corrections import correct_tables
from models.corrections_file import read_corrections
from models.errors import DataError, Problem
from models.importers import (
    read_population_grid,
    read_service_points,
    read_smaorter,
    read_travel_matrix,
)
from models.services import ServiceRegistry, registry_from_settings
from models.travel import TravelModel
from models.validate import check_folder


@dataclass(frozen=True)
class BuildOptions:
    grid_km: float = 2.0
    rural_spread: RuralSpread = field(default_factory=RuralSpread)
    leave_out_categories: tuple[str, ...] = ()  # source categories not to count, e.g. branches
    link_km: float = 1.0
    status_rule: StatusRule = field(default_factory=StatusRule)
    travel_model: TravelModel = field(default_factory=TravelModel)
    population_grid: Path | None = None
    smaorter: Path | None = None
    service_points: Path | None = None
    travel_matrix: Path | None = None
    osm: Path | None = None
    corrections: Path | None = None  # the corrections CSV the app exports (a data revision)


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise DataError(problems)


def _kommuner(manifest: Manifest) -> pd.DataFrame:
    raw = pd.read_csv(manifest.path("kommuner"), dtype={"kommun_kod": str})
    columns = manifest.columns
    return pd.DataFrame(
        {
            "kommun_kod": raw["kommun_kod"].str.zfill(4),
            "kommun": raw["kommun"],
            "population": raw[columns["kommun_population"]].astype(int),
            "population_outside_localities": raw[
                columns["kommun_population_outside_localities"]
            ].astype(int),
        }
    )


def _source_points(
    manifest: Manifest, registry: ServiceRegistry, options: BuildOptions
) -> pd.DataFrame:
    combined = pd.read_csv(manifest.path("service_points"))
    combined = combined.rename(columns={manifest.columns["in_region"]: "in_region"})
    return select_service_points(combined, registry, options.leave_out_categories)


def _user_points(path: Path, region: Any, registry: ServiceRegistry) -> pd.DataFrame:
    typed, problems = read_service_points(path, registry)
    _raise_if(problems)
    x, y = _filled_xy(typed)
    inside = geo.locate({"region": region}, x, y) != None  # noqa: E711
    return typed.assign(
        x_sweref99tm=x, y_sweref99tm=y, in_region=inside, city=typed["name"], source=path.name
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
    villages = places[(places["kind"] == "service_place") & places["in_region"]]
    rural = rural_demand(
        kommuner, shapes, localities, villages, options.grid_km, options.rural_spread
    )
    return pd.concat([tatort_demand(places), rural], ignore_index=True)


def _statuses(points: pd.DataFrame, places: pd.DataFrame, rule: StatusRule) -> pd.DataFrame:
    indexed = places.set_index("place_id")
    points = apply_status_rule(points, indexed["population"], indexed["in_region"], rule)
    if "given_status" in points:
        given = points["given_status"].notna()
        points.loc[given, "status"] = points.loc[given, "given_status"]
        points.loc[given, "status_reason"] = "given in the imported list"
        points = points.drop(columns="given_status")
    return points


def build_folder(manifest: Manifest, out: Path, options: BuildOptions) -> Path:
    """Build ``out`` from the files the manifest names; raises DataError on bad input or
    output. Everything is written to a temporary folder beside ``out`` and checked there;
    only a build that passes replaces ``out``, so a failed build changes nothing."""
    out = out.resolve()
    _check_replaceable(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f".{out.name}-", dir=out.parent) as scratch:
            staged = Path(scratch) / out.name
            _build_into(manifest, staged, options)
            _replace_folder(staged, out)
    except OSError as error:
        raise DataError(
            [
                Problem(
                    str(out),
                    None,
                    None,
                    f"kan inte skrivas ({error})",
                    f"cannot be written ({error})",
                )
            ]
        ) from error
    return out


def _id_clashes(smaorter: pd.DataFrame, localities: pd.DataFrame, file: str) -> list[Problem]:
    """A småort id that is already a tätort id would merge two places into one."""
    taken = set(localities["place_id"])
    return [
        Problem(
            file,
            int(position) + 2,
            "place_id",
            f"id '{place_id}' är redan en tätorts id",
            f"id '{place_id}' is already a tätort's id",
        )
        for position, place_id in enumerate(smaorter["place_id"])
        if place_id in taken
    ]


def _check_replaceable(out: Path) -> None:
    """Only an empty folder or an earlier data folder may be replaced: ``--out`` pointing at a
    folder of other files must not wipe them."""
    if out.exists() and not out.is_dir():
        raise DataError([Problem(str(out), None, None, "är ingen mapp", "is not a folder")])
    if out.is_dir() and any(out.iterdir()) and not (out / schema.SETTINGS_FILE).exists():
        raise DataError(
            [
                Problem(
                    str(out),
                    None,
                    None,
                    "mappen innehåller annat än ett dataunderlag; välj en tom mapp",
                    "the folder holds something other than a data folder; choose an empty one",
                )
            ]
        )


def _replace_folder(staged: Path, out: Path) -> None:
    """Swap the checked build into place with two renames; the old folder is deleted only
    once the new one stands in its place, and comes back if the second rename fails."""
    previous = out.parent / f".{out.name}.previous-{os.getpid()}"
    if out.exists():
        out.rename(previous)
    try:
        staged.rename(out)
    except BaseException:
        if previous.exists():
            previous.rename(out)
        raise
    if previous.exists():
        shutil.rmtree(previous)


def _build_into(manifest: Manifest, out: Path, options: BuildOptions) -> None:
    registry, problems = registry_from_settings(manifest.settings, "manifest")
    _raise_if(problems)
    files = manifest.files
    with reading_source(files["kommuner"]):
        kommuner = _kommuner(manifest)
    with reading_source(files["kommun_boundaries"]):
        geojson = geo.read_geojson(manifest.path("kommun_boundaries"))
        shapes = geo.polygons_sweref(geojson, "kommun_kod")
    with reading_source(files["region_boundary"]):
        outline = geo.read_geojson(manifest.path("region_boundary"))
        region = shapely.union_all(list(geo.polygons_sweref(outline, None).values()))
    with reading_source(files["localities"]):
        localities = tatort_places(pd.read_csv(manifest.path("localities"), dtype=str))
    if options.smaorter is not None:
        smaorter = _smaort_places(options.smaorter, kommuner)
        _raise_if(_id_clashes(smaorter, localities, options.smaorter.name))
        localities = pd.concat([localities, smaorter], ignore_index=True)
        counted = smaorter.groupby("kommun_kod")["population"].sum()
        outside = kommuner["population_outside_localities"] - kommuner["kommun_kod"].map(counted)
        kommuner["population_outside_localities"] = (
            outside.fillna(kommuner["population_outside_localities"]).clip(lower=0).astype(int)
        )
    with reading_source(files["service_points"]):
        raw_points = (
            _user_points(options.service_points, region, registry)
            if options.service_points is not None
            else _source_points(manifest, registry, options)
        )
    places, place_of_point, how = build_places(localities, raw_points, shapes, options.link_km)
    table = _points_table(raw_points, place_of_point).assign(link=how)
    points = _statuses(table, places, options.status_rule)
    costs = default_costs(places, registry)
    if options.corrections is not None:
        points, costs = correct_tables(
            points,
            costs,
            places,
            registry.keys,
            read_corrections(options.corrections),
            options.corrections.name,
        )
    demand = _demand(options, places, kommuner, shapes)
    _write(out, manifest, options, registry, kommuner, geojson, places, demand, points, costs)
    _write_travel(out, options)
    _raise_if(check_folder(out))


def _write(
    out: Path,
    manifest: Manifest,
    options: BuildOptions,
    registry: ServiceRegistry,
    kommuner: pd.DataFrame,
    geojson: dict[str, Any],
    places: pd.DataFrame,
    demand: pd.DataFrame,
    points: pd.DataFrame,
    costs: pd.DataFrame,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    kommuner.to_csv(out / schema.KOMMUNER.file, index=False)
    _with_latlon(places).to_csv(out / schema.PLACES.file, index=False)
    _with_latlon(demand).to_csv(out / schema.DEMAND.file, index=False)
    _with_latlon(points).to_csv(out / schema.SERVICE_POINTS.file, index=False)
    costs.to_csv(out / schema.COSTS.file, index=False)
    (out / schema.BOUNDARIES_FILE).write_text(json.dumps(geojson), encoding="utf-8")
    settings = {
        "name": manifest.name,
        "travel_model": options.travel_model.to_dict(),
        "demand": "population_grid" if options.population_grid else "tatorter_plus_rural_grid",
        "rural_grid_km": options.grid_km,
        "rural_spread": options.rural_spread.to_dict(),
        "left_out_categories": list(options.leave_out_categories),
        "place_link_km": options.link_km,
        "status_rule": {"max_population_at_risk": options.status_rule.max_population_at_risk},
        **({"corrections": options.corrections.name} if options.corrections else {}),
        **manifest.settings,
        "reference_figures": _reference_figures(manifest),
    }
    (out / schema.SETTINGS_FILE).write_text(
        json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


REFERENCE_COLUMNS = (
    "measure",
    "service",
    "geography",
    "year",
    "value",
    "unit",
    "threshold",
    "source",
)


def _reference_figures(manifest: Manifest) -> list[dict[str, str]]:
    """The official figures the manifest names, as text, to be shown beside today's access."""
    if "reference_figures" not in manifest.files:
        return []
    with reading_source(manifest.files["reference_figures"]):
        frame = pd.read_csv(manifest.path("reference_figures"), dtype=str, keep_default_na=False)
        return [{c: str(row[c]) for c in REFERENCE_COLUMNS} for _, row in frame.iterrows()]


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
