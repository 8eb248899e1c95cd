"""Read the official files a region brings: SCB population grid, SCB småorter, its own list of
service points, and a travel-time matrix.

Each reader accepts SCB's and Excel's spellings of the columns (the aliases below), returns a
table in this project's column names, and reports every problem instead of raising.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from models import schema
from models.errors import Problem
from models.services import DEFAULT_REGISTRY, ServiceRegistry
from models.tables import SWEDEN_POPULATION, Column, TableSpec, coerce, unreadable
from models.textfile import TableReadError, read_text_table
from models.validate import coordinate_problems, value_problems

ALIASES: dict[str, str] = {
    "ruta": "ruta",
    "rutid": "ruta",
    "rut_id": "ruta",
    "rutstorl": "cell_size_m",
    "beftotalt": "population",
    "beftot": "population",
    "pop": "population",
    "totalt": "population",
    "befolkning": "population",
    "folkmangd": "population",
    "ald70plus": "population_70plus",
    "ald70_w": "population_70plus",
    "befolkning_70plus": "population_70plus",
    "ald65plus": "population_65plus",
    "befolkning_65plus": "population_65plus",
    "smortskod": "place_id",
    "smort": "name",
    "namn": "name",
    "tjanst": "service",
    "tjänst": "service",
    "typ": "service",
    "x": "x_sweref99tm",
    "y": "y_sweref99tm",
    "n": "y_sweref99tm",
    "e": "x_sweref99tm",
    "latitud": "lat",
    "longitud": "lon",
    "från": "origin_id",
    "till": "destination_id",
    "minuter": "minutes",
}

_XY = (
    Column("x_sweref99tm", "float", required=False, allow_blank=True),
    Column("y_sweref99tm", "float", required=False, allow_blank=True),
    Column("lat", "float", required=False, allow_blank=True),
    Column("lon", "float", required=False, allow_blank=True),
)

GRID = TableSpec(
    "population_grid",
    (
        Column("ruta", "str", required=False, allow_blank=True),
        Column("cell_size_m", "float", required=False, allow_blank=True),
        Column("population", "float", non_negative=True, maximum=SWEDEN_POPULATION),
        *(
            Column(
                name,
                "float",
                required=False,
                allow_blank=True,
                non_negative=True,
                maximum=SWEDEN_POPULATION,
            )
            for name in ("population_70plus", "population_65plus")
        ),
        *_XY,
    ),
    min_rows=1,
)
SMAORTER = TableSpec(
    "smaorter",
    (
        Column("place_id", "str"),
        Column("name", "str"),
        Column("kommun_kod", "str"),
        Column("population", "int", non_negative=True, maximum=SWEDEN_POPULATION),
        *_XY,
    ),
    id_column="place_id",
    min_rows=1,
)
USER_POINTS = TableSpec(
    "service_points",
    (
        Column("service", "str"),
        Column("name", "str", allow_blank=True),
        Column("subtype", "str", required=False, allow_blank=True),
        Column("status", "str", required=False, allow_blank=True),
        *_XY,
    ),
    min_rows=1,
)


def _canonical(frame: pd.DataFrame) -> pd.DataFrame:
    renamed = {c: ALIASES.get(c.lower(), c.lower()) for c in frame.columns}
    return frame.rename(columns=renamed)


def read_user_table(
    source: Path | bytes, spec: TableSpec, file_label: str | None = None
) -> tuple[pd.DataFrame, list[Problem]]:
    """Read a user's file (path or uploaded bytes) with column aliases, in either CSV dialect."""
    label = file_label or (source.name if isinstance(source, Path) else spec.file)
    named = spec.named(label)
    try:
        raw = source.read_bytes() if isinstance(source, Path) else source
        frame, separator = read_text_table(raw)
    except (OSError, TableReadError) as error:
        return pd.DataFrame(), unreadable(label, error)
    typed, problems = coerce(_canonical(frame), named, decimal_comma=separator != ",")
    return typed, problems


def _ruta_centres(typed: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """SCB's ruta id is the SW corner: 6 digits easting then 7 digits northing (SWEREF99 TM)."""
    size_m = typed.get("cell_size_m", pd.Series(1000.0, index=typed.index)).fillna(1000.0)
    ids = typed["ruta"].astype(str).str.replace(r"\D", "", regex=True)
    x = pd.to_numeric(ids.str[:6], errors="coerce") + size_m / 2
    y = pd.to_numeric(ids.str[6:13], errors="coerce") + size_m / 2
    return x.to_numpy(float), y.to_numpy(float)


def read_population_grid(source: Path | bytes) -> tuple[pd.DataFrame, list[Problem]]:
    """SCB "Befolkning per km-ruta": a ruta id (or cell-centre x/y) and the total population,
    optionally 70+ (or 65+, used as the elderly weight when 70+ is absent)."""
    typed, problems = read_user_table(source, GRID)
    if problems:
        return typed, problems
    if "ruta" in typed and typed["ruta"].ne("").all():
        typed["x_sweref99tm"], typed["y_sweref99tm"] = _ruta_centres(typed)
    if "population_70plus" not in typed and "population_65plus" in typed:
        typed["population_70plus"] = typed["population_65plus"]
    label = source.name if isinstance(source, Path) else GRID.file
    return typed, coordinate_problems(typed, label)


def read_smaorter(
    source: Path | bytes, known_kommuner: set[str]
) -> tuple[pd.DataFrame, list[Problem]]:
    """SCB småorter (50–199 inhabitants): they become candidate places and counted demand."""
    typed, problems = read_user_table(source, SMAORTER)
    if problems:
        return typed, problems
    label = source.name if isinstance(source, Path) else SMAORTER.file
    typed["kommun_kod"] = typed["kommun_kod"].str.zfill(4)
    problems = coordinate_problems(typed, label)
    problems += value_problems(typed, label, "kommun_kod", known_kommuner)
    return typed, problems


def read_service_points(
    source: Path | bytes, registry: ServiceRegistry = DEFAULT_REGISTRY
) -> tuple[pd.DataFrame, list[Problem]]:
    """A region's own list of service points; service names as the registry knows them
    (key, Swedish or English label, or an alias)."""
    typed, problems = read_user_table(source, USER_POINTS)
    if problems:
        return typed, problems
    label = source.name if isinstance(source, Path) else USER_POINTS.file
    aliases = registry.by_alias()
    typed["service"] = typed["service"].str.lower().map(lambda s: aliases.get(s, s))
    if "status" in typed:
        typed["status"] = typed["status"].replace({"": None, "hotad": "at_risk", "säker": "secure"})
        problems += value_problems(
            typed, label, "status", set(schema.STATUSES), where=typed["status"].notna()
        )
    problems += value_problems(typed, label, "service", set(registry.keys))
    return typed, problems + coordinate_problems(typed, label)


def read_travel_matrix(
    source: Path | bytes, demand_ids: set[str], place_ids: set[str]
) -> tuple[pd.DataFrame, list[Problem]]:
    """``origin_id;destination_id;minutes``: origins are demand points, destinations places."""
    typed, problems = read_user_table(source, schema.TRAVEL_TIMES)
    if problems:
        return typed, problems
    label = source.name if isinstance(source, Path) else schema.TRAVEL_TIMES.file
    problems = value_problems(typed, label, "origin_id", demand_ids)
    problems += value_problems(typed, label, "destination_id", place_ids)
    return typed, problems
