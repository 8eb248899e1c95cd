"""Who reaches which place within each service's threshold, and coverage of a set of open places.

Notation (also in docs/model.md): demand points i with population p_i and objective weight
q_i = p_i + ω · p70_i; places j; services s with threshold T_s; t_ij travel minutes.

- Hard coverage: v_is = 1 if some open place j with t_ij ≤ T_s offers s, else 0.
- Soft coverage (``soft_limit_min`` = U_s): the linear decay from 1 at T_s to 0 at U_s is taken in
  K = 4 equal steps, v_is = (1/K) Σ_b 1[some open j offers s with t_ij ≤ τ_b],
  τ_b = T_s + b · (U_s − T_s) / K, b = 0 … K−1 (the value at each step's far end).
- Basket B, complementary: β_i = min_{s∈B} (hard v_is); with a sharing limit D the basket's places
  must lie within D minutes of one common place k (the anchor).
- Basket, self-sufficient: β_i = 1 if one open place j offers all of B and t_ij ≤ min_{s∈B} T_s.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from models.dataset import Dataset
from models.scenario import Scenario
from models.travel import TravelTimes, modelled_travel_times

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
SOFT_STEPS = 4


@dataclass(frozen=True, eq=False)
class CoverageStructure:
    """Reachability for one dataset and scenario; ``bands[k]`` are demand × place matrices."""

    services: tuple[str, ...]  # the scenario's services, in its order
    service_columns: tuple[int, ...]  # their columns in the dataset's place × service arrays
    weights: FloatArray  # the scenario's w_s
    bands: tuple[tuple[sparse.csr_matrix, ...], ...]  # per service: t ≤ τ_b (b = 0 is T_s)
    basket: tuple[int, ...]  # positions (in ``services``) of the basket's services
    basket_within: sparse.csr_matrix | None  # self-sufficient: t ≤ min_{s∈B} T_s
    anchor_reach: sparse.csr_matrix | None  # place × anchor place within D minutes
    people: FloatArray  # p_i
    objective_people: FloatArray  # q_i


def soft_thresholds(threshold_min: float, soft_limit_min: float | None) -> tuple[float, ...]:
    if soft_limit_min is None:
        return (threshold_min,)
    step = (soft_limit_min - threshold_min) / SOFT_STEPS
    return tuple(threshold_min + b * step for b in range(SOFT_STEPS))


@lru_cache(maxsize=4)
def place_to_place_minutes(dataset: Dataset) -> TravelTimes:
    """Travel minutes between places, always from the straight-line model (for sharing limits)."""
    xy = np.column_stack([dataset.places.x_m, dataset.places.y_m])
    radius = dataset.places.urban_radius_km
    return modelled_travel_times(dataset.travel_model, xy, radius, xy, radius)


def coverage_structure(dataset: Dataset, scenario: Scenario) -> CoverageStructure:
    services = scenario.service_names
    bands = tuple(
        tuple(
            dataset.travel.within(tau)
            for tau in soft_thresholds(
                scenario.settings(s).threshold_min, scenario.settings(s).soft_limit_min
            )
        )
        for s in services
    )
    basket = tuple(services.index(s) for s in scenario.basket)
    basket_within = None
    if scenario.mode == "self_sufficient" and basket:
        limit = min(scenario.settings(s).threshold_min for s in scenario.basket)
        basket_within = dataset.travel.within(limit)
    anchor_reach = None
    if scenario.mode == "complementary" and scenario.max_share_min is not None and basket:
        anchor_reach = place_to_place_minutes(dataset).within(scenario.max_share_min)
    people = dataset.demand.population
    elderly = dataset.demand.population_70plus
    objective_people = people + scenario.elderly_weight * elderly if elderly is not None else people
    return CoverageStructure(
        services=services,
        service_columns=tuple(dataset.service_index(s) for s in services),
        weights=np.array([scenario.settings(s).weight for s in services], dtype=float),
        bands=bands,
        basket=basket,
        basket_within=basket_within,
        anchor_reach=anchor_reach,
        people=people,
        objective_people=np.asarray(objective_people, dtype=float),
    )


def _reached(matrix: sparse.csr_matrix, open_places: NDArray[Any]) -> BoolArray:
    return np.asarray(matrix @ open_places.astype(np.int32) > 0).ravel()


@dataclass(frozen=True, eq=False)
class Coverage:
    """Per demand point: coverage value per service (0…1) and the basket (0/1)."""

    value: FloatArray  # demand × scenario service
    basket: FloatArray | None


def evaluate(structure: CoverageStructure, open_matrix: BoolArray) -> Coverage:
    """Coverage when exactly the places × services in ``open_matrix`` (dataset columns) serve."""
    value = np.column_stack(
        [
            np.mean([_reached(band, open_matrix[:, column]) for band in bands], axis=0)
            for bands, column in zip(structure.bands, structure.service_columns, strict=True)
        ]
    )
    return Coverage(value=value, basket=_basket(structure, open_matrix))


def _basket(structure: CoverageStructure, open_matrix: BoolArray) -> FloatArray | None:
    if not structure.basket:
        return None
    columns = [structure.service_columns[k] for k in structure.basket]
    if structure.basket_within is not None:
        full_places = np.asarray(open_matrix[:, columns].all(axis=1), dtype=bool)
        return _reached(structure.basket_within, full_places).astype(float)
    hard = [
        _reached(structure.bands[k][0], open_matrix[:, structure.service_columns[k]])
        for k in structure.basket
    ]
    if structure.anchor_reach is None:
        return np.asarray(np.all(hard, axis=0), dtype=float)
    # an anchor k works for i when every basket service has an open provider within T_s of i
    # and within D of k
    works = None
    for k in structure.basket:
        column = structure.service_columns[k]
        provider = structure.bands[k][0].multiply(open_matrix[:, column][None, :].astype(np.int32))
        reaches_anchor = (sparse.csr_matrix(provider) @ structure.anchor_reach) > 0
        works = reaches_anchor if works is None else works.multiply(reaches_anchor)
    assert works is not None
    return (np.asarray(works.sum(axis=1)).ravel() > 0).astype(float)


def open_today(dataset: Dataset) -> BoolArray:
    """Every existing point serves (secure and at-risk alike)."""
    return dataset.points_at("secure") | dataset.points_at("at_risk")


def open_baseline(dataset: Dataset) -> BoolArray:
    """Do nothing: at-risk points close, secure points stay."""
    return dataset.points_at("secure")
