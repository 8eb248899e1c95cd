"""The straight-line travel-time model against values computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from models.travel import TravelModel, modelled_travel_times

MODEL = TravelModel(
    detour_factor_long=1.13,
    detour_factor_short=1.35,
    detour_blend_km=10.0,
    speed_rural_kmh=70.0,
    speed_urban_kmh=30.0,
    access_min=2.0,
    cutoff_min=60.0,
)


def test_road_distance_blends_from_short_to_long_detour() -> None:
    # 10 km straight: factor 1.13 + 0.22 * e^-1 = 1.2109…
    expected = 10 * (1.13 + 0.22 * math.exp(-1))
    assert MODEL.road_km(np.array([10.0]))[0] == pytest.approx(expected)
    assert MODEL.road_km(np.array([1000.0]))[0] == pytest.approx(1130.0, rel=1e-6)


def test_minutes_split_urban_and_rural_parts() -> None:
    # 20 km straight, 3 km urban: road = 20 * (1.13 + 0.22 e^-2) = 23.1954 km
    road_km = 20 * (1.13 + 0.22 * math.exp(-2))
    expected = 2.0 + 60 * 3 / 30 + 60 * (road_km - 3) / 70
    assert MODEL.minutes(np.array([20.0]), np.array([3.0]))[0] == pytest.approx(expected)


def test_same_point_costs_only_access_time() -> None:
    assert MODEL.minutes(np.array([0.0]), np.array([2.0]))[0] == pytest.approx(2.0)


def test_pairs_beyond_cutoff_are_left_out() -> None:
    demand = np.array([[500_000.0, 6_300_000.0], [500_000.0, 6_400_000.0]])
    places = np.array([[505_000.0, 6_300_000.0]])
    times = modelled_travel_times(MODEL, demand, np.zeros(2), places, np.zeros(1))
    assert times.demand_index.tolist() == [0]  # the second point is 100 km away
    road_km = 5 * (1.13 + 0.22 * math.exp(-0.5))
    assert times.minutes[0] == pytest.approx(2.0 + 60 * road_km / 70)
    assert times.within(8.0).toarray().tolist() == [[True], [False]]
    assert times.within(5.0).toarray().tolist() == [[False], [False]]
