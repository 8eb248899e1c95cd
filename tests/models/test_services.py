"""The service registry: defaults, aliases, extension by a region file."""

from __future__ import annotations

from models.scenario import Scenario, default_scenario
from models.services import DEFAULT_REGISTRY, registry_from_settings, service_type_from_dict

CENTRE = {
    "key": "vardcentral",
    "label_sv": "Vårdcentral",
    "label_en": "Health centre",
    "threshold_min": 20,
    "weight": 0.6,
}


def test_default_scenario_follows_the_registry() -> None:
    assert Scenario().service_names == DEFAULT_REGISTRY.keys
    assert Scenario().basket == ("grocery", "parcel", "cash")
    assert default_scenario(DEFAULT_REGISTRY) == Scenario()


def test_aliases_map_a_regions_own_names() -> None:
    aliases = DEFAULT_REGISTRY.by_alias()
    assert aliases["bankomat"] == "cash" and aliases["apotek"] == "pharmacy"
    assert aliases["groceries"] == "grocery"  # the English label works too
    assert DEFAULT_REGISTRY.by_source_category()["pharmacy_osm"] == "pharmacy"


def test_a_region_file_adds_a_service_type() -> None:
    registry, problems = registry_from_settings({"service_types": [CENTRE]}, "region.json")
    assert problems == [] and registry.keys[-1] == "vardcentral"
    scenario = default_scenario(registry)
    assert scenario.settings("vardcentral").threshold_min == 20
    assert "vardcentral" not in scenario.basket


def test_a_region_file_replaces_a_default_by_key() -> None:
    cheaper = {
        "key": "fuel",
        "label_sv": "Drivmedel",
        "label_en": "Fuel",
        "threshold_min": 25,
        "weight": 0.5,
    }
    registry, _ = registry_from_settings({"service_types": [cheaper]}, "region.json")
    assert registry.keys == DEFAULT_REGISTRY.keys
    assert registry.get("fuel").threshold_min == 25


def test_bad_entries_are_problems_not_crashes() -> None:
    _, missing = service_type_from_dict({"key": "x"}, "region.json")
    assert {p.column for p in missing} == {
        "service_types.label_sv",
        "service_types.label_en",
        "service_types.threshold_min",
        "service_types.weight",
    }
    _, wrong = service_type_from_dict({**CENTRE, "weight": "heavy"}, "region.json")
    assert wrong and "invalid value" in wrong[0].message_en
    _, not_object = service_type_from_dict("vardcentral", "region.json")
    assert not_object[0].message_en == "the entry is not an object"
    _, not_list = registry_from_settings({"service_types": {}}, "region.json")
    assert not_list[0].message_en == "must be a list"
