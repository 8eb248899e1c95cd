"""Check a data folder (or one uploaded file) against the documented format in data/README.md.

Every finding is a Problem naming file, row and column, in Swedish and English. Nothing here
raises on bad input: callers decide whether problems are fatal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from models import geo, schema
from models.errors import Problem
from models.services import DEFAULT_REGISTRY, ServiceRegistry, registry_from_settings
from models.tables import TableSpec, limit_per_file, read_table
from models.travel import TravelModel

Tables = dict[str, pd.DataFrame]


def _problem(file: str, row: int | None, column: str | None, sv: str, en: str) -> Problem:
    return Problem(file, row, column, sv, en)


def _floats(column: pd.Series) -> NDArray[np.float64]:
    return np.asarray(column.to_numpy(), dtype=float)


def coordinate_problems(frame: pd.DataFrame, file: str) -> list[Problem]:
    """Each row needs SWEREF99 TM or WGS84 coordinates, and they must lie in Sweden."""
    if frame.empty:
        return []
    nan = pd.Series(np.nan, index=frame.index)
    x, y = frame.get("x_sweref99tm", nan), frame.get("y_sweref99tm", nan)
    lat, lon = frame.get("lat", nan), frame.get("lon", nan)
    has_xy = x.notna() & y.notna()
    has_latlon = lat.notna() & lon.notna()
    problems: list[Problem] = []
    for position in np.flatnonzero(~(has_xy | has_latlon).to_numpy()):
        problems.append(
            _problem(
                file,
                int(position) + 2,
                "x_sweref99tm/lat",
                "koordinater saknas (ange x_sweref99tm och y_sweref99tm eller lat och lon)",
                "coordinates missing (give x_sweref99tm and y_sweref99tm, or lat and lon)",
            )
        )
    problems += _disagreeing(x, y, lon, lat, has_xy & has_latlon, file)
    xy_outside = has_xy.to_numpy() & ~geo.inside_sweden_sweref(_floats(x), _floats(y))
    latlon_outside = has_latlon.to_numpy() & ~geo.inside_sweden_wgs84(_floats(lon), _floats(lat))
    for mask, column, label in (
        (xy_outside, "x_sweref99tm", "SWEREF99 TM"),
        (latlon_outside, "lat", "WGS84 (lat/lon)"),
    ):
        for position in np.flatnonzero(mask):
            problems.append(
                _problem(
                    file,
                    int(position) + 2,
                    column,
                    f"koordinaten ligger utanför Sverige ({label}); förväxlade kolumner?",
                    f"the coordinate lies outside Sweden ({label}); columns swapped?",
                )
            )
    return problems


AGREE_KM = 5.0  # x/y and lat/lon of one row may differ by rounding, not by this much


def _disagreeing(
    x: pd.Series, y: pd.Series, lon: pd.Series, lat: pd.Series, both: pd.Series, file: str
) -> list[Problem]:
    """Rows whose SWEREF99 TM and WGS84 coordinates name different places (model and map
    would disagree)."""
    rows = np.flatnonzero(both.to_numpy())
    if not len(rows):
        return []
    from_lonlat = geo.to_sweref(_floats(lon)[rows], _floats(lat)[rows])
    apart_km = np.hypot(from_lonlat[0] - _floats(x)[rows], from_lonlat[1] - _floats(y)[rows]) / 1000
    return [
        _problem(
            file,
            int(row) + 2,
            "x_sweref99tm/lat",
            f"x/y och lat/lon ligger {km:,.0f} km isär (högst {AGREE_KM:.0f} km)".replace(",", " "),
            f"x/y and lat/lon lie {km:,.0f} km apart (at most {AGREE_KM:.0f} km)",
        )
        for row, km in zip(rows, apart_km, strict=True)
        if not km <= AGREE_KM
    ]


def value_problems(
    frame: pd.DataFrame,
    file: str,
    column: str,
    allowed: set[str] | None,
    where: pd.Series | None = None,
) -> list[Problem]:
    """Rows (among ``where``) whose ``column`` holds a value outside ``allowed`` (None: the
    reference could not be read, so nothing is checked)."""
    if allowed is None or frame.empty or column not in frame.columns:
        return []
    bad = ~frame[column].isin(allowed)
    if where is not None:
        bad &= where.astype(bool)
    return [
        _problem(
            file,
            int(position) + 2,
            column,
            f"okänt värde '{frame[column].iloc[position]}'",
            f"unknown value '{frame[column].iloc[position]}'",
        )
        for position in np.flatnonzero(bad.to_numpy())
    ]


def _ids(frame: pd.DataFrame, column: str) -> set[str] | None:
    """The ids a table holds, or None when it could not be read (nothing to check against)."""
    if frame.empty or column not in frame.columns:
        return None
    return set(frame[column])


def read_settings(folder: Path) -> tuple[dict[str, Any], ServiceRegistry, list[Problem]]:
    """``region.json``: the region's name, sources, travel model and any extra service types."""
    path = folder / schema.SETTINGS_FILE
    try:
        settings: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(settings, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError, RecursionError) as error:
        return (
            {},
            DEFAULT_REGISTRY,
            [
                _problem(
                    schema.SETTINGS_FILE,
                    None,
                    None,
                    f"inställningsfilen kan inte läsas ({error})",
                    f"the settings file cannot be read ({error})",
                )
            ],
        )
    problems = _travel_model_problems(settings.get("travel_model"))
    if not isinstance(settings.get("name"), str) or not settings["name"].strip():
        problems.append(
            _problem(schema.SETTINGS_FILE, None, "name", "regionens namn saknas", "name missing")
        )
    registry, found = registry_from_settings(settings, schema.SETTINGS_FILE)
    return settings, registry, problems + found


