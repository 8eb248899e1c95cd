"""The documented format of a data folder (see data/README.md); one TableSpec per file."""

from __future__ import annotations

from models.tables import SWEDEN_POPULATION, Column, TableSpec

STATUSES: tuple[str, ...] = ("secure", "at_risk")
PLACE_KINDS: tuple[str, ...] = ("tatort", "smaort", "service_place", "outside")
MAX_COST_SEK = 1e10  # a yearly support figure above 10 000 MSEK is a typing error
MAX_MINUTES = 10_000

_COORDINATES = (
    Column("x_sweref99tm", "float", required=False, allow_blank=True),
    Column("y_sweref99tm", "float", required=False, allow_blank=True),
    Column("lat", "float", required=False, allow_blank=True),
    Column("lon", "float", required=False, allow_blank=True),
)

KOMMUNER = TableSpec(
    "kommuner.csv",
    (
        Column("kommun_kod", "str"),
        Column("kommun", "str"),
        Column("population", "int", non_negative=True, maximum=SWEDEN_POPULATION),
        Column(
            "population_outside_localities", "int", non_negative=True, maximum=SWEDEN_POPULATION
        ),
    ),
    id_column="kommun_kod",
    min_rows=1,
)

PLACES = TableSpec(
    "places.csv",
    (
        Column("place_id", "str"),
        Column("name", "str"),
        Column("kommun_kod", "str", allow_blank=True),
        Column("kind", "str"),
        Column("population", "int", non_negative=True, maximum=SWEDEN_POPULATION),
        Column(
            "urban_radius_km",
            "float",
            required=False,
            allow_blank=True,
            non_negative=True,
            maximum=50,
        ),
        Column("in_region", "bool"),
        *_COORDINATES,
    ),
    id_column="place_id",
    min_rows=1,
)

DEMAND = TableSpec(
    "demand.csv",
    (
        Column("demand_id", "str"),
        Column("kommun_kod", "str"),
        Column("kind", "str"),
        Column("population", "float", non_negative=True, maximum=SWEDEN_POPULATION),
        Column(
            "population_70plus",
            "float",
            required=False,
            allow_blank=True,
            non_negative=True,
            maximum=SWEDEN_POPULATION,
        ),
        Column("modelled", "bool", required=False),
        *_COORDINATES,
    ),
    id_column="demand_id",
    min_rows=1,
)

SERVICE_POINTS = TableSpec(
    "service_points.csv",
    (
        Column("point_id", "str"),
        Column("service", "str"),
        Column("subtype", "str", required=False, allow_blank=True),
        Column("name", "str", allow_blank=True),
        Column("place_id", "str"),
        Column("status", "str"),
        Column("status_reason", "str", required=False, allow_blank=True),
        Column("source", "str", required=False, allow_blank=True),
        Column("link", "str", required=False, allow_blank=True),
        *_COORDINATES,
    ),
    id_column="point_id",
    min_rows=1,
)

COSTS = TableSpec(
    "costs.csv",
    (
        Column("place_id", "str"),
        Column("service", "str"),
        Column("keep_cost_sek", "float", allow_blank=True, non_negative=True, maximum=MAX_COST_SEK),
        Column(
            "establish_cost_sek", "float", allow_blank=True, non_negative=True, maximum=MAX_COST_SEK
        ),
        Column("assumption", "bool", required=False),
        Column("basis", "str", required=False, allow_blank=True),
    ),
    key=("place_id", "service"),
    min_rows=1,
)

TRAVEL_TIMES = TableSpec(
    "travel_times.csv",
    (
        Column("origin_id", "str"),
        Column("destination_id", "str"),
        Column("minutes", "float", non_negative=True, maximum=MAX_MINUTES),
    ),
    key=("origin_id", "destination_id"),
    min_rows=1,
)

REQUIRED_FILES: tuple[TableSpec, ...] = (KOMMUNER, PLACES, DEMAND, SERVICE_POINTS, COSTS)
BOUNDARIES_FILE = "kommuner.geojson"
SETTINGS_FILE = "region.json"
