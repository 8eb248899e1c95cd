"""Stress test: the k most critical points close together; who loses each service.

Criticality ranks points one at a time (models/criticality.py): the people for whom a point is
the only one within reach. Closing several at once can hurt more than the sum, since two
neighbouring points that back each other up both go. The stress test closes the k highest-ranked
points of the region together, as data corrections, and recounts today's reach:

    losing_s = Σ_i p_i · 1[i reaches an open point of s today] · 1[i reaches none after]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from models.corrections import Correction, apply_corrections
from models.coverage import open_today
from models.criticality import Criticality, criticality
from models.dataset import Dataset
from models.scenario import Scenario

BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class ServiceLoss:
    service: str
    people_today: float  # within the threshold of an open point today
    people_after: float  # the same with the k points closed
    sum_of_single_losses: float  # what the k closures cost one at a time, added up

    @property
    def people_losing(self) -> float:
        return self.people_today - self.people_after


@dataclass(frozen=True)
class StressResult:
    closed: tuple[Criticality, ...]
    losses: tuple[ServiceLoss, ...]
    losses_by_kommun: tuple[tuple[str, str, float], ...]  # (kommun_kod, service, people)

    def corrections(self) -> tuple[Correction, ...]:
        """The closures as data corrections (a scenario can carry them)."""
        return tuple(Correction("status", c.point_id, "closed") for c in self.closed)


def _reached(dataset: Dataset, threshold_min: float, open_places: BoolArray) -> BoolArray:
    within = dataset.travel.within(threshold_min).astype(np.int32)
    return np.asarray(within @ open_places.astype(np.int32)).ravel() > 0


def stress_test(dataset: Dataset, scenario: Scenario, k: int) -> StressResult:
    """Close the ``k`` region points that the most people depend on, all at once."""
    ranked = [c for c in criticality(dataset, scenario) if c.in_region and c.people_losing > 0]
    closed = tuple(ranked[: max(k, 0)])
    result = StressResult(closed, (), ())
    after = apply_corrections(dataset, result.corrections())
    population = dataset.demand.population
    losses, by_kommun = [], []
    for settings in scenario.services:
        column = dataset.service_index(settings.service)
        before = _reached(dataset, settings.threshold_min, open_today(dataset)[:, column])
        now = _reached(after, settings.threshold_min, open_today(after)[:, column])
        single = sum(c.people_losing for c in closed if c.service == settings.service)
        losses.append(
            ServiceLoss(
                settings.service,
                float(population[before].sum()),
                float(population[now].sum()),
                float(single),
            )
        )
        lost = before & ~now
        for code in np.unique(dataset.demand.kommun_kod[lost]):
            people = float(population[lost & (dataset.demand.kommun_kod == code)].sum())
            by_kommun.append((str(code), settings.service, people))
    return StressResult(closed, tuple(losses), tuple(by_kommun))
