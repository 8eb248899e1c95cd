"""Scenario files: JSON round trip and clear errors for bad files."""

from __future__ import annotations

import json

import pytest

from models.errors import ScenarioError
from models.scenario import Lock, Scenario, ServiceSettings


def test_round_trip_keeps_every_field() -> None:
    scenario = Scenario(
        name="Workshop Tingsryd",
        budget_sek=1_250_000,
        services=(ServiceSettings("grocery", 12, 1.0, soft_limit_min=20),),
        basket=("grocery",),
        mode="self_sufficient",
        fairness="min_share",
        min_kommun_share=0.8,
        kommun_budget_cap_sek=(("0763", 500_000.0),),
        candidate_kommuner=("0763",),
        locks=(Lock("0763TB103", "grocery", True), Lock("R0005", "grocery", False)),
        max_share_min=8.0,
        colocation_saving_share=0.1,
    )
    text = scenario.to_json()
    assert json.loads(text)["schema_version"] == 1
    assert Scenario.from_json(text) == scenario


def test_defaults_fill_missing_fields() -> None:
    assert Scenario.from_json('{"budget_sek": 500000}') == Scenario(budget_sek=500_000)


@pytest.mark.parametrize(
    "text",
    ["{not json", '{"budgett": 5}', '{"services": [{"service": "grocery"}]}', '{"locks": [1]}'],
)
def test_bad_files_raise_a_scenario_error(text: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_json(text)
    assert caught.value.message_sv and caught.value.message_en


def test_null_fields_take_the_defaults_and_a_partial_basket_follows_the_services() -> None:
    from models.scenario import Scenario

    assert Scenario.from_dict({"basket": None, "services": None}) == Scenario()
    only_grocery = Scenario.from_dict({"services": [{"service": "grocery", "threshold_min": 8}]})
    assert only_grocery.basket == ("grocery",)
    assert Scenario.from_dict({"max_share_min": None}).max_share_min is None


def test_raising_the_worst_kommun_needs_a_weighted_service() -> None:
    # every weight at 0 left maximin nothing to raise: a division by zero in the model
    from models.arrays import dataset_from_arrays
    from models.scenario import validate_scenario

    dataset = dataset_from_arrays([100], [[5.0]])
    services = (ServiceSettings("grocery", 10.0, 0.0),)
    scenario = Scenario(services=services, basket=(), basket_weight=0.0, fairness="maximin")
    with pytest.raises(ScenarioError) as caught:
        validate_scenario(scenario, dataset)
    assert "vikt över 0" in caught.value.message_sv
    assert "weighted above 0" in caught.value.message_en
    validate_scenario(Scenario(services=services, basket=(), basket_weight=0.0), dataset)
