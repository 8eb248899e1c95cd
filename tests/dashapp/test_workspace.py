"""Saved scenarios in a real SQLite file, and the comparison views."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import dash
import flask

from dashapp import compare
from dashapp.callbacks import workspace
from dashapp.data import SETTINGS_KEY, dataset, solve
from dashapp.i18n import number
from dashapp.settings import Settings
from dashapp.storage import ScenarioStorage
from models.scenario import Scenario
from models.solution import Solution
from tests.models.helpers import solution_with


def test_saving_twice_under_one_name_keeps_both(app_context: Settings) -> None:
    database = app_context.database_path
    storage = ScenarioStorage(database)
    first = storage.save("Plan A", "d", Scenario(budget_sek=1).to_json(), {"cost_sek": 0})
    second = storage.save("Plan A", "d", Scenario(budget_sek=2).to_json(), {"cost_sek": 0})
    assert first != second
    assert [s.id for s in storage.list("d")] == [first, second]
    reopened = ScenarioStorage(database)  # a new process sees the same file
    assert Scenario.from_json(reopened.get(first).scenario_json).budget_sek == 1
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM scenarios").fetchone()[0] == 2


def test_save_callback_writes_and_bumps_the_list(result) -> None:  # type: ignore[no-untyped-def]
    message, version = workspace.save(1, "Workshop", Scenario().to_dict(), 0, "sv")
    assert version == 1 and "Sparat: Workshop" in str(message)
    items, options, _ = workspace.list_saved(version, "sv")
    assert [o["label"] for o in options] == ["Workshop (#1)"]
    assert "Öppna" in str(items)


def test_a_failed_save_says_so_and_loses_nothing(result, app_context: Settings) -> None:  # type: ignore[no-untyped-def]
    workspace.save(1, "Kept", Scenario().to_dict(), 0, "sv")
    unusable = app_context.database_path.parent / "a-folder-not-a-file"
    unusable.mkdir()
    flask.current_app.config[SETTINGS_KEY] = replace(app_context, database_path=unusable)
    message, _ = workspace.save(1, "Lost", Scenario().to_dict(), 1, "en")
    assert "could not be saved" in str(message) and "No earlier saved scenario" in str(message)
    flask.current_app.config[SETTINGS_KEY] = app_context
    kept = ScenarioStorage(app_context.database_path).list(str(dataset().folder))
    assert [s.name for s in kept] == ["Kept"]


def test_compare_two_saved_scenarios_with_differences(result) -> None:  # type: ignore[no-untyped-def]
    small, large = Scenario(budget_sek=500_000), Scenario(budget_sek=3_000_000)
    for name, scenario in (("Liten", small), ("Stor", large)):
        workspace.save(1, name, scenario.to_dict(), 0, "sv")
    out = workspace.compare_saved([1, 2], None, "sv")
    a, b = solve(small), solve(large)
    grocery = out["rows"][0]
    assert grocery["metric"] == "Dagligvaror"
    difference = b.covered_for("grocery").scenario - a.covered_for("grocery").scenario
    assert difference > 0
    assert grocery["d1"] == difference  # sorts as a number, reads as +1 401
    assert grocery["d1_text"] == "+" + number(difference, "sv")
    assert [c["field"] for c in out["columns"]] == ["metric", "s0", "s1", "d1"]
    headers = [c["headerName"] for c in out["columns"]]
    assert headers[1:] == ["Liten (#1)", "Stor (#2)", "Stor (#2) − Liten (#1)"]
    cost = out["rows"][-1]
    assert cost["s1_text"] == number(b.cost_sek, "sv") + " kr"
    assert cost["d1_text"].endswith(" kr") and cost["d1_text"].startswith("+")
    assert len(out["by_service"].figure["data"]) == 2
    assert len(out["by_kommun"].figure["data"]) == 2
    assert "Stor (#2)" in out["summary"]
    assert out["places"]["status"] and out["demand"]["gained"]  # the map restyles
    fuel = workspace.compare_saved([1, 2], "fuel", "sv")
    assert fuel["rows"] == out["rows"] and fuel["demand"] != out["demand"]


def test_comparison_lines_up_services_by_key_not_position(result) -> None:  # type: ignore[no-untyped-def]
    full = Solution.from_dict(result)
    reordered = solution_with(full, covered=tuple(reversed(full.covered[:2])))
    _, rows = compare.compare_table([("Alla", full), ("Två", reordered)], dataset().registry, "sv")
    by_metric = {r["metric"]: r for r in rows}
    first, second = full.covered[0], full.covered[1]
    assert by_metric["Dagligvaror"]["s1_text"] == number(first.scenario, "sv")
    assert by_metric["Drivmedel"]["s1"] == second.scenario
    assert by_metric["Apotek"]["s1"] is None  # the second scenario has no pharmacy figure
    assert by_metric["Apotek"]["s1_text"] == by_metric["Apotek"]["d1_text"] == "–"


def test_difference_classifies_places_and_people(result) -> None:  # type: ignore[no-untyped-def]
    population = [10.0, 20.0, 30.0]
    base = Solution.from_dict(result)
    a = solution_with(base, places=("X", "Y"), uncovered={"grocery": (0, 1)})
    b = solution_with(base, places=("Y", "Z"), uncovered={"grocery": (1, 2)})
    places, demand, summary = compare.difference([("A", a), ("B", b)], "grocery", population, "en")
    assert places["status"] == {"X": "a_only", "Y": "both", "Z": "b_only"}
    assert (demand["gained"], demand["lost"]) == ([0], [2])
    assert "Reached in B, not in A: 10 people" in summary
    assert "Reached in A, not in B: 30 people" in summary


def test_opening_a_saved_scenario_restores_controls_and_keeps_undo(trigger, result, press) -> None:  # type: ignore[no-untyped-def]
    from dashapp.callbacks import scenario as scenario_callbacks

    saved = Scenario(budget_sek=750_000, mode="self_sufficient")
    workspace.save(1, "Sparad", saved.to_dict(), 0, "sv")
    current = Scenario().to_dict()
    press('{"id":1,"type":"load-saved"}', 1)
    ids = [{"type": "threshold", "service": s.service} for s in saved.services]
    out = scenario_callbacks.update_scenario({}, {}, None, None, ids, current, [], "sv")
    assert Scenario.from_dict(out["scenario"]) == replace(saved, name="Sparad")
    assert out["history"] == [current]
    assert "750000" in str(out["controls"])


def test_a_service_only_one_scenario_has_is_not_compared_person_by_person(result) -> None:  # type: ignore[no-untyped-def]
    base = Solution.from_dict(result)
    without = solution_with(base, uncovered={"grocery": (1,)})
    _, demand, summary = compare.difference(
        [("A", base), ("B", without)], "basket", [1.0] * 3000, "en"
    )
    assert (demand["gained"], demand["lost"]) == ([], [])
    assert summary.startswith("Only one of the scenarios has this service")


def test_a_crafted_save_request_is_refused_with_a_message(app_context: Settings) -> None:
    for name, data in ((["x"], Scenario().to_dict()), ("Ok", ["not", "a", "dict"])):
        message, version = workspace.save(1, name, data, 0, "en")  # type: ignore[arg-type]
        assert "was not saved" in str(message) and version is dash.no_update
    message, version = workspace.save(1, "Plan", {**Scenario().to_dict(), "name": 5}, "x", "sv")  # type: ignore[arg-type]
    assert "Sparat: Plan" in str(message) and version == 1
    assert [
        s.name for s in ScenarioStorage(app_context.database_path).list(str(dataset().folder))
    ] == ["Plan"]


def test_comparing_ignores_crafted_ids_and_caps_how_many(app_context: Settings) -> None:
    for name in ("A", "B"):
        workspace.save(1, name, Scenario().to_dict(), 0, "sv")
    out = workspace.compare_saved([1, "2; DROP TABLE", None, 2.5, True], None, "sv")
    assert out["rows"] == [] and out["summary"] == ""  # one real id: nothing to compare
    assert workspace.compare_saved("1,2", None, "sv") == workspace.EMPTY  # type: ignore[arg-type]
    too_many = workspace.compare_saved(list(range(1, workspace.MAX_COMPARED + 2)), None, "en")
    assert f"at most {workspace.MAX_COMPARED}" in too_many["summary"]
    assert workspace.compare_saved([1, 2], None, "sv")["rows"]  # the real pair still compares


def test_a_long_saved_list_draws_the_newest_and_says_so(app_context: Settings) -> None:
    """Every saved row is several components on the page; a county's months of saving made
    every update slow. The newest ``MAX_LISTED`` are drawn, all can still be compared."""
    names = [f"Plan {k:02d}" for k in range(workspace.MAX_LISTED + 3)]
    for name in names:
        workspace.save(1, name, Scenario(budget_sek=500_000).to_dict(), 0, "sv")
    listed, options, _ = workspace.list_saved(1, "sv")
    text = str(listed)
    assert [o["label"].split(" (#")[0] for o in options] == names  # all comparable
    assert names[-1] in text and names[3] in text and names[2] not in text
    assert f"Visar de {workspace.MAX_LISTED} senaste av {len(names)} sparade" in text
    everything, _, _ = workspace.list_saved(1, "sv", show_all=True)
    assert all(name in str(everything) for name in names) and "Visar de" not in str(everything)
