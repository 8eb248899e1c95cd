"""Viability: a place below the minimum customer base is never funded, and says by how much."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from models.dataset import Dataset, load_dataset
from models.errors import ScenarioError
from models.paths import embedded_data_dir
from models.run import run_scenario
from models.scenario import Lock, Scenario, default_scenario
from models.services import DEFAULT_REGISTRY
from models.viability import customers_within, shortfalls


@pytest.fixture(scope="module")
def kronoberg() -> Dataset:
    return load_dataset(embedded_data_dir())


def _with_minimum(scenario: Scenario, service: str, people: float) -> Scenario:
    services = tuple(
        replace(s, min_customers=people) if s.service == service else s for s in scenario.services
    )
    return replace(scenario, services=services)


def test_the_customer_base_counts_everyone_within_the_threshold(kronoberg: Dataset) -> None:
    minutes = kronoberg.travel.dense_minutes()
    expected = (kronoberg.demand.population[:, None] * (minutes <= 10.0)).sum(axis=0)
    assert np.allclose(customers_within(kronoberg, 10.0), expected)


def test_the_default_minimum_is_documented_and_kept_by_old_scenario_files() -> None:
    grocery = DEFAULT_REGISTRY.get("grocery")
    assert grocery.min_customers == 100 and "0.5 MSEK" in grocery.min_customers_basis
    old_file = {"services": [{"service": "grocery", "threshold_min": 12}]}
    assert Scenario.from_dict(old_file, default_scenario()).services[0].min_customers == 100
    switched_off = {"services": [{"service": "grocery", "threshold_min": 12, "min_customers": 0}]}
    assert Scenario.from_dict(switched_off, default_scenario()).services[0].min_customers == 0


def test_a_place_below_the_minimum_is_never_funded(kronoberg: Dataset) -> None:
    base = replace(default_scenario(kronoberg.registry), budget_sek=30_000_000)
    strict = _with_minimum(base, "grocery", 1_000)
    short = shortfalls(kronoberg, strict)
    assert short and all(s.customers < 1_000 and s.missing > 0 for s in short)
    short_places = {s.place_id for s in short if s.service == "grocery"}
    funded_before = {
        a.place_id for a in run_scenario(kronoberg, base).actions if a.service == "grocery"
    }
    assert funded_before & short_places, "the generous plan funds some small places"
    funded_now = {
        a.place_id for a in run_scenario(kronoberg, strict).actions if a.service == "grocery"
    }
    assert not funded_now & short_places


def test_locking_in_a_place_below_the_minimum_says_how_many_people_it_has(
    kronoberg: Dataset,
) -> None:
    strict = _with_minimum(default_scenario(kronoberg.registry), "grocery", 1_000)
    place = shortfalls(kronoberg, strict)[0]
    locked = replace(strict, locks=(Lock(place.place_id, "grocery"),))
    with pytest.raises(ScenarioError) as raised:
        run_scenario(kronoberg, locked)
    people = f"{place.customers:,.0f}".replace(",", "\u00a0")
    assert f"{people} personer inom 10 min" in raised.value.message_sv
    assert "minst 1\u00a0000" in raised.value.message_sv
