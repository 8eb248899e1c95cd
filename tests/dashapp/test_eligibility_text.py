"""Eligibility in words: short lines for the table, details for the card, rows for exports."""

from __future__ import annotations

import re

import pytest

from dashapp import formats
from dashapp.eligibility_text import (
    ELIGIBILITY_TEXT,
    condition_text,
    eligibility_cell,
    eligibility_details,
    eligibility_line,
    eligibility_rows,
    rule_text,
    source_text,
)
from models import eligibility as rules
from models.dataset import Dataset, load_dataset
from models.eligibility import (
    SCHEME_BY_KEY,
    SCHEMES,
    Condition,
    Eligibility,
    judge,
    point_eligibility,
)
from models.paths import embedded_data_dir


@pytest.fixture(scope="module")
def kronoberg() -> Dataset:
    return load_dataset(embedded_data_dir())


def _driftstod(distance_km: float, own: str = "met") -> Eligibility:
    status = "not_met" if distance_km <= rules.DRIFTSTOD_DISTANCE_KM else "met"
    conditions = (
        Condition("distance_full_range_km", status, distance_km, 10.0, "km", "ICA Nära Byn"),
        Condition("own_full_range", own),
        Condition("turnover_msek", "unknown", None, 0.5, "msek"),
        Condition("opening_hours", "unknown", None, 40.0, "hours_per_week"),
    )
    return Eligibility("driftstod", judge(conditions), conditions, "source")


def test_an_unknown_outcome_names_what_is_unknown() -> None:
    assert eligibility_line(_driftstod(14.3), "sv") == (
        "Särskilt driftstöd: möjligt – villkor okända: omsättning, öppettider"
    )
    assert eligibility_line(_driftstod(14.3, own="unknown"), "en") == (
        "Special operating support: possible – unknown conditions: own range, turnover, "
        "opening hours"
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_failed_rule_shows_the_distance_and_the_limit(language: str) -> None:
    line = eligibility_line(_driftstod(6.2), language)
    km = formats.number(6.2, language, 1)
    assert line.startswith("Särskilt driftstöd: ej aktuellt – " if language == "sv" else "Special")
    assert f"{km} km" in line
    assert "> 10 km" in line
    assert ("6,2" in line) == (language == "sv")


def test_the_card_names_the_nearest_shop_and_gives_rule_and_source() -> None:
    details = eligibility_details(_driftstod(6.2), "sv")
    assert "ICA Nära Byn" in details[1]
    assert details[-1] == "Källa: " + SCHEME_BY_KEY["driftstod"].source + " (2026)"
    assert formats.money(370_000.0, "sv") in details[-2]
    assert "ICA Nära Byn" not in eligibility_line(_driftstod(6.2), "sv")


def test_rules_are_written_from_the_models_limits() -> None:
    swedish = rule_text("driftstod", "sv")
    for value in (rules.DRIFTSTOD_DISTANCE_KM, rules.DRIFTSTOD_HOURS_PER_WEEK):
        assert formats.number(value, "sv") in swedish
    assert formats.number(rules.INVESTMENT_POPULATION, "sv") in rule_text("investment", "sv")
    assert formats.number(rules.PHARMACY_DISTANCE_KM, "en") in rule_text("pharmacy_grant", "en")
    servicebidrag = rule_text("servicebidrag", "sv")
    assert formats.money(250_000.0, "sv") in servicebidrag
    assert formats.money(300_000.0, "sv") in servicebidrag
    assert "3 år" in servicebidrag
    assert source_text("servicebidrag", "en").startswith("Source: Tillväxtverket")


def test_every_text_has_both_languages_with_the_same_placeholders() -> None:
    for key, (swedish, english) in ELIGIBILITY_TEXT.items():
        assert swedish and english, key
        assert set(re.findall(r"{(\w+)}", swedish)) == set(re.findall(r"{(\w+)}", english)), key
    assert all(scheme.rule_key in ELIGIBILITY_TEXT for scheme in SCHEMES)


def test_a_service_without_a_scheme_says_so() -> None:
    assert eligibility_cell((), "sv") == "inget stöd för den här tjänsten"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_kronoberg_outcome_reads_without_gaps(kronoberg: Dataset, language: str) -> None:
    shown_statuses = set()
    for k in range(len(kronoberg.points)):
        found = point_eligibility(kronoberg, k)
        lines = [eligibility_cell(found, language)]
        for eligibility in found:
            lines += eligibility_details(eligibility, language)
            shown_statuses.add(eligibility.status)
        for row in eligibility_rows(found, language):
            assert row["status"] in ("eligible", "not_eligible", "unknown_conditions")
            lines += row.values()
        assert all("{" not in line and "None" not in line for line in lines)
    assert shown_statuses == {"eligible", "not_eligible", "unknown_conditions"}


def test_unknown_figures_are_words_never_numbers(kronoberg: Dataset) -> None:
    grocery = next(
        k
        for k in range(len(kronoberg.points))
        if kronoberg.points.service[k] == "grocery"
        and kronoberg.places.in_region[kronoberg.points.place_index[k]]
    )
    driftstod = point_eligibility(kronoberg, grocery)[0]
    turnover = next(c for c in driftstod.conditions if c.name == "turnover_msek")
    assert turnover.status == "unknown"
    assert condition_text(turnover, "sv", "driftstod").startswith("omsättning okänd")
    row = eligibility_rows((driftstod,), "sv")[0]
    assert "omsättning" in row["unknown"] and "öppettider" in row["unknown"]
