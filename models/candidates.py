"""Decision columns: what the budget can buy, and the locks that force or forbid it.

A column k supports the services S_k at place j_k for a yearly cost c_k:
- complementary mode: one column per (place, service) lacking a secure point there;
- self-sufficient mode: one column per place for the whole basket (the missing part of it, so
  x_js = x_j for s in the basket), plus one column per (place, service) outside the basket.
The action is ``keep`` where the place has an at-risk point of the service, else ``establish``.
Candidates are places inside the region with a cost figure, within the scenario's kommuner,
and with the customer base the scenario asks for each service (models/viability.py); a lock-in
makes a place a candidate even outside the kommun filter, never below the customer base.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from models.dataset import Dataset
from models.errors import InfeasibleError, ScenarioError
from models.scenario import Scenario
from models.viability import customers_within, unviable

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class Columns:
    place: IntArray  # j_k
    services: tuple[tuple[int, ...], ...]  # S_k as dataset service columns
    cost_sek: FloatArray  # c_k
    fixed: NDArray[np.int8]  # 1 locked in, 0 locked out, -1 free

    def __len__(self) -> int:
        return len(self.place)

    def serving(self, column: int) -> NDArray[np.bool_]:
        """Columns that supply dataset service ``column``."""
        return np.array([column in s for s in self.services], dtype=bool)


def action_cost(dataset: Dataset, place: int, column: int) -> float:
    at_risk = dataset.points_at("at_risk")[place, column]
    table = dataset.keep_cost_sek if at_risk else dataset.establish_cost_sek
    return float(table[place, column])


def _eligible_places(dataset: Dataset, scenario: Scenario, locked_places: set[int]) -> IntArray:
    places = dataset.places
    ok = places.in_region.copy()
    if scenario.candidate_kommuner:
        ok &= np.isin(places.kommun_kod, scenario.candidate_kommuner)
    ok[list(locked_places)] = True
    return np.flatnonzero(ok & places.in_region)


def build_columns(dataset: Dataset, scenario: Scenario) -> Columns:
    secure = dataset.points_at("secure")
    position = dataset.place_position()
    lock_places = {position[lock.place_id] for lock in scenario.locks if lock.locked_in}
    basket = [dataset.service_index(s) for s in scenario.basket]
    individual = [dataset.service_index(s) for s in scenario.service_names]
    if scenario.mode == "self_sufficient":
        individual = [c for c in individual if c not in basket]
    places: list[int] = []
    services: list[tuple[int, ...]] = []
    costs: list[float] = []
    too_few = unviable(dataset, scenario)
    _check_locked_viability(dataset, scenario, too_few, secure)
    for j in _eligible_places(dataset, scenario, lock_places):
        groups: list[tuple[int, ...]] = [(c,) for c in individual if not secure[j, c]]
        if scenario.mode == "self_sufficient":
            missing = tuple(c for c in basket if not secure[j, c])
            groups += [missing] if missing else []
        for group in groups:
            if any(too_few[j, c] for c in group):
                continue
            cost = sum(action_cost(dataset, int(j), c) for c in group)
            if np.isfinite(cost):
                places.append(int(j))
                services.append(group)
                costs.append(cost)
    columns = Columns(
        place=np.array(places, dtype=np.int64),
        services=tuple(services),
        cost_sek=np.array(costs, dtype=float),
        fixed=np.full(len(places), -1, dtype=np.int8),
    )
    _apply_locks(dataset, scenario, columns, secure)
    _check_locked_cost(scenario, columns)
    return columns


def _check_locked_viability(
    dataset: Dataset, scenario: Scenario, too_few: np.ndarray, secure: np.ndarray
) -> None:
    position = dataset.place_position()
    for lock in scenario.locks:
        j, c = position[lock.place_id], dataset.service_index(lock.service)
        if not lock.locked_in or secure[j, c] or not too_few[j, c]:
            continue
        settings = scenario.settings(lock.service)
        customers = customers_within(dataset, settings.threshold_min)[j]
        people, least = (
            f"{v:,.0f}".replace(",", "\u00a0") for v in (customers, settings.min_customers)
        )
        name = dataset.places.names[j]
        raise ScenarioError(
            f"{name}: {lock.service} kan inte låsas in: {people} personer inom "
            f"{settings.threshold_min:.0f} min, kundunderlaget ska vara minst {least}",
            f"{name}: {lock.service} cannot be locked in: {customers:,.0f} people within "
            f"{settings.threshold_min:.0f} min, the customer base must be at least "
            f"{settings.min_customers:,.0f}",
        )


def _apply_locks(
    dataset: Dataset, scenario: Scenario, columns: Columns, secure: np.ndarray
) -> None:
    position = dataset.place_position()
    for lock in scenario.locks:
        j, c = position[lock.place_id], dataset.service_index(lock.service)
        match = np.flatnonzero((columns.place == j) & columns.serving(c))
        if len(match):
            columns.fixed[match] = 1 if lock.locked_in else 0
            continue
        if lock.locked_in and secure[j, c]:
            continue  # already served by a secure point: nothing to buy
        name = dataset.places.names[j]
        raise ScenarioError(
            f"{name}: {lock.service} kan inte låsas här (ingen kostnad, utanför regionen "
            "eller redan säker)",
            f"{name}: {lock.service} cannot be locked here (no cost, outside the region or "
            "already secure)",
        )


def _check_locked_cost(scenario: Scenario, columns: Columns) -> None:
    locked_cost = float(columns.cost_sek[columns.fixed == 1].sum())
    # the co-location saving can lower the bill by at most its share
    if locked_cost * (1 - scenario.colocation_saving_share) > scenario.budget_sek + 1e-6:
        cost, budget = (
            f"{v:,.0f}".replace(",", "\u00a0") for v in (locked_cost, scenario.budget_sek)
        )
        raise InfeasibleError(
            f"De låsta åtgärderna kostar {cost} kr, mer än budgeten {budget} kr",
            f"The locked actions cost {locked_cost:,.0f} SEK, more than the budget "
            f"{scenario.budget_sek:,.0f} SEK",
        )


def place_service_map(dataset: Dataset, columns: Columns, service_column: int) -> IntArray:
    """For each place, the decision column supplying ``service_column`` there, or -1."""
    found = np.full(len(dataset.places), -1, dtype=np.int64)
    serving = np.flatnonzero(columns.serving(service_column))
    found[columns.place[serving]] = serving
    return found
