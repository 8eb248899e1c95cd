"""Car travel time from demand points to places: modelled, from a matrix file, or on roads.

Without a road network the time is modelled from straight-line SWEREF99 TM distance:

    road_km(d)   = d · (f_long + (f_short − f_long) · exp(−d / d_blend))
    urban_km     = min(road_km, r_origin + r_destination)
    minutes      = access_min + 60 · urban_km / v_urban + 60 · (road_km − urban_km) / v_rural

``f_long`` comes from published road distances between towns of the embedded region (median
1.13 times straight line); short rural trips wind more, so the factor rises towards ``f_short``
for short trips. ``r`` is a locality's urban radius (from its area), driven at the urban speed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from models.errors import Problem

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


@dataclass(frozen=True)
class TravelModel:
    """Parameters of the straight-line travel-time model (all exposed in region.json)."""

    detour_factor_long: float = 1.13
    detour_factor_short: float = 1.35
    detour_blend_km: float = 10.0
    speed_rural_kmh: float = 70.0
    speed_urban_kmh: float = 30.0
    access_min: float = 2.0
    cutoff_min: float = 60.0

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> TravelModel:
        known = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in values.items() if k in known})

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    def problems(self, file: str) -> list[Problem]:
        found = []
        for name, value in self.to_dict().items():
            if not np.isfinite(value) or value < 0 or (name.startswith("speed") and value == 0):
                found.append(
                    Problem(
                        file,
                        None,
                        name,
                        f"reseparametern {name}={value} är ogiltig",
                        f"the travel parameter {name}={value} is invalid",
                    )
                )
        return found

    def road_km(self, straight_km: FloatArray) -> FloatArray:
        blend = np.exp(-straight_km / self.detour_blend_km)
        factor = (
            self.detour_factor_long + (self.detour_factor_short - self.detour_factor_long) * blend
        )
        return np.asarray(straight_km * factor, dtype=float)

    def minutes(self, straight_km: FloatArray, urban_km: FloatArray) -> FloatArray:
        road_km = self.road_km(straight_km)
        urban_part_km = np.minimum(road_km, urban_km)
        rural_part_km = road_km - urban_part_km
        return np.asarray(
            self.access_min
            + 60.0 * urban_part_km / self.speed_urban_kmh
            + 60.0 * rural_part_km / self.speed_rural_kmh,
            dtype=float,
        )


@dataclass(frozen=True, eq=False)
class TravelTimes:
    """Sparse long-form travel minutes; a pair absent from the arrays is beyond reach."""

    demand_index: IntArray
    place_index: IntArray
    minutes: FloatArray
    n_demand: int
    n_places: int
    method: str  # "modelled", "matrix" or "road_network"

    def within(self, threshold_min: float) -> sparse.csr_matrix:
        """Boolean demand × place matrix: reachable within ``threshold_min`` minutes."""
        keep = self.minutes <= threshold_min
        return sparse.csr_matrix(
            (
                np.ones(int(keep.sum()), dtype=bool),
                (self.demand_index[keep], self.place_index[keep]),
            ),
            shape=(self.n_demand, self.n_places),
        )

    def dense_minutes(self) -> FloatArray:
        """Demand × place minutes with ``inf`` for unreachable pairs (small data only)."""
        full = np.full((self.n_demand, self.n_places), np.inf)
        full[self.demand_index, self.place_index] = self.minutes
        return full


def modelled_travel_times(
    model: TravelModel,
    demand_xy_m: FloatArray,
    demand_urban_radius_km: FloatArray,
    place_xy_m: FloatArray,
    place_urban_radius_km: FloatArray,
    block_rows: int = 512,
) -> TravelTimes:
    """All pairs within the cut-off, computed in blocks so memory stays small at national scale."""
    parts: list[tuple[IntArray, IntArray, FloatArray]] = []
    for start in range(0, len(demand_xy_m), block_rows):
        block = demand_xy_m[start : start + block_rows]
        delta = block[:, None, :] - place_xy_m[None, :, :]
        straight_km = np.sqrt((delta**2).sum(axis=2)) / 1000.0
        urban_km = demand_urban_radius_km[start : start + block_rows, None] + place_urban_radius_km
        minutes = model.minutes(straight_km, urban_km)
        rows, cols = np.nonzero(minutes <= model.cutoff_min)
        parts.append((rows + start, cols, minutes[rows, cols]))
    return TravelTimes(
        demand_index=np.concatenate([p[0] for p in parts]).astype(np.int64),
        place_index=np.concatenate([p[1] for p in parts]).astype(np.int64),
        minutes=np.concatenate([p[2] for p in parts]).astype(float),
        n_demand=len(demand_xy_m),
        n_places=len(place_xy_m),
        method="modelled",
    )


def travel_times_from_pairs(
    demand_ids: list[str],
    place_ids: list[str],
    origin_ids: list[str],
    destination_ids: list[str],
    minutes: FloatArray,
    method: str,
) -> TravelTimes:
    """Index a long-form matrix (origin = demand point, destination = place); ids must be known."""
    demand_position = {d: i for i, d in enumerate(demand_ids)}
    place_position = {p: j for j, p in enumerate(place_ids)}
    return TravelTimes(
        demand_index=np.array([demand_position[o] for o in origin_ids], dtype=np.int64),
        place_index=np.array([place_position[d] for d in destination_ids], dtype=np.int64),
        minutes=np.asarray(minutes, dtype=float),
        n_demand=len(demand_ids),
        n_places=len(place_ids),
        method=method,
    )