def _travel_model_problems(values: object) -> list[Problem]:
    """The travel model must be stated in full: its defaults belong to the embedded region."""
    file = schema.SETTINGS_FILE
    if not isinstance(values, dict):
        return [
            _problem(
                file,
                None,
                "travel_model",
                "restidsmodellen saknas eller är inget objekt",
                "the travel model is missing or not an object",
            )
        ]
    expected = TravelModel().to_dict()
    problems = [
        _problem(
            file,
            None,
            f"travel_model.{name}",
            "värdet saknas eller är inget tal",
            "the value is missing or not a number",
        )
        for name in expected
        if isinstance(values.get(name), bool) or not isinstance(values.get(name), int | float)
    ]
    if problems:
        return problems
    return TravelModel.from_dict(values).problems(file)


def _read_all(folder: Path) -> tuple[Tables, list[Problem]]:
    tables: Tables = {}
    problems: list[Problem] = []
    specs: list[TableSpec] = list(schema.REQUIRED_FILES)
    if (folder / schema.TRAVEL_TIMES.file).exists():
        specs.append(schema.TRAVEL_TIMES)
    for spec in specs:
        path = folder / spec.file
        if not path.exists():
            problems.append(_problem(spec.file, None, None, "filen saknas", "the file is missing"))
            tables[spec.file] = pd.DataFrame()
            continue
        tables[spec.file], found = read_table(path, spec)
        problems.extend(found)
    return tables, problems


