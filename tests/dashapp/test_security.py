"""Untrusted input at the web edge: headers, size limits, links, uploads and saving."""

from __future__ import annotations

import base64
import json
import sqlite3
import zlib
from typing import Any

import dash
import pytest

from dashapp.callbacks import workspace
from dashapp.data import dataset
from dashapp.layout import linked_scenario
from dashapp.scenario_form import MAX_LINK_CHARS, decode_scenario, url_query
from dashapp.settings import Settings
from dashapp.uploads import MAX_UPLOAD_BYTES, check_upload
from models.errors import ScenarioError
from models.scenario import Scenario


def _link(data: object) -> str:
    packed = zlib.compress(json.dumps(data).encode(), 9)
    return base64.urlsafe_b64encode(packed).decode().rstrip("=")


def test_every_response_carries_the_security_headers(app: dash.Dash) -> None:
    client = app.server.test_client()
    for path in ("/", "/_dash-layout", "/assets/map.js"):
        headers = client.get(path).headers
        policy = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"


def test_a_huge_request_body_is_refused_before_it_is_read(app: dash.Dash) -> None:
    response = app.server.test_client().post(
        "/_dash-update-component",
        data=b"x" * (17 * 1024 * 1024),
        content_type="application/json",
    )
    assert response.status_code == 413


def test_tiles_are_allowed_only_from_the_configured_server() -> None:
    from dashapp.headers import tile_origin

    assert tile_origin(Settings.from_env({}).tile_url) == "https://tile.openstreetmap.org"
    assert tile_origin("none") == ""
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == (
        "https://*.tile.example.org"
    )


def test_an_overlong_link_or_a_zip_bomb_is_refused_naming_the_limit() -> None:
    with pytest.raises(ScenarioError, match=f"{MAX_LINK_CHARS:,}"):
        decode_scenario("A" * (MAX_LINK_CHARS + 1))
    bomb = _link({"name": "x" * 2_000_000})
    assert len(bomb) < MAX_LINK_CHARS
    with pytest.raises(ScenarioError, match="64 kB"):
        decode_scenario(bomb)


@pytest.mark.parametrize(
    "data",
    [
        {"budget_sek": "abc"},
        {"locks": [{"place_id": "nowhere", "service": "grocery"}]},
        {"services": [{"service": "bank", "threshold_min": 10}], "basket": []},
    ],
)
def test_a_bad_link_opens_the_default_scenario_with_a_message(data: dict[str, Any]) -> None:
    scenario, message = linked_scenario(_link(data), dataset(), "sv")
    assert scenario == Scenario()
    assert message.startswith("Länken kunde inte öppnas")


def test_a_bad_link_still_gives_the_page(app: dash.Dash) -> None:
    query = f"?lang=en&s={_link({'budget_sek': 'abc'})}"
    response = app.server.test_client().get(
        "/_dash-layout", headers={"Referer": f"http://localhost/{query}"}
    )
    assert response.status_code == 200
    assert b"The link could not be opened" in response.data
    good = url_query(Scenario(budget_sek=750_000), "sv", False)
    ok = app.server.test_client().get("/_dash-layout", headers={"Referer": f"http://x/{good}"})
    assert b"750000" in ok.data and "Länken kunde inte".encode() not in ok.data


@pytest.mark.parametrize(
    "contents",
    [None, 42, "no comma", "data:text/csv;base64,@@@not-base64@@@", "data:x;base64," + "A" * 17],
)
def test_crafted_upload_payloads_get_a_message(contents: object) -> None:
    rows, problems = check_upload("service_points", contents, "<b>x</b>.csv", dataset())
    assert rows == 0 and problems
    assert problems[0].file == "<b>x</b>.csv"  # shown as text by Dash components


def test_an_oversized_upload_is_refused_before_it_is_parsed() -> None:
    big = "data:text/csv;base64," + base64.b64encode(b"a" * (MAX_UPLOAD_BYTES + 10)).decode()
    _, problems = check_upload("population_grid", big, "stor.csv", dataset())
    assert "10 MB" in problems[0].message_en


def test_an_unknown_upload_kind_is_refused() -> None:
    payload = "data:text/csv;base64," + base64.b64encode(b"a;b\n1;2\n").decode()
    _, problems = check_upload("<script>", payload, "f.csv", dataset())
    assert problems[0].message_en == "unknown kind of file"


def test_saving_checks_the_scenario_and_stores_nothing_bad(app_context: Settings) -> None:
    message, version = workspace.save(1, "Trasig", {"budget_sek": "abc"}, 0, "en")
    assert version is dash.no_update and "was not saved" in str(message)
    message, version = workspace.save(1, "x" * 81, Scenario().to_dict(), 0, "en")
    assert version is dash.no_update and "80 characters" in str(message)
    _, options, _ = workspace.list_saved(0, "sv")
    assert options == []


def test_saved_figures_come_from_the_server_not_the_browser(app_context: Settings) -> None:
    from dashapp.data import solve

    workspace.save(1, "Plan", Scenario(budget_sek=500_000).to_dict(), 0, "sv")
    with sqlite3.connect(app_context.database_path) as connection:
        stored = json.loads(connection.execute("SELECT summary_json FROM scenarios").fetchone()[0])
    assert stored["cost_sek"] == solve(Scenario(budget_sek=500_000)).cost_sek


def test_a_damaged_row_does_not_break_the_list(app_context: Settings) -> None:
    workspace.save(1, "Bra", Scenario().to_dict(), 0, "sv")
    with sqlite3.connect(app_context.database_path) as connection:
        connection.execute(
            "INSERT INTO scenarios (name, dataset, scenario_json, summary_json, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            ("Trasig", str(app_context.data_dir), '{"budget_sek": "abc"}', "not json", "2026"),
        )
    items, options, _ = workspace.list_saved(1, "sv")
    assert [o["label"] for o in options] == ["Bra (#1)"]
    assert "Trasig (#2) kan inte läsas" in str(items)


def test_a_crafted_export_request_downloads_nothing(trigger, result) -> None:  # type: ignore[no-untyped-def]
    from dashapp.callbacks.exports import download

    trigger('{"kind":"<script>","type":"export"}.n_clicks', 1)
    assert download([1], result, "sv") is dash.no_update
    trigger('{"kind":"csv","type":"export"}.n_clicks', 1)
    assert download([1], {"version": "forged"}, "sv") is dash.no_update
    assert download([1], result, "sv")["filename"].endswith(".csv")


def test_the_name_limit_is_the_inputs_limit_and_the_saves() -> None:
    from dashapp.components.workspace import workspace_tab
    from dashapp.scenario_form import MAX_SAVED_NAME_CHARS

    tab = str(workspace_tab(dataset(), "sv"))
    assert f"maxLength={MAX_SAVED_NAME_CHARS}" in tab
    assert workspace.MAX_SAVED_NAME_CHARS == MAX_SAVED_NAME_CHARS == 80
