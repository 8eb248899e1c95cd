"""Build a Dataset straight from arrays: for notebooks, tests and benchmarks without files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike, NDArray

from models.dataset import Dataset, Demand, Places, ServicePoints
from models.travel import TravelModel, TravelTimes

FloatArray = NDArray[np.float64]


def _strings(values: ArrayLike | None, default: list[str]) -> NDArray[np.str_]:
    return np.asarray(default if values is None else values, dtype=str)


def _points(
    secure: NDArray[np.bool_], at_risk: NDArray[np.bool_], services: tuple[str, ...]
) -> ServicePoints:
    rows = [(j, c, "secure") for j, c in zip(*np.nonzero(secure), strict=True)]
    rows += [(j, c, "at_risk") for j, c in zip(*np.nonzero(at_risk), strict=True)]
    return ServicePoints(
        ids=np.array([f"p{k}" for k in range(len(rows))], dtype=str),
        service=np.array([services[c] for _, c, _ in rows], dtype=str),
        subtype=np.full(len(rows), "", dtype=str),
        names=np.array([f"{services[c]} {j}" for j, c, _ in rows], dtype=str),
        place_index=np.array([j for j, _, _ in rows], dtype=np.int64),
        status=np.array([s for _, _, s in rows], dtype=str),
        lon_deg=np.zeros(len(rows)),
        lat_deg=np.zeros(len(rows)),
    )


def dataset_from_arrays(
    demand_population: ArrayLike,
    travel_minutes: ArrayLike,
    services: tuple[str, ...] = ("grocery",),
    secure: ArrayLike | None = None,
    at_risk: ArrayLike | None = None,
    keep_cost_sek: ArrayLike | None = None,
    establish_cost_sek: ArrayLike | None = None,
    demand_kommun: ArrayLike | None = None,
    place_kommun: ArrayLike | None = None,
    place_in_region: ArrayLike | None = None,
    place_xy_m: ArrayLike | None = None,
    population_70plus: ArrayLike | None = None,
) -> Dataset:
    """A Dataset from a demand × place matrix of minutes (``inf`` = out of reach).

    Costs default to 1 per place and service (so a budget of p buys p actions, as in the MCLP),
    existing points to none, kommuner to one called "K1".
    """
    minutes = np.asarray(travel_minutes, dtype=float)
    n_demand, n_places = minutes.shape
    shape = (n_places, len(services))
    secure_arr = np.zeros(shape, bool) if secure is None else np.asarray(secure, bool)
    at_risk_arr = np.zeros(shape, bool) if at_risk is None else np.asarray(at_risk, bool)
    ones = np.ones(shape)
    demand_kommun_arr = _strings(demand_kommun, ["K1"] * n_demand)
    place_kommun_arr = _strings(place_kommun, ["K1"] * n_places)
    kommuner = np.unique(np.concatenate([demand_kommun_arr, place_kommun_arr]))
    population = np.asarray(demand_population, dtype=float)
    xy = np.zeros((n_places, 2)) if place_xy_m is None else np.asarray(place_xy_m, float)
    rows, cols = np.nonzero(np.isfinite(minutes))
    return Dataset(
        name="arrays",
        folder=Path(),
        services=services,
        places=Places(
            ids=np.array([f"P{j}" for j in range(n_places)], dtype=str),
            names=np.array([f"Place {j}" for j in range(n_places)], dtype=str),
            kommun_kod=place_kommun_arr,
            kind=np.full(n_places, "tatort", dtype=str),
            population=np.zeros(n_places),
            x_m=xy[:, 0],
            y_m=xy[:, 1],
            lon_deg=np.zeros(n_places),
            lat_deg=np.zeros(n_places),
            urban_radius_km=np.zeros(n_places),
            in_region=np.ones(n_places, bool)
            if place_in_region is None
            else np.asarray(place_in_region, bool),
        ),
        demand=Demand(
            ids=np.array([f"D{i}" for i in range(n_demand)], dtype=str),
            kommun_kod=demand_kommun_arr,
            kind=np.full(n_demand, "grid", dtype=str),
            population=population,
            population_70plus=None
            if population_70plus is None
            else np.asarray(population_70plus, dtype=float),
            x_m=np.zeros(n_demand),
            y_m=np.zeros(n_demand),
            lon_deg=np.zeros(n_demand),
            lat_deg=np.zeros(n_demand),
            modelled=np.zeros(n_demand, bool),
        ),
        points=_points(secure_arr, at_risk_arr, services),
        keep_cost_sek=ones if keep_cost_sek is None else np.asarray(keep_cost_sek, float),
        establish_cost_sek=ones
        if establish_cost_sek is None
        else np.asarray(establish_cost_sek, float),
        travel=TravelTimes(
            demand_index=rows.astype(np.int64),
            place_index=cols.astype(np.int64),
            minutes=minutes[rows, cols],
            n_demand=n_demand,
            n_places=n_places,
            method="matrix",
        ),
        travel_model=TravelModel(),
        kommun_kod=kommuner,
        kommun_names=kommuner,
        kommun_population=np.array([population[demand_kommun_arr == k].sum() for k in kommuner]),
        boundaries={"type": "FeatureCollection", "features": []},
        settings={},
    )
