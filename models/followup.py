"""Follow-up between two data revisions or years: which service points opened and closed, and who
gained or lost reach of each service, per kommun.

**Matching points.** Point ids are not stable between two builds (a build numbers its points), so
a point of ``before`` and one of ``after`` are the same point when they offer the same service and
either (1) their names agree, ignoring case and spacing, and they lie within ``MATCH_KM`` of each
other (a point re-geocoded or moved across the street), or (2) their names differ but they lie
within ``RENAMED_KM`` (a shop that changed its sign at the same address). Pass 1 runs before
pass 2, each pairing the closest candidates first, one to one. A point of ``before`` left
unmatched closed; one of ``after`` left unmatched opened. A status change (at risk, secure) of a
matched point is reported separately and changes nobody's reach.

**Reach.** With every point of a dataset open, demand point i reaches service s when its nearest
point is within the scenario's threshold T_s (``models.access.nearest_minutes``); the basket
needs every basket service within its own T_s. Demand points are matched by id: for the ids in
both, people who gained are Σ_i p_i^after · 1[reached after, not before] and people who lost are
Σ_i p_i^before · 1[reached before, not after]. Population and people reached are each dataset's
own, so a demand point present in one year only changes those totals, never gained or lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from models import geo
from models.access import nearest_minutes
from models.dataset import Dataset
from models.scenario import Scenario
from models.solution import BASKET

BoolArray = NDArray[np.bool_]
MATCH_KM = 1.0
RENAMED_KM = 0.05


@dataclass(frozen=True)
class PointRef:
    """A service point as one dataset has it."""

    point_id: str
    service: str
    name: str
    place_name: str
    kommun_kod: str
    status: str
    lon_deg: float
    lat_deg: float
    in_region: bool


@dataclass(frozen=True)
class PointChanges:
    opened: tuple[PointRef, ...]
    closed: tuple[PointRef, ...]
    status_changed: tuple[tuple[PointRef, PointRef], ...]  # (before, after)
    unchanged: int


@dataclass(frozen=True)
class ReachChange:
    """One area (``kommun_kod`` "" for the region) and one service or the basket."""

    kommun_kod: str
    kommun: str
    key: str
    population_before: float
    population_after: float
    reached_before: float
    reached_after: float
    gained: float
    lost: float


def normalise_name(name: str) -> str:
    """Case and spacing do not make two points different."""
    return re.sub(r"\s+", " ", name).strip().casefold()


def _refs(dataset: Dataset) -> list[PointRef]:
    points, places = dataset.points, dataset.places
    return [
        PointRef(
            point_id=str(points.ids[k]),
            service=str(points.service[k]),
            name=str(points.names[k]),
            place_name=str(places.names[points.place_index[k]]),
            kommun_kod=str(places.kommun_kod[points.place_index[k]]),
            status=str(points.status[k]),
            lon_deg=float(points.lon_deg[k]),
            lat_deg=float(points.lat_deg[k]),
            in_region=bool(places.in_region[points.place_index[k]]),
        )
        for k in range(len(points))
    ]


def _distances_km(first: list[PointRef], second: list[PointRef]) -> NDArray[np.float64]:
    def xy(refs: list[PointRef]) -> NDArray[np.float64]:
        x, y = geo.to_sweref(
            np.array([r.lon_deg for r in refs]), np.array([r.lat_deg for r in refs])
        )
        return np.column_stack([x, y])

    if not first or not second:
        return np.zeros((len(first), len(second)))
    a, b = xy(first), xy(second)
    return np.asarray(np.hypot(*(a[:, None, :] - b[None, :, :]).transpose(2, 0, 1)) / 1000.0)


def _pair(
    distance: NDArray[np.float64], allowed: BoolArray, free_a: BoolArray, free_b: BoolArray
) -> list[tuple[int, int]]:
    """Closest allowed pairs first, each point used once."""
    rows, cols = np.nonzero(allowed & free_a[:, None] & free_b[None, :])
    pairs = []
    for k in np.argsort(distance[rows, cols], kind="stable"):
        i, j = int(rows[k]), int(cols[k])
        if free_a[i] and free_b[j]:
            free_a[i] = free_b[j] = False
            pairs.append((i, j))
    return pairs


def match_points(before: Dataset, after: Dataset) -> PointChanges:
    """Opened, closed and status-changed points between two datasets (see the module)."""
    old_all, new_all = _refs(before), _refs(after)
    opened: list[PointRef] = []
    closed: list[PointRef] = []
    changed: list[tuple[PointRef, PointRef]] = []
    unchanged = 0
    for service in sorted({r.service for r in old_all} | {r.service for r in new_all}):
        old = [r for r in old_all if r.service == service]
        new = [r for r in new_all if r.service == service]
        distance = _distances_km(old, new)
        same_name = np.array(
            [[normalise_name(a.name) == normalise_name(b.name) for b in new] for a in old],
            dtype=bool,
        ).reshape(len(old), len(new))
        free_old, free_new = np.ones(len(old), dtype=bool), np.ones(len(new), dtype=bool)
        pairs = _pair(distance, same_name & (distance <= MATCH_KM), free_old, free_new)
        pairs += _pair(distance, distance <= RENAMED_KM, free_old, free_new)
        for i, j in pairs:
            if old[i].status != new[j].status:
                changed.append((old[i], new[j]))
            else:
                unchanged += 1
        closed += [old[i] for i in np.flatnonzero(free_old)]
        opened += [new[j] for j in np.flatnonzero(free_new)]
    return PointChanges(tuple(opened), tuple(closed), tuple(changed), unchanged)


def reached(dataset: Dataset, scenario: Scenario) -> dict[str, BoolArray]:
    """Per service of the scenario, then the basket: demand points within the threshold today."""
    found = {
        s.service: nearest_minutes(dataset, s.service) <= s.threshold_min for s in scenario.services
    }
    if scenario.basket:
        found[BASKET] = np.all([found[s] for s in scenario.basket], axis=0)
    return found


def _positions(before: Dataset, after: Dataset) -> NDArray[np.int64]:
    """For each demand point of ``after``: its position in ``before`` by id (-1: absent)."""
    position = {d: i for i, d in enumerate(before.demand.ids.tolist())}
    return np.array([position.get(d, -1) for d in after.demand.ids.tolist()], dtype=np.int64)


def _gained_lost(
    was_reached: BoolArray, now_reached: BoolArray, in_before: NDArray[np.int64]
) -> tuple[BoolArray, BoolArray]:
    common_after = in_before >= 0
    was = np.zeros(len(in_before), dtype=bool)
    was[common_after] = was_reached[in_before[common_after]]
    return common_after & now_reached & ~was, common_after & was & ~now_reached


def changed_demand(
    before: Dataset, after: Dataset, scenario: Scenario, key: str
) -> tuple[BoolArray, BoolArray]:
    """Masks over ``after``'s demand points (present in both): those that gained and those that
    lost reach of ``key``."""
    in_before = _positions(before, after)
    return _gained_lost(reached(before, scenario)[key], reached(after, scenario)[key], in_before)


def reach_changes(before: Dataset, after: Dataset, scenario: Scenario) -> tuple[ReachChange, ...]:
    """Rows for the region, then each kommun (of either dataset), per service and the basket."""
    old, new = reached(before, scenario), reached(after, scenario)
    in_before = _positions(before, after)
    changes = {key: _gained_lost(old[key], new[key], in_before) for key in new}
    names = dict(zip(before.kommun_kod.tolist(), before.kommun_names.tolist(), strict=True))
    names.update(zip(after.kommun_kod.tolist(), after.kommun_names.tolist(), strict=True))
    p_old, p_new = before.demand.population, after.demand.population
    rows = []
    for code in ["", *names]:
        in_old = before.demand.kommun_kod == code if code else np.ones(len(p_old), dtype=bool)
        in_new = after.demand.kommun_kod == code if code else np.ones(len(p_new), dtype=bool)
        for key, (gained, lost) in changes.items():
            lost_before = np.zeros(len(p_old), dtype=bool)
            lost_before[in_before[lost]] = True
            rows.append(
                ReachChange(
                    kommun_kod=code,
                    kommun=names.get(code, "") if code else after.name,
                    key=key,
                    population_before=float(p_old[in_old].sum()),
                    population_after=float(p_new[in_new].sum()),
                    reached_before=float(p_old[in_old & old[key]].sum()),
                    reached_after=float(p_new[in_new & new[key]].sum()),
                    gained=float(p_new[in_new & gained].sum()),
                    lost=float(p_old[in_old & lost_before].sum()),
                )
            )
    return tuple(rows)
