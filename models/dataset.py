"""Load a validated data folder once into typed, frozen arrays ready for the optimiser."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from models import geo, schema
from models.errors import DataError
from models.region import NO_REGION, RegionInfo, region_from_settings
from models.services import DEFAULT_REGISTRY, ServiceRegistry
from models.travel import TravelModel, TravelTimes, modelled_travel_times, travel_times_from_pairs
from models.validate import read_folder

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
StrArray = NDArray[np.str_]


@dataclass(frozen=True, eq=False)
class Places:
    """Candidate villages and supply-only places beyond the region's border."""

    ids: StrArray
    names: StrArray
    kommun_kod: StrArray
    kind: StrArray
    population: FloatArray
    x_m: FloatArray
    y_m: FloatArray
    lon_deg: FloatArray
    lat_deg: FloatArray
    urban_radius_km: FloatArray
    in_region: BoolArray

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, eq=False)
class Demand:
    """Where people live; ``modelled`` marks populations spread by assumption, not counted."""

    ids: StrArray
    kommun_kod: StrArray
    kind: StrArray
    population: FloatArray
    population_70plus: FloatArray | None
    x_m: FloatArray
    y_m: FloatArray
    lon_deg: FloatArray
    lat_deg: FloatArray
    modelled: BoolArray

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, eq=False)
class ServicePoints:
    ids: StrArray
    service: StrArray
    subtype: StrArray
    names: StrArray
    place_index: IntArray
    status: StrArray
    lon_deg: FloatArray
    lat_deg: FloatArray
    status_reason: StrArray | None = None  # why the status: the build's rule, or "given"

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, eq=False)
class Dataset:
    """One region's data. Arrays are indexed place × service in the order of ``services``."""

    name: str
    folder: Path
    services: tuple[str, ...]  # the registry's keys, in its order
    places: Places
    demand: Demand
    points: ServicePoints
    keep_cost_sek: FloatArray  # place × service, NaN where no figure is given
    establish_cost_sek: FloatArray
    travel: TravelTimes
    travel_model: TravelModel
    kommun_kod: StrArray
    kommun_names: StrArray
    kommun_population: FloatArray
    boundaries: dict[str, Any]
    settings: dict[str, Any]
    registry: ServiceRegistry = DEFAULT_REGISTRY
    region: RegionInfo = NO_REGION
    # (place_id, service) → (the figure is an assumption, its basis), from costs.csv
    cost_notes: Mapping[tuple[str, str], tuple[bool, str]] = field(default_factory=dict)

    def service_index(self, service: str) -> int:
        return self.services.index(service)

    def place_position(self) -> dict[str, int]:
        return {place_id: j for j, place_id in enumerate(self.places.ids)}

    @cached_property
    def _points_by_status(self) -> dict[str, BoolArray]:
        """place × service per point status, computed once: the model and the village card
        ask for it many times per request, and a Dataset never changes (corrections make a
        new one)."""
        by_status: dict[str, BoolArray] = {}
        for status in set(self.points.status.tolist()):
            found = np.zeros((len(self.places), len(self.services)), dtype=bool)
            chosen = self.points.status == status
            services = self.points.service[chosen]
            service_position = np.array([self.service_index(s) for s in services], dtype=int)
            found[self.points.place_index[chosen], service_position] = True
            by_status[status] = found
        return by_status

    def points_at(self, status: str) -> BoolArray:
        """place × service: at least one existing point with this status (a copy, so a caller
        may change it)."""
        found = self._points_by_status.get(status)
        if found is None:
            return np.zeros((len(self.places), len(self.services)), dtype=bool)
        return found.copy()

    @property
    def demand_is_modelled(self) -> bool:
        return bool(self.demand.modelled.any())


def _coordinates(frame: pd.DataFrame) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """x, y (SWEREF99 TM) and lon, lat (WGS84), filling whichever pair a row lacks."""
    nan = np.full(len(frame), np.nan)
    x = frame["x_sweref99tm"].to_numpy(float) if "x_sweref99tm" in frame else nan.copy()
    y = frame["y_sweref99tm"].to_numpy(float) if "y_sweref99tm" in frame else nan.copy()
    lon = frame["lon"].to_numpy(float) if "lon" in frame else nan.copy()
    lat = frame["lat"].to_numpy(float) if "lat" in frame else nan.copy()
    need_xy = np.isnan(x) | np.isnan(y)
    if need_xy.any():
        x[need_xy], y[need_xy] = geo.to_sweref(lon[need_xy], lat[need_xy])
    need_latlon = np.isnan(lon) | np.isnan(lat)
    if need_latlon.any():
        lon[need_latlon], lat[need_latlon] = geo.to_wgs84(x[need_latlon], y[need_latlon])
    return x, y, lon, lat


def _strings(frame: pd.DataFrame, column: str, default: str = "") -> StrArray:
    if column not in frame:
        return np.full(len(frame), default, dtype=object).astype(str)
    return frame[column].fillna(default).astype(str).to_numpy(dtype=str)


def _places(frame: pd.DataFrame) -> Places:
    x, y, lon, lat = _coordinates(frame)
    radius = frame.get("urban_radius_km", pd.Series(0.0, index=frame.index)).fillna(0.0)
    return Places(
        ids=_strings(frame, "place_id"),
        names=_strings(frame, "name"),
        kommun_kod=_strings(frame, "kommun_kod"),
        kind=_strings(frame, "kind"),
        population=frame["population"].to_numpy(float),
        x_m=x,
        y_m=y,
        lon_deg=lon,
        lat_deg=lat,
        urban_radius_km=np.asarray(radius.to_numpy(), dtype=float),
        in_region=frame["in_region"].to_numpy(bool),
    )