def _reference_problems(tables: Tables, services: set[str]) -> list[Problem]:
    """Values that must name a row of another table; a table that could not be read is not
    used as a reference (its own problem says why), so one bad file gives one set of lines."""
    kommuner = _ids(tables["kommuner.csv"], "kommun_kod")
    places = tables["places.csv"]
    place_ids = _ids(places, "place_id")
    problems: list[Problem] = []
    if "in_region" in places.columns and "kommun_kod" in places.columns:
        problems += value_problems(
            places, "places.csv", "kommun_kod", kommuner, where=places["in_region"]
        )
    problems += value_problems(places, "places.csv", "kind", set(schema.PLACE_KINDS))
    problems += value_problems(tables["demand.csv"], "demand.csv", "kommun_kod", kommuner)
    points = tables["service_points.csv"]
    problems += value_problems(points, "service_points.csv", "service", services)
    problems += value_problems(points, "service_points.csv", "status", set(schema.STATUSES))
    problems += value_problems(points, "service_points.csv", "place_id", place_ids)
    costs = tables["costs.csv"]
    problems += value_problems(costs, "costs.csv", "place_id", place_ids)
    problems += value_problems(costs, "costs.csv", "service", services)
    if schema.TRAVEL_TIMES.file in tables:
        matrix = tables[schema.TRAVEL_TIMES.file]
        demand_ids = _ids(tables["demand.csv"], "demand_id")
        problems += value_problems(matrix, "travel_times.csv", "origin_id", demand_ids)
        problems += value_problems(matrix, "travel_times.csv", "destination_id", place_ids)
    return problems


def _boundary_problems(folder: Path, tables: Tables) -> list[Problem]:
    path = folder / schema.BOUNDARIES_FILE
    try:
        geojson = geo.read_geojson(path)
        codes = {str(f["properties"]["kommun_kod"]) for f in geojson["features"]}
    except (OSError, ValueError, KeyError, TypeError) as error:
        return [
            _problem(
                schema.BOUNDARIES_FILE,
                None,
                None,
                f"kommungränserna kan inte läsas ({error})",
                f"the kommun boundaries cannot be read ({error})",
            )
        ]
    missing = (_ids(tables["kommuner.csv"], "kommun_kod") or set()) - codes
    return [
        _problem(
            schema.BOUNDARIES_FILE,
            None,
            "kommun_kod",
            f"gräns saknas för kommun {code}",
            f"no boundary for kommun {code}",
        )
        for code in sorted(missing)
    ]


@dataclass(frozen=True)
class FolderContents:
    """What a data folder holds once read: typed tables, settings, the service registry."""

    tables: Tables
    settings: dict[str, Any]
    registry: ServiceRegistry
    problems: list[Problem]


def read_folder(folder: Path) -> FolderContents:
    """Typed tables, settings, service types, and every problem found in a data folder."""
    if not folder.is_dir():
        missing = _problem(
            str(folder), None, None, "mappen finns inte", "the folder does not exist"
        )
        return FolderContents({}, {}, DEFAULT_REGISTRY, [missing])
    settings, registry, problems = read_settings(folder)
    tables, found = _read_all(folder)
    problems += found
    for spec in (schema.PLACES, schema.DEMAND, schema.SERVICE_POINTS):
        problems += coordinate_problems(tables[spec.file], spec.file)
    problems += _reference_problems(tables, set(registry.keys))
    problems += _boundary_problems(folder, tables)
    return FolderContents(tables, settings, registry, limit_per_file(problems))


def check_folder(folder: Path) -> list[Problem]:
    return read_folder(folder).problems


def linking_report(folder: Path) -> list[str]:
    """One line per service point inside the region that was linked by its postort only, or
    left as a rural place of its own (``link`` in service_points.csv), for ``data check``."""
    points_path, places_path = folder / schema.SERVICE_POINTS.file, folder / schema.PLACES.file
    points = pd.read_csv(points_path, dtype=str, keep_default_na=False)
    if "link" not in points.columns:
        return []
    places = pd.read_csv(places_path, dtype=str, keep_default_na=False)
    names = dict(zip(places["place_id"].tolist(), places["name"].tolist(), strict=True))
    chosen = points[points["link"].isin(["postort", "rural"])]
    rows = chosen.sort_values(["link", "service", "name"]).to_dict("records")
    return [
        f"{row['link']}: {row['service']} {row['name']} → {names.get(row['place_id'], '?')}"
        for row in rows
    ]
