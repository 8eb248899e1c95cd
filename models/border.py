"""Border dependence: the people whose nearest point of a service today lies outside the region.

Supply beyond the border is kept in the data (places with ``in_region`` false) because residents
near it use it. For demand point i and service s, the nearest open place is
n_is = argmin_{j offers s today} t_ij (ties go to a place inside the region; none beyond the
travel model's cut-off). The border-dependent people of an area are Σ_i p_i · 1[n_is is outside
the region], and their destinations are the outside places n_is, with the people each draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from models.coverage import open_today
from models.dataset import Dataset

IntArray = NDArray[np.int64]
NONE = -1  # no place of the service within the travel model's cut-off


@dataclass(frozen=True)
class BorderDependence:
    """One area (``kommun_kod`` "" for the region) and one service."""

    kommun_kod: str
    service: str
    population: float
    people: float  # whose nearest point of the service lies outside the region
    destinations: tuple[tuple[str, float], ...]  # outside place name, people; most first

    @property
    def share(self) -> float:
        return self.people / self.population if self.population else 0.0


def nearest_places(
    n_demand: int,
    demand_index: IntArray,
    place_index: IntArray,
    minutes: NDArray[np.float64],
    in_region: NDArray[np.bool_],
) -> IntArray:
    """Per demand point: the index of its nearest place among the given pairs (NONE: no pair).
    Equal times go to a place inside the region."""
    nearest = np.full(n_demand, NONE, dtype=np.int64)
    if len(demand_index) == 0:
        return nearest
    order = np.lexsort((~in_region[place_index], minutes, demand_index))
    first = np.ones(len(order), dtype=bool)
    first[1:] = demand_index[order][1:] != demand_index[order][:-1]
    chosen = order[first]
    nearest[demand_index[chosen]] = place_index[chosen]
    return nearest


def nearest_place_of(dataset: Dataset, service: str) -> IntArray:
    """Per demand point: its nearest place offering ``service`` today (NONE: none reachable)."""
    times = dataset.travel
    serving = open_today(dataset)[times.place_index, dataset.service_index(service)]
    return nearest_places(
        len(dataset.demand),
        np.asarray(times.demand_index[serving], dtype=np.int64),
        np.asarray(times.place_index[serving], dtype=np.int64),
        np.asarray(times.minutes[serving], dtype=float),
        dataset.places.in_region,
    )


def _area(
    dataset: Dataset, code: str, service: str, mask: NDArray[np.bool_], nearest: IntArray
) -> BorderDependence:
    people = dataset.demand.population[mask]
    places = nearest[mask]
    outside = (places != NONE) & ~dataset.places.in_region[np.maximum(places, 0)]
    drawn = np.bincount(places[outside], weights=people[outside], minlength=len(dataset.places))
    destinations = tuple(
        (str(dataset.places.names[j]), float(drawn[j]))
        for j in sorted(np.flatnonzero(drawn > 0), key=lambda j: (-drawn[j], j))
    )
    return BorderDependence(
        code, service, float(people.sum()), float(people[outside].sum()), destinations
    )


def border_dependence(dataset: Dataset, services: tuple[str, ...]) -> tuple[BorderDependence, ...]:
    """Rows for the region, then each kommun, each in the order of ``services``."""
    nearest = {s: nearest_place_of(dataset, s) for s in services}
    everyone = np.ones(len(dataset.demand), dtype=bool)
    areas = [("", everyone)] + [
        (str(code), dataset.demand.kommun_kod == code) for code in dataset.kommun_kod
    ]
    return tuple(
        _area(dataset, code, s, mask, nearest[s]) for code, mask in areas for s in services
    )
