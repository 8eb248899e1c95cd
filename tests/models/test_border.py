"""Border dependence: people whose nearest point of a service lies outside the region."""

from __future__ import annotations

import numpy as np
import pytest

from models.border import NONE, border_dependence, nearest_places
from models.dataset import Dataset


def test_nearest_place_per_demand_point_with_ties_going_inside() -> None:
    # demand 0: place 1 (outside) at 4 min, place 0 (inside) at 6 -> 1
    # demand 1: places 0 and 1 both at 5 min -> 0 (inside wins a tie)
    # demand 2: no pair -> NONE
    nearest = nearest_places(
        3,
        np.array([0, 0, 1, 1]),
        np.array([1, 0, 1, 0]),
        np.array([4.0, 6.0, 5.0, 5.0]),
        np.array([True, False]),
    )
    assert nearest.tolist() == [1, 0, NONE]


def test_no_pairs_means_no_nearest_place() -> None:
    empty = np.array([], dtype=np.int64)
    found = nearest_places(2, empty, empty, np.array([]), np.array([True]))
    assert found.tolist() == [NONE, NONE]


def test_border_dependence_on_kronoberg_is_recounted_from_the_travel_times(
    kronoberg: Dataset,
) -> None:
    rows = border_dependence(kronoberg, kronoberg.services)
    minutes = kronoberg.travel.dense_minutes()
    people = kronoberg.demand.population
    inside = kronoberg.places.in_region
    for service in kronoberg.services:
        column = kronoberg.service_index(service)
        open_places = (
            kronoberg.points_at("secure")[:, column] | kronoberg.points_at("at_risk")[:, column]
        )
        times = np.where(open_places[None, :], minutes, np.inf)
        best_inside = np.where(inside[None, :], times, np.inf).min(axis=1)
        best_outside = np.where(~inside[None, :], times, np.inf).min(axis=1)
        expected = people[best_outside < best_inside].sum()
        region = next(r for r in rows if r.kommun_kod == "" and r.service == service)
        assert region.people == pytest.approx(expected)
        assert region.population == pytest.approx(people.sum())
        kommuner = [r for r in rows if r.kommun_kod and r.service == service]
        assert sum(r.people for r in kommuner) == pytest.approx(region.people)
        assert sum(p for _, p in region.destinations) == pytest.approx(region.people)
        outside_names = set(kronoberg.places.names[~inside].tolist())
        assert {name for name, _ in region.destinations} <= outside_names
    # the embedded data has people near the border who shop in the next county
    assert any(r.people > 0 for r in rows if r.kommun_kod == "")
