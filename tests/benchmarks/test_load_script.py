"""The pure parts of the load and fault benchmarks: requests built from the app's real
dependency graph and layout (posted back through the app's own test client), the percentile
and summary, and the save audit and checksum comparison."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import dash
import pytest

from benchmarks.load_client import (
    PageState,
    alert_colors,
    build_request,
    find_callback,
    layout_props,
    output_props,
    response_outputs,
    triggers,
)
from benchmarks.load_stats import percentile, summarise
from benchmarks.save_audit import Attempt, audit_saves, changed_rows
from dashapp.data import SETTINGS_KEY
from dashapp.storage import SavedScenario, ScenarioStorage


@pytest.fixture
def client(app: dash.Dash, tmp_path: Path) -> Iterator[Any]:
    """The session's app with this test's own database."""
    original = app.server.config[SETTINGS_KEY]
    app.server.config[SETTINGS_KEY] = replace(original, database_path=tmp_path / "saved.sqlite3")
    yield app.server.test_client()
    app.server.config[SETTINGS_KEY] = original


@pytest.fixture
def page(client: Any) -> tuple[list[dict[str, Any]], PageState]:
    dependencies = client.get("/_dash-dependencies").get_json()
    layout = client.get("/_dash-layout").get_json()
    return dependencies, PageState(layout_props(layout))


def post(client: Any, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    return response_outputs(response.get_json(), body)


def test_a_save_built_from_the_dependency_graph_is_saved(
    client: Any, page: tuple[list[dict[str, Any]], PageState], tmp_path: Path
) -> None:
    dependencies, state = page
    save = find_callback(dependencies, "save-message.children", trigger="save.n_clicks")
    state.values |= {"scenario-name.value": "Byggd begäran", "save.n_clicks": 1}
    answer = post(client, build_request(save, state, ["save.n_clicks"]))
    assert "success" in alert_colors(answer["save-message"]["children"])
    saved = ScenarioStorage(tmp_path / "saved.sqlite3").record().scenarios
    assert [s.name for s in saved] == ["Byggd begäran"]
    sent = state.value("scenario-store", "data")
    assert json.loads(saved[0].scenario_json) == {**sent, "name": "Byggd begäran"}


def test_a_pattern_input_is_filled_from_every_matching_control(
    client: Any, page: tuple[list[dict[str, Any]], PageState]
) -> None:
    dependencies, state = page
    fuel = '{"service":"fuel","type":"threshold"}.value'
    state.values[fuel] = 25.0
    update = find_callback(dependencies, "scenario-store.data", trigger=fuel)
    body = build_request(update, state, [fuel])
    thresholds = next(
        i
        for i in body["inputs"]
        if isinstance(i, list) and i and i[0]["id"].get("type") == "threshold"
    )
    assert len(thresholds) == len(state.matching('{"service":["ALL"],"type":"threshold"}')) > 1
    scenario = post(client, body)["scenario-store"]["data"]
    by_service = {s["service"]: s["threshold_min"] for s in scenario["services"]}
    assert by_service["fuel"] == 25.0
    assert by_service["grocery"] == state.value('{"service":"grocery","type":"threshold"}', "value")


def test_outputs_and_triggers_are_read_like_dash_renderer() -> None:
    output = (
        '..curve-graph.children...error.children@3fa9...{"service":["ALL"],"type":"x"}.hideout..'
    )
    assert output_props(output) == [
        "curve-graph.children",
        "error.children",
        '{"service":["ALL"],"type":"x"}.hideout',
    ]
    pattern = {"id": '{"service":["ALL"],"type":"threshold"}', "property": "value"}
    assert triggers(pattern, '{"service":"fuel","type":"threshold"}.value')
    assert not triggers(pattern, '{"service":"fuel","type":"weight"}.value')
    assert not triggers(pattern, '{"service":"fuel","type":"threshold"}.min')
    assert triggers({"id": "save", "property": "n_clicks"}, "save.n_clicks")


def test_percentile_is_linear_between_ranks() -> None:
    assert percentile([4.0, 1.0, 3.0, 2.0], 50) == 2.5
    assert percentile([float(k) for k in range(1, 21)], 95) == pytest.approx(19.05)
    assert percentile([7.0], 95) == 7.0
    assert math.isnan(percentile([], 50))


def test_summary_counts_failures_but_times_only_successes() -> None:
    summary = summarise("save", [1.0, 2.0, 3.0], errors=2)
    assert (summary.count, summary.errors, summary.median_s, summary.max_s) == (5, 2, 2.0, 3.0)


def test_rows_gone_or_changed_are_named_and_new_rows_are_fine() -> None:
    before = {1: "sha256:a", 2: "sha256:b", 3: "sha256:c"}
    after = {1: "sha256:a", 2: "sha256:x", 4: "sha256:d"}
    assert changed_rows(before, after) == ["row 3 is gone", "row 2 changed"]
    assert changed_rows(before, {**before, 5: "sha256:e"}) == []


def row(number: int, name: str, scenario: dict[str, Any]) -> SavedScenario:
    text = json.dumps({**scenario, "name": name})
    return SavedScenario(number, name, "data", text, {}, "2026-11-27T05:00:00+00:00")


def test_the_audit_finds_lost_duplicated_and_cut_off_saves() -> None:
    sent = {"budget_sek": 1_000_000.0, "name": "Scenario"}
    attempts = [
        Attempt("lt-1", sent, acknowledged=True),
        Attempt("lt-2", sent, acknowledged=True),  # acknowledged, never written
        Attempt("lt-3", sent, acknowledged=False),  # cut off after its commit
        Attempt("lt-4", sent, acknowledged=False),  # cut off before it
        Attempt("lt-5", sent, acknowledged=True),  # written twice
    ]
    rows = [
        row(1, "lt-1", sent),
        row(2, "lt-3", sent),
        row(3, "lt-5", sent),
        row(4, "lt-5", sent),
        row(5, "someone else", sent),
    ]
    audit = audit_saves(rows, attempts, "lt-")
    assert (audit.acknowledged, audit.found) == (3, 1)
    assert (audit.told_not_saved, audit.committed_anyway) == (2, 1)
    assert audit.problems == [
        "lt-2: acknowledged but not in the database",
        "lt-5: 2 rows for one save",
    ]
    assert not audit.sound


def test_the_audit_refuses_a_row_with_other_content() -> None:
    attempt = Attempt("lt-1", {"budget_sek": 1.0}, acknowledged=True)
    audit = audit_saves([row(1, "lt-1", {"budget_sek": 2.0})], [attempt], "lt-")
    assert audit.found == 0
    assert audit.problems == ["lt-1: stored content differs from what was sent"]
    clean = audit_saves([row(1, "lt-1", {"budget_sek": 1.0})], [attempt], "lt-")
    assert clean.sound
