"""Viability: whether a place has the customer base (kundunderlag) for a service to survive.

The customer base of service s at place j is the number of people living within the service's
threshold of j:

    customers_js = Σ_i population_i · [t_ij ≤ threshold_min_s]

counted whether or not another point also reaches them. This is the "within its threshold"
reading of kundunderlag, not "people for whom j is the nearest": it depends only on the data
and the threshold, so it can filter candidates before the solve and stays exact (the nearest
reading would depend on the plan itself). A place below ``min_customers`` of the service is
never funded for it (models/candidates.py leaves the column out, and a lock-in is refused).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from models.dataset import Dataset
from models.scenario import Scenario

FloatArray = NDArray[np.float64]


def customers_within(dataset: Dataset, threshold_min: float) -> FloatArray:
    """People within ``threshold_min`` minutes of each place (index: dataset places)."""
    reach = dataset.travel.within(threshold_min)
    counted: FloatArray = np.asarray(reach.T @ dataset.demand.population, dtype=float)
    return counted


@dataclass(frozen=True)
class Shortfall:
    """A place the scenario may not fund for ``service``: too few people within reach."""

    place_id: str
    service: str
    customers: float
    min_customers: float

    @property
    def missing(self) -> float:
        return self.min_customers - self.customers


def unviable(dataset: Dataset, scenario: Scenario) -> NDArray[np.bool_]:
    """place × dataset service: True where the scenario's minimum customer base is not met."""
    found = np.zeros((len(dataset.places), len(dataset.services)), dtype=bool)
    for settings in scenario.services:
        if settings.min_customers > 0:
            customers = customers_within(dataset, settings.threshold_min)
            found[:, dataset.service_index(settings.service)] = customers < settings.min_customers
    return found


def shortfalls(dataset: Dataset, scenario: Scenario) -> tuple[Shortfall, ...]:
    """Every region place without a secure point of a service whose customer base is below
    the scenario's minimum for it, the largest shortfall first."""
    secure = dataset.points_at("secure")
    found = []
    for settings in scenario.services:
        if settings.min_customers <= 0:
            continue
        column = dataset.service_index(settings.service)
        customers = customers_within(dataset, settings.threshold_min)
        short = (customers < settings.min_customers) & dataset.places.in_region & ~secure[:, column]
        found += [
            Shortfall(
                str(dataset.places.ids[j]),
                settings.service,
                float(customers[j]),
                settings.min_customers,
            )
            for j in np.flatnonzero(short)
        ]
    return tuple(sorted(found, key=lambda s: -s.missing))
