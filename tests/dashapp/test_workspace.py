"""Saved scenarios in a real SQLite file, and the comparison views."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from dashapp import compare
from dashapp.callbacks import workspace
from dashapp.data import dataset, solve
from dashapp.i18n import number
from dashapp.present import solution_payload
from dashapp.storage import ScenarioStorage
from models.scenario import Scenario


def test_saving_twice_under_one_name_keeps_both(database: Path) -> None:
    storage = ScenarioStorage()
    first = storage.save("Plan A", "d", Scenario(budget_sek=1).to_json(), {"cost_sek": 0})
    second = storage.save("Plan A", "d", Scenario(budget_sek=2).to_json(), {"cost_sek": 0})
    assert first != second
    assert [s.id for s in storage.list("d")] == [first, second]
    reopened = ScenarioStorage()  # a new process sees the same file
    assert Scenario.from_json(reopened.get(first).scenario_json).budget_sek == 1
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM scenarios").fetchone()[0] == 2


def test_save_callback_writes_and_bumps_the_list(payload) -> None:  # type: ignore[no-untyped-def]
    message, version = workspace.save(1, "Workshop", Scenario().to_dict(), payload, 0, "sv")
    assert version == 1 and "Sparat: Workshop" in str(message)
    items, options = workspace.list_saved(version, "sv")
    assert [o["label"] for o in options] == ["Workshop (#1)"]
    assert "Öppna" in str(items)


def test_a_failed_save_says_so_and_loses_nothing(payload, database: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    workspace.save(1, "Kept", Scenario().to_dict(), payload, 0, "sv")
    unusable = database.parent / "a-folder-not-a-file"
    unusable.mkdir()
    monkeypatch.setenv("SERVICEKARTAN_DB", str(unusable))
    message, _ = workspace.save(1, "Lost", Scenario().to_dict(), payload, 1, "en")
    assert "could not be saved" in str(message) and "No earlier saved scenario" in str(message)
    monkeypatch.setenv("SERVICEKARTAN_DB", str(database))
    assert [s.name for s in ScenarioStorage().list(str(dataset().folder))] == ["Kept"]


def test_compare_two_saved_scenarios_with_differences(payload) -> None:  # type: ignore[no-untyped-def]
    small, large = Scenario(budget_sek=500_000), Scenario(budget_sek=3_000_000)
    for name, scenario in (("Liten", small), ("Stor", large)):
        workspace.save(1, name, scenario.to_dict(), payload, 0, "sv")
    columns, rows, by_service, by_kommun, diff_map, summary = workspace.compare_saved([1, 2], "sv")
    a = solution_payload(dataset(), solve(small))
    b = solution_payload(dataset(), solve(large))
    grocery = rows[0]
    assert grocery["metric"] == "Dagligvaror"
    difference = b["covered"][0]["scenario"] - a["covered"][0]["scenario"]
    assert difference > 0
    assert grocery["d1"] == "+" + number(difference, "sv")
    assert [c["id"] for c in columns] == ["metric", "s0", "s1", "d1"]
    assert len(by_service.figure["data"]) == 2 and len(by_kommun.figure["data"]) == 2
    assert "Stor (#2)" in summary
    assert diff_map is not None


def test_difference_classifies_places_and_people() -> None:
    population = [10.0, 20.0, 30.0]
    a = {"actions": [{"place_id": "X"}, {"place_id": "Y"}], "uncovered": {"grocery": [0, 1]}}
    b = {"actions": [{"place_id": "Y"}, {"place_id": "Z"}], "uncovered": {"grocery": [1, 2]}}
    places, demand, summary = compare.difference([("A", a), ("B", b)], "grocery", population, "en")
    assert places["status"] == {"X": "a_only", "Y": "both", "Z": "b_only"}
    assert demand == {"gained": [0], "lost": [2]}
    assert "Reached in B, not in A: 10 people" in summary
    assert "Reached in A, not in B: 30 people" in summary


def test_opening_a_saved_scenario_restores_controls_and_keeps_undo(trigger, payload) -> None:  # type: ignore[no-untyped-def]
    from dashapp.callbacks import scenario as scenario_callbacks

    saved = Scenario(budget_sek=750_000, mode="self_sufficient")
    workspace.save(1, "Sparad", saved.to_dict(), payload, 0, "sv")
    current = Scenario().to_dict()
    trigger('{"id":1,"type":"load-saved"}.n_clicks', 1)
    panel, history, data, locks = scenario_callbacks.open_saved([1], current, [], "sv")
    assert Scenario.from_dict(data) == replace(saved, name="Sparad")
    assert history == [current] and locks == []
    assert "750000" in str(panel)
