"""Today's access ("nuläge"): people by car time to the nearest point of each service, in the
classes Tillväxtanalys publishes (< 5, 5–10, 10–30, > 30 minutes), for the county and each
kommun, and each place's own situation ("Mina orter").

With every existing point open, the time from demand point i to service s is
m_is = min_{j offers s today} t_ij (∞ beyond the travel model's cut-off); for the basket it is
max_{s ∈ B} m_is (complementary places: each service from wherever is nearest). A class share is
Σ_i p_i · 1[m_is in class] / Σ_i p_i; "within the threshold" uses T_s (the basket: each service
within its own T_s).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.spatial import cKDTree

from models import geo
from models.coverage import open_today
from models.dataset import Dataset
from models.scenario import Scenario
from models.solution import BASKET

FloatArray = NDArray[np.float64]
TIME_CLASSES_MIN: tuple[tuple[float, float], ...] = (
    (0.0, 5.0),
    (5.0, 10.0),
    (10.0, 30.0),
    (30.0, float("inf")),
)


@dataclass(frozen=True)
class AccessRow:
    """One area and one service (or the basket): population and shares 0–1 by time class."""

    kommun_kod: str  # "" for the whole region
    area: str
    key: str
    population: float
    class_shares: tuple[float, ...]  # in TIME_CLASSES_MIN order
    within_threshold: float
    modelled: bool  # travel times or population are estimates


def nearest_minutes(dataset: Dataset, service: str) -> FloatArray:
    """Per demand point: minutes to the nearest place offering ``service`` today (∞: none)."""
    times = dataset.travel
    serving = open_today(dataset)[times.place_index, dataset.service_index(service)]
    best = np.full(len(dataset.demand), np.inf)
    np.minimum.at(best, times.demand_index[serving], times.minutes[serving])
    return best


def _row(
    code: str,
    area: str,
    key: str,
    people: FloatArray,
    minutes: FloatArray,
    within: NDArray[np.bool_],
    modelled: bool,
) -> AccessRow:
    total = float(people.sum())

    def share(mask: NDArray[np.bool_]) -> float:
        return float(people[mask].sum()) / total if total else 0.0

    # the last class is open-ended: it holds everyone beyond the cut-off too
    classes = tuple(
        share((minutes >= low) & ((minutes < high) | (high == float("inf"))))
        for low, high in TIME_CLASSES_MIN
    )
    return AccessRow(code, area, key, total, classes, share(within), modelled)


def access_today(dataset: Dataset, scenario: Scenario, region_name: str) -> tuple[AccessRow, ...]:
    """Rows for the region, then each kommun; services in the scenario's order, then the basket."""
    minutes = {s: nearest_minutes(dataset, s) for s in scenario.service_names}
    within = {s: minutes[s] <= scenario.settings(s).threshold_min for s in scenario.service_names}
    if scenario.basket:
        minutes[BASKET] = np.max([minutes[s] for s in scenario.basket], axis=0)
        within[BASKET] = np.all([within[s] for s in scenario.basket], axis=0)
    modelled = dataset.demand_is_modelled or dataset.travel.method == "modelled"
    people = dataset.demand.population
    areas = [("", region_name, np.ones(len(people), dtype=bool))] + [
        (str(code), str(name), dataset.demand.kommun_kod == code)
        for code, name in zip(dataset.kommun_kod, dataset.kommun_names, strict=True)
    ]
    return tuple(
        _row(code, name, key, people[mask], minutes[key][mask], within[key][mask], modelled)
        for code, name, mask in areas
        for key in minutes
    )


def share_within_road_km(
    dataset: Dataset, service: str, km: float, only_modelled: bool = False
) -> float:
    """Share of people (of the modelled rural estimate, with ``only_modelled``) whose nearest
    point of ``service`` today lies within ``km`` by road, as SCB and PTS measure distance;
    road km are the travel model's straight line × detour factor."""
    points = dataset.points.service == service
    people = dataset.demand.population
    chosen = dataset.demand.modelled if only_modelled else np.ones(len(people), dtype=bool)
    if not points.any() or not chosen.any():
        return 0.0
    x, y = geo.to_sweref(dataset.points.lon_deg[points], dataset.points.lat_deg[points])
    straight_m, _ = cKDTree(np.column_stack([x, y])).query(
        np.column_stack([dataset.demand.x_m[chosen], dataset.demand.y_m[chosen]])
    )
    road_km = dataset.travel_model.road_km(np.asarray(straight_m) / 1000.0)
    return float(people[chosen][road_km <= km].sum() / people[chosen].sum())