def _demand(frame: pd.DataFrame) -> Demand:
    x, y, lon, lat = _coordinates(frame)
    elderly = None
    if "population_70plus" in frame and frame["population_70plus"].notna().all():
        elderly = frame["population_70plus"].to_numpy(float)
    modelled = frame.get("modelled", pd.Series(False, index=frame.index))
    return Demand(
        ids=_strings(frame, "demand_id"),
        kommun_kod=_strings(frame, "kommun_kod"),
        kind=_strings(frame, "kind"),
        population=frame["population"].to_numpy(float),
        population_70plus=elderly,
        x_m=x,
        y_m=y,
        lon_deg=lon,
        lat_deg=lat,
        modelled=modelled.to_numpy(bool),
    )


def points_from_table(frame: pd.DataFrame, place_position: dict[str, int]) -> ServicePoints:
    _, _, lon, lat = _coordinates(frame)
    return ServicePoints(
        ids=_strings(frame, "point_id"),
        service=_strings(frame, "service"),
        subtype=_strings(frame, "subtype"),
        names=_strings(frame, "name"),
        place_index=np.array([place_position[p] for p in frame["place_id"]], dtype=np.int64),
        status=_strings(frame, "status"),
        lon_deg=lon,
        lat_deg=lat,
        status_reason=_strings(frame, "status_reason"),
    )


def costs_from_table(
    frame: pd.DataFrame, place_position: dict[str, int], services: tuple[str, ...]
) -> tuple[FloatArray, FloatArray]:
    shape = (len(place_position), len(services))
    keep, establish = np.full(shape, np.nan), np.full(shape, np.nan)
    rows = frame["place_id"].map(place_position).to_numpy(int)
    cols = frame["service"].map({s: k for k, s in enumerate(services)}).to_numpy(int)
    keep[rows, cols] = frame["keep_cost_sek"].to_numpy(float)
    establish[rows, cols] = frame["establish_cost_sek"].to_numpy(float)
    return keep, establish


def cost_notes_from_table(frame: pd.DataFrame) -> dict[tuple[str, str], tuple[bool, str]]:
    assumption = frame.get("assumption", pd.Series(False, index=frame.index)).fillna(False)
    basis = frame.get("basis", pd.Series("", index=frame.index)).fillna("")
    return {
        (str(place), str(service)): (bool(flag), str(text))
        for place, service, flag, text in zip(
            frame["place_id"], frame["service"], assumption, basis, strict=True
        )
    }


def _demand_urban_radius_km(demand: Demand, places: Places) -> FloatArray:
    """A tätort demand point sits at its place; it inherits that place's urban radius."""
    radius_by_id = dict(zip(places.ids.tolist(), places.urban_radius_km.tolist(), strict=True))
    return np.array([radius_by_id.get(d, 0.0) for d in demand.ids], dtype=float)


def _travel(
    tables: dict[str, pd.DataFrame], demand: Demand, places: Places, model: TravelModel
) -> TravelTimes:
    matrix = tables.get(schema.TRAVEL_TIMES.file)
    if matrix is not None:
        return travel_times_from_pairs(
            demand.ids.tolist(),
            places.ids.tolist(),
            matrix["origin_id"].tolist(),
            matrix["destination_id"].tolist(),
            matrix["minutes"].to_numpy(float),
            method="matrix",
        )
    return modelled_travel_times(
        model,
        np.column_stack([demand.x_m, demand.y_m]),
        _demand_urban_radius_km(demand, places),
        np.column_stack([places.x_m, places.y_m]),
        places.urban_radius_km,
    )


def load_dataset(folder: Path | str) -> Dataset:
    """Validate and load a data folder; raises DataError listing every problem found."""
    folder = Path(folder).resolve()
    stamp = max((p.stat().st_mtime_ns for p in folder.glob("*")), default=0)
    return _load_cached(folder, stamp)


@lru_cache(maxsize=4)
def _load_cached(folder: Path, stamp: int) -> Dataset:
    del stamp  # part of the cache key only: an edited folder is read again
    contents = read_folder(folder)
    if contents.problems:
        raise DataError(contents.problems)
    tables, settings, registry = contents.tables, contents.settings, contents.registry
    services = registry.keys
    places = _places(tables["places.csv"])
    demand = _demand(tables["demand.csv"])
    position = {p: j for j, p in enumerate(places.ids)}
    keep, establish = costs_from_table(tables["costs.csv"], position, services)
    model = TravelModel.from_dict(settings.get("travel_model", {}))
    kommuner = tables["kommuner.csv"]
    region = region_from_settings(settings, folder.name)
    return Dataset(
        name=region.name,
        folder=folder,
        services=services,
        places=places,
        demand=demand,
        points=points_from_table(tables["service_points.csv"], position),
        keep_cost_sek=keep,
        establish_cost_sek=establish,
        travel=_travel(tables, demand, places, model),
        travel_model=model,
        kommun_kod=_strings(kommuner, "kommun_kod"),
        kommun_names=_strings(kommuner, "kommun"),
        kommun_population=kommuner["population"].to_numpy(float),
        boundaries=geo.read_geojson(folder / schema.BOUNDARIES_FILE),
        settings=settings,
        registry=registry,
        region=region,
        cost_notes=cost_notes_from_table(tables["costs.csv"]),
    )
