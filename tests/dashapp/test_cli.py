"""The servicekartan command line as a region's analyst uses it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashapp.cli import main
from models.paths import EMBEDDED_DATA
from tests.conftest import FIXTURES


def test_data_check_passes_on_the_embedded_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "check", str(EMBEDDED_DATA)]) == 0
    assert "Inga fel" in capsys.readouterr().out


def test_data_check_lists_problems_and_fails(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demand = pd.read_csv(data_copy / "demand.csv", dtype=str)
    demand.loc[0, "kommun_kod"] = "0999"
    demand.to_csv(data_copy / "demand.csv", index=False)
    assert main(["data", "check", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "demand.csv, rad/row 2, kolumn/column kommun_kod" in out
    assert "okänt värde '0999' / unknown value '0999'" in out


MANIFEST = str(FIXTURES / "source" / "manifest.json")


def test_data_build_from_a_manifest(tmp_path: Path) -> None:
    out = tmp_path / "region"
    assert main(["data", "build", "--manifest", MANIFEST, "--out", str(out)]) == 0
    assert main(["data", "check", str(out)]) == 0


def test_data_build_never_overwrites_a_folder_of_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    assert main(["data", "build", "--manifest", MANIFEST, "--out", str(tmp_path)]) == 1
    assert (tmp_path / "notes.txt").read_text() == "keep me"
    assert "tom mapp" in capsys.readouterr().err


def test_data_build_reports_bad_imports_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = FIXTURES / "imports" / "service_points_bad.csv"
    args = ["data", "build", "--manifest", MANIFEST, "--out", str(tmp_path / "out")]
    assert main([*args, "--service-points", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "utanför Sverige" in err and "outside Sweden" in err


def test_solve_prints_json_with_actions_and_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    scenario = tmp_path / "s.json"
    scenario.write_text('{"budget_sek": 500000, "mode": "self_sufficient"}')
    assert main(["solve", "--scenario", str(scenario), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "optimal"
    assert result["scenario"]["mode"] == "self_sufficient"
    assert result["cost_sek"] <= 500_000
    assert len(result["actions"]) > 0
    assert all("people_only_here" in a and "people_per_msek" in a for a in result["actions"])
    assert result["version"] == 1 and "timings" in result


def test_solve_rejects_an_invalid_scenario_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = tmp_path / "s.json"
    scenario.write_text('{"budget_sek": -5}')
    assert main(["solve", "--scenario", str(scenario)]) == 1
    err = capsys.readouterr().err
    assert "negativ" in err and "negative" in err


def test_curve_and_critical_commands(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["curve", "--budgets", "0,300000,600000", "--json"]) == 0
    curve = json.loads(capsys.readouterr().out)
    assert [s["budget_sek"] for s in curve["steps"]] == [0, 300_000, 600_000]
    assert main(["critical", "--service", "pharmacy", "--top", "3", "--json"]) == 0
    ranked = json.loads(capsys.readouterr().out)
    assert len(ranked) == 3 and {c["service"] for c in ranked} == {"pharmacy"}


def test_closing_points_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Any existing point closes, secure ones included, several at once."""
    import json

    assert main(["critical", "--service", "grocery", "--top", "2", "--json"]) == 0
    two = [c["point_id"] for c in json.loads(capsys.readouterr().out)]
    assert main(["solve", "--json"]) == 0
    base = json.loads(capsys.readouterr().out)
    assert main(["solve", "--json", "--close", two[0], "--close", two[1]]) == 0
    closed = json.loads(capsys.readouterr().out)
    actions = [c["action"] for c in closed["scenario"]["corrections"]]
    assert actions == ["status", "status"]
    today = {c["key"]: c["today"] for c in base["covered"]}
    assert {c["key"]: c["today"] for c in closed["covered"]}["grocery"] < today["grocery"]
    assert main(["solve", "--close", "no-such-point"]) == 1
    assert "no-such-point" in capsys.readouterr().err


def test_stress_closes_the_k_most_critical_together(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["stress", "--k", "4", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert len(result["closed"]) == 4
    losing = sum(x["people_losing"] for x in result["losses"])
    assert losing >= sum(c["people_losing"] for c in result["closed"]) - 1e-6
    assert main(["stress", "--k", "2"]) == 0
    assert "förlorar / lose" in capsys.readouterr().out
