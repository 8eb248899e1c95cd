"""``servicekartan plan`` end to end: JSON that reads back as a Plan, text in both languages,
and flags that disagree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashapp.cli import main
from models.plan import Plan

BUDGETS = [300_000.0, 800_000.0, 800_000.0]


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    path = tmp_path / "tingsryd.json"
    path.write_text(json.dumps({"name": "Tingsryd", "candidate_kommuner": ["0763"]}))
    return path


def test_plan_json_reads_back_and_keeps_every_budget(
    scenario_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    budgets = ",".join(f"{b:.0f}" for b in BUDGETS)
    assert main(["plan", "--budgets", budgets, "--scenario", str(scenario_file), "--json"]) == 0
    plan = Plan.from_dict(json.loads(capsys.readouterr().out))
    assert plan.budgets_sek == tuple(BUDGETS)
    assert plan.method == "nested" and plan.scenario.name == "Tingsryd"
    assert all(y.cost_sek <= y.budget_sek + 1e-6 for y in plan.years)
    assert plan.actions and {a.kommun_kod for a in plan.actions} == {"0763"}
    assert plan.people_years > plan.baseline_people_years


def test_plan_text_in_swedish_and_english(
    scenario_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["plan", "--budget-per-year", "400000", "--years", "2", "--scenario", str(scenario_file)]
    assert main(args) == 0
    swedish = capsys.readouterr().out
    assert "Plan över 2 år" in swedish and "Startår" in swedish
    assert "400\u00a0000" in swedish  # Swedish thousands
    assert main([*args, "--language", "en", "--method", "exact"]) == 0
    english = capsys.readouterr().out
    assert "Plan over 2 years, exact multi-year model: optimal" in english
    assert "400,000" in english and "Start year" in english


def test_plan_flags_that_disagree_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--budgets", "1,2,3", "--years", "2"]) == 1
    assert "--budgets" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["plan", "--years", "0"])
    with pytest.raises(SystemExit):
        main(["plan", "--budget-per-year", "-5"])
