"""Facts about one place: its status on the map, and what its card tells a municipal official."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from models.coverage import open_today, place_to_place_minutes
from models.dataset import Dataset
from models.solution import Action, Solution
from models.viability import customers_within

# The order in which a place's status is decided, first match wins: a supported place is drawn
# as supported even if another of its services is at risk. The map's palette follows it.
STATUS_PRECEDENCE: tuple[str, ...] = ("supported", "at_risk", "secure", "none")


def place_status(dataset: Dataset, supported: Collection[str]) -> dict[str, str]:
    """Per place id: ``supported`` by the scenario, else ``at_risk`` if any service there is at
    risk, ``secure`` if it has any, else ``none`` (it can still become a service point)."""
    at_risk = np.asarray(dataset.points_at("at_risk").any(axis=1), dtype=bool)
    secure = np.asarray(dataset.points_at("secure").any(axis=1), dtype=bool)
    status = {}
    for j, place_id in enumerate(dataset.places.ids.tolist()):
        flags = (place_id in supported, bool(at_risk[j]), bool(secure[j]), True)
        status[place_id] = STATUS_PRECEDENCE[flags.index(True)]
    return status


@dataclass(frozen=True)
class ServiceFacts:
    service: str
    today: str  # "secure", "at_risk" or "none"
    nearest_min: float | None  # modelled minutes to the nearest place with the service today
    people_losing: float  # if this place's only point of the service closes
    lockable: bool  # the budget can buy it here
    lock: str  # "in", "out" or ""
    status_reason: str = ""  # why "today" is what it is (the build's rule or the region's list)
    cost_sek: float | None = None  # what keeping (at risk) or establishing would cost a year
    cost_assumption: bool = False  # the figure is the project's estimate, not a published level
    cost_basis: str = ""
    cost_basis_sv: str = ""  # the registry's Swedish text when the basis is its default
    customers: float = 0.0  # people within the service's threshold (its customer base)
    min_customers: float = 0.0  # the scenario's minimum customer base (0: none)


@dataclass(frozen=True)
class PointFacts:
    """One existing service point at the place, as the data (with its corrections) has it."""

    point_id: str
    service: str
    name: str
    status: str
    status_reason: str


@dataclass(frozen=True)
class PlaceFacts:
    place_id: str
    name: str
    kind: str
    kommun_kod: str
    kommun: str
    population: float
    services: tuple[ServiceFacts, ...]
    actions: tuple[Action, ...]  # the scenario's actions here, with their reasons
    points: tuple[PointFacts, ...] = ()


def _nearest_minutes(dataset: Dataset, place: int, column: int) -> float | None:
    times = place_to_place_minutes(dataset)
    from_here = times.demand_index == place
    serving = open_today(dataset)[times.place_index[from_here], column]
    minutes = times.minutes[from_here]
    return float(minutes[serving].min()) if serving.any() else None


def _status_reason(dataset: Dataset, place: int, service: str) -> str:
    """The reason recorded for the first point of ``service`` at the place, if any."""
    reasons = dataset.points.status_reason
    here = np.flatnonzero(
        (dataset.points.place_index == place) & (dataset.points.service == service)
    )
    return str(reasons[here[0]]) if reasons is not None and len(here) else ""


def _swedish_basis(dataset: Dataset, service: str, basis: str) -> str:
    """A cost's basis in Swedish when it is the registry's own default text."""
    known = {t.key: t for t in dataset.registry}.get(service)
    return known.cost_basis_sv if known and basis == known.cost_basis else ""


def _points_at(dataset: Dataset, place: int) -> tuple[PointFacts, ...]:
    points = dataset.points
    reasons = points.status_reason
    return tuple(
        PointFacts(
            str(points.ids[k]),
            str(points.service[k]),
            str(points.names[k]),
            str(points.status[k]),
            str(reasons[k]) if reasons is not None else "",
        )
        for k in np.flatnonzero(points.place_index == place)
    )


def place_facts(dataset: Dataset, solution: Solution, place_id: str) -> PlaceFacts:
    """Everything the place card shows, for the scenario ``solution`` was solved for."""
    j = dataset.place_position()[place_id]
    secure, at_risk = dataset.points_at("secure")[j], dataset.points_at("at_risk")[j]
    losing = {c.service: c.people_losing for c in solution.critical if c.place_id == place_id}
    locks = {
        lock.service: "in" if lock.locked_in else "out"
        for lock in solution.scenario.locks
        if lock.place_id == place_id
    }
    services = []
    for settings in solution.scenario.services:
        service = settings.service
        c = dataset.service_index(service)
        cost = dataset.keep_cost_sek[j, c] if at_risk[c] else dataset.establish_cost_sek[j, c]
        assumption, basis = dataset.cost_notes.get((place_id, service), (False, ""))
        services.append(
            ServiceFacts(
                service=service,
                today="secure" if secure[c] else "at_risk" if at_risk[c] else "none",
                nearest_min=_nearest_minutes(dataset, j, c),
                people_losing=float(losing.get(service, 0.0)),
                lockable=bool(dataset.places.in_region[j] and not secure[c] and np.isfinite(cost)),
                lock=locks.get(service, ""),
                status_reason=_status_reason(dataset, j, service),
                cost_sek=float(cost) if np.isfinite(cost) and not secure[c] else None,
                cost_assumption=assumption,
                cost_basis=basis,
                cost_basis_sv=_swedish_basis(dataset, service, basis),
                customers=float(customers_within(dataset, settings.threshold_min)[j]),
                min_customers=settings.min_customers,
            )
        )
    code = str(dataset.places.kommun_kod[j])
    names = dict(zip(dataset.kommun_kod.tolist(), dataset.kommun_names.tolist(), strict=True))
    return PlaceFacts(
        place_id=place_id,
        name=str(dataset.places.names[j]),
        kind=str(dataset.places.kind[j]),
        kommun_kod=code,
        kommun=names.get(code, code),
        population=float(dataset.places.population[j]),
        services=tuple(services),
        actions=tuple(a for a in solution.actions if a.place_id == place_id),
        points=_points_at(dataset, j),
    )
