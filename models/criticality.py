"""Who depends on one place: the people a point's closure leaves without a service.

For a service s with threshold T_s and the open places O_s, the people who depend on place j are
those whose only open place within T_s is j:  D_j = Σ_i p_i · 1[j ∈ O_s, t_ij ≤ T_s, |{k ∈ O_s :
t_ik ≤ T_s}| = 1].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from models.coverage import open_today
from models.dataset import Dataset
from models.scenario import Scenario

FloatArray = NDArray[np.float64]


def sole_provider_people(
    dataset: Dataset, threshold_min: float, open_places: NDArray[np.bool_], people: FloatArray
) -> FloatArray:
    """Per place: the people whose only open provider within the threshold is that place."""
    within = dataset.travel.within(threshold_min).astype(np.int32)
    providers = np.asarray(within @ open_places.astype(np.int32)).ravel()
    sole = people * (providers == 1)
    return np.asarray(within.T @ sole).ravel() * open_places


@dataclass(frozen=True)
class Criticality:
    """An existing point and the people with no other point of its service within T_s."""

    point_id: str
    name: str
    service: str
    place_id: str
    place_name: str
    kommun_kod: str
    status: str
    in_region: bool
    people_losing: float


def criticality(dataset: Dataset, scenario: Scenario) -> list[Criticality]:
    """For every existing point: the people who lose coverage if it alone closes (ranked)."""
    today = open_today(dataset)
    points, places = dataset.points, dataset.places
    found: list[Criticality] = []
    for settings in scenario.services:
        column = dataset.service_index(settings.service)
        losing = sole_provider_people(
            dataset, settings.threshold_min, today[:, column], dataset.demand.population
        )
        of_service = np.flatnonzero(points.service == settings.service)
        per_place = np.bincount(points.place_index[of_service], minlength=len(places))
        for k in of_service:
            j = int(points.place_index[k])
            found.append(
                Criticality(
                    point_id=str(points.ids[k]),
                    name=str(points.names[k]),
                    service=settings.service,
                    place_id=str(places.ids[j]),
                    place_name=str(places.names[j]),
                    kommun_kod=str(places.kommun_kod[j]),
                    status=str(points.status[k]),
                    in_region=bool(places.in_region[j]),
                    # a second point of the service at the same place keeps everyone covered
                    people_losing=float(losing[j]) if per_place[j] == 1 else 0.0,
                )
            )
    return sorted(found, key=lambda c: (-c.people_losing, c.service, c.name))
