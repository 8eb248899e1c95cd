"""The four-year plan tab: a person types a yearly budget, presses Planera, reads the years."""

from __future__ import annotations

from typing import Any

from dashapp.callbacks import plan as plan_callbacks
from dashapp.data import dataset
from dashapp.formats import number
from models.plan import run_plan
from models.scenario import Scenario, default_scenario


def _text(component: Any) -> str:
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(_text(c) for c in component)
    children = getattr(component, "children", None)
    return _text(children) if children is not None else ""


def test_the_plan_tab_shows_each_year_with_the_model_s_figures() -> None:
    scenario = default_scenario(dataset().registry)
    out = plan_callbacks.make_plan(1, "1 500 000", "3", scenario.to_dict(), "sv")
    text = _text(out)
    expected = run_plan(dataset(), scenario, [1_500_000] * 3)
    assert len(expected.years) == 3
    for year in expected.years:
        assert number(year.cost_sek, "sv") in text
    assert "Plan över 3 år" in text
    assert all(a.place_name in text for a in expected.actions)


def test_bad_plan_input_is_said_in_swedish_and_nothing_is_planned() -> None:
    scenario = Scenario().to_dict()
    for budget, years in (("-5", 4), ("abc", 4), ("1 000 000", 9), (None, 4), ("2,5e6", 4)):
        out = plan_callbacks.make_plan(1, budget, years, scenario, "sv")
        assert _text(out).startswith("Skriv en budget för varje år (t.ex. 2 500 000")


def test_budgets_are_read_as_a_person_types_them() -> None:
    read = plan_callbacks.yearly_budgets
    assert read("2 550 000", "4", "sv") == [2_550_000] * 4
    assert read("3 mnkr", "2", "sv") == [3_000_000] * 2
    assert read("2 mnkr; 2,5 mnkr; 3 mnkr", "4", "sv") == [2e6, 2.5e6, 3e6]


def test_the_yearly_budget_starts_as_the_scenario_s() -> None:
    scenario = Scenario(budget_sek=750_000).to_dict()
    assert plan_callbacks.default_budget(scenario, None) == "750\u00a0000"
    assert plan_callbacks.default_budget(scenario, "2 mnkr") is plan_callbacks.no_update
