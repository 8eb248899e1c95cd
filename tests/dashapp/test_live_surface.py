"""Issue 9's live surface, callback by callback: the budget field, the stale and support
marks, the explanations, the difference map's units and colours, the map's layer facts."""

from __future__ import annotations

from typing import Any

import pytest
from dash import no_update

from dashapp import compare, features, ids, style
from dashapp.callbacks import page, scenario, solve
from dashapp.components.status import kpi_help
from dashapp.data import dataset
from dashapp.scenario_form import BudgetProblem, parse_budget, patch_scenario
from models.scenario import Scenario
from models.solution import Solution

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("typed", "sek"),
    [
        ("2 500 000", 2_500_000),
        (f"2{NBSP}500{NBSP}000", 2_500_000),
        ("2500000", 2_500_000),
        ("2,5 mnkr", 2_500_000),
        ("2.5 MSEK", 2_500_000),
        ("500 tkr", 500_000),
        ("2 000 000 kr", 2_000_000),
        (0, 0),
    ],
)
def test_a_budget_is_read_as_a_swede_types_it(typed: Any, sek: float) -> None:
    assert parse_budget(typed, "sv") == sek


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("-500000", "budget_negative"),
        ("\u2212500000", "budget_negative"),
        ("abc", "budget_not_number"),
        ("", "budget_empty"),
        (None, "budget_empty"),
        ("2,5e6", "budget_not_number"),
        ("2,5", "budget_whole_kronor"),
        ("2.500.000", "budget_not_number"),
        ("9" * 20, "budget_too_large"),
        (-1.0, "budget_negative"),
    ],
)
def test_text_that_is_no_budget_is_refused_with_a_reason(typed: Any, why: str) -> None:
    with pytest.raises(BudgetProblem) as problem:
        parse_budget(typed, "sv")
    assert problem.value.key == why


def test_english_groups_thousands_with_commas() -> None:
    assert parse_budget("2,500,000", "en") == 2_500_000
    with pytest.raises(BudgetProblem):
        parse_budget("2,5 mnkr", "en")  # a decimal comma is Swedish only


def test_bad_budget_text_keeps_the_budget_and_says_why(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("budget-input.value", "-500000")
    slider, shown, used, message, invalid = scenario.sync_budget(2e6, "-500000", 2e6, "sv")
    assert (slider, used, invalid) == (no_update, no_update, True)
    assert shown == f"2{NBSP}000{NBSP}000"  # the field shows the budget still in use
    assert "negativ" in message and f"2{NBSP}000{NBSP}000 kr" in message
    _, _, _, english, _ = scenario.sync_budget(2e6, "abc", 2e6, "en")
    assert "“abc” is not used" in english and "2,000,000 SEK" in english
    trigger("budget-input.value", "2,5 mnkr")
    assert scenario.sync_budget(2e6, "2,5 mnkr", 2e6, "sv") == (
        2_500_000,
        f"2{NBSP}500{NBSP}000",
        2_500_000,
        "",
        False,
    )


def test_the_scenario_never_takes_an_unreadable_budget() -> None:
    base = Scenario(budget_sek=1_000_000)
    for value in (-5.0, "abc", float("nan")):
        assert patch_scenario(base, {"budget_sek": value}).budget_sek == 1_000_000
    assert patch_scenario(base, {"budget_sek": 750_000.0}).budget_sek == 750_000


def test_support_is_restricted_by_its_own_control_not_by_the_view() -> None:
    assert scenario.CONTROLS["candidate_kommuner"].component_id == ids.SUPPORT_KOMMUN
    assert scenario.CONTROLS["budget_sek"].component_id == ids.BUDGET_VALUE
    assert ids.KOMMUN not in {i.component_id for i in scenario.CONTROLS.values()}
    text, hidden = page.note_support(Scenario(candidate_kommuner=("0763",)).to_dict(), "sv")
    assert not hidden and "Tingsryd" in text and "0763" not in text
    assert page.note_support(Scenario().to_dict(), "sv") == ("", True)


def test_kpis_and_curve_computed_for_another_scenario_are_marked(result) -> None:  # type: ignore[no-untyped-def]
    current = result["scenario"]
    assert solve.mark_stale(current, result, True, "sv") == ("", "sk-kpi-panel")
    other = Scenario(budget_sek=500_000).to_dict()
    text, css = solve.mark_stale(other, result, False, "sv")
    assert text.startswith("Inaktuellt") and "Beräkna" in text and "sk-stale" in css
    assert solve.mark_curve_stale(current, current, "sv") == ""
    assert solve.mark_curve_stale(current, other, "en").startswith("Out of date")
    assert solve.mark_curve_stale(None, other, "sv") == ""  # no curve yet


def test_the_basket_and_the_comparisons_are_explained_per_approach() -> None:
    registry = dataset().registry
    together = " ".join(str(d.children) for d in kpi_help(Scenario(), registry, "sv"))
    alone = " ".join(
        str(d.children) for d in kpi_help(Scenario(mode="self_sufficient"), registry, "sv")
    )
    assert "Hela korgen" in together and "olika orter" in together
    assert "en och samma ort" in alone and "10 minuter" in alone
    assert "i riskzonen stänger" in together and "byter arbetssätt" in together


def test_min_share_slider_comes_with_its_choice() -> None:
    assert scenario.show_min_share("min_share") == (False, False)
    assert scenario.show_min_share("none") == (True, True)
    changed = patch_scenario(Scenario(), {"min_kommun_share": 80, "colocation_saving_share": 25})
    assert changed.min_kommun_share == 0.8 and changed.colocation_saving_share == 0.25


def test_difference_summary_counts_places_with_a_unit(solution: Solution) -> None:
    other = solve.solve(Scenario(budget_sek=500_000))
    population = [float(p) for p in dataset().demand.population]
    _, _, summary = compare.difference([("A", solution), ("B", other)], "grocery", population, "sv")
    assert " ort" in summary or " orter" in summary
    assert compare.place_count(1, "sv") == "1 ort" and compare.place_count(19, "en") == "19 places"


def test_difference_map_uses_one_colour_per_scenario() -> None:
    assert style.DIFF_DEMAND_COLORS["gained"] == style.DIFF_PLACE_COLORS["b_only"]
    assert style.DIFF_DEMAND_COLORS["lost"] == style.DIFF_PLACE_COLORS["a_only"]


def test_map_layers_have_panes_and_outside_points_are_marked() -> None:
    order = [style.PANES[p] for p in ("sk-demand", "sk-places", "sk-points", "sk-edits")]
    assert order == sorted(order) and style.PANES["sk-demand"] < 400 < style.PANES["sk-places"]
    assert style.place_hideout({}, None)["pane"] == "sk-places"
    assert style.demand_hideout(None)["pane"] == "sk-demand"
    data = dataset()
    points = features.points_geojson(data, "grocery")["features"]
    outside = [f for f in points if f["properties"]["outside"]]
    assert outside and len(outside) < len(points)
    (south, west), (north, east) = features.region_bounds(data)
    (s2, w2), (n2, e2) = features.county_bounds(data)
    assert south <= s2 and west <= w2 and north >= n2 and east >= e2  # borders hold the places
