"""Pure facts for a place's card: who lives there, what it has, how far the rest is, and why
the scenario supports it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from models.analysis import criticality
from models.coverage import open_today, place_to_place_minutes
from models.dataset import Dataset
from models.scenario import Scenario


@dataclass(frozen=True)
class ServiceFacts:
    service: str
    today: str  # "secure", "at_risk" or "none"
    nearest_min: float | None  # to the nearest place with the service today (modelled)
    people_losing: float  # if this place's only point of the service closes
    lockable: bool  # the budget can buy it here
    lock: str  # "in", "out" or ""


@dataclass(frozen=True)
class PlaceFacts:
    place_id: str
    name: str
    kind: str
    kommun: str
    population: float
    services: tuple[ServiceFacts, ...]
    reasons: tuple[dict[str, Any], ...]  # chosen actions here, with why-figures


def _nearest(dataset: Dataset, place: int, column: int) -> float | None:
    times = place_to_place_minutes(dataset)
    from_here = times.place_index[times.demand_index == place]
    minutes = times.minutes[times.demand_index == place]
    serving = open_today(dataset)[from_here, column]
    return float(minutes[serving].min()) if serving.any() else None


def place_facts(
    dataset: Dataset, scenario: Scenario, payload: dict[str, Any] | None, place_id: str
) -> PlaceFacts:
    j = dataset.place_position()[place_id]
    secure, at_risk = dataset.points_at("secure")[j], dataset.points_at("at_risk")[j]
    losing = {
        (c.service, c.place_id): c.people_losing
        for c in criticality(dataset, scenario)
        if c.place_id == place_id
    }
    locks = {
        lock.service: "in" if lock.locked_in else "out"
        for lock in scenario.locks
        if lock.place_id == place_id
    }
    services = []
    for service in scenario.service_names:
        c = dataset.service_index(service)
        services.append(
            ServiceFacts(
                service=service,
                today="secure" if secure[c] else "at_risk" if at_risk[c] else "none",
                nearest_min=_nearest(dataset, j, c),
                people_losing=float(losing.get((service, place_id), 0.0)),
                lockable=bool(
                    dataset.places.in_region[j]
                    and not secure[c]
                    and np.isfinite(dataset.establish_cost_sek[j, c])
                ),
                lock=locks.get(service, ""),
            )
        )
    reasons = tuple(a for a in (payload or {}).get("actions", []) if a["place_id"] == place_id)
    return PlaceFacts(
        place_id=place_id,
        name=str(dataset.places.names[j]),
        kind=str(dataset.places.kind[j]),
        kommun=str(dataset.places.kommun_kod[j]),
        population=float(dataset.places.population[j]),
        services=tuple(services),
        reasons=reasons,
    )
