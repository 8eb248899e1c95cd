"""Untrusted input in the browser. Names from a data file are text, never markup: a place and
a service point named with HTML show literally in tooltips and the place card, and no script
runs (the app runs on the hostile data in its own process: one Dash app per process). A damaged
or oversized shared link opens the default scenario with a message that stays until dismissed."""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import zlib
from pathlib import Path

import pandas as pd
import pytest
from selenium.webdriver.common.action_chains import ActionChains

from models.paths import PROJECT_ROOT, embedded_data_dir
from tests.e2e.conftest import screenshot


def _csp_violations(duo) -> list[str]:  # type: ignore[no-untyped-def]
    return [e["message"] for e in duo.get_logs() or [] if "Content Security" in e["message"]]


pytestmark = pytest.mark.e2e
PORT = 8061
PLACE = '<img src=x onerror="window.__pwned=1">Växjö'
POINT = "<b>fet</b> ICA <script>window.__pwned=2</script>"


def _hostile_folder(tmp_path: Path) -> tuple[Path, str]:
    """A copy of the embedded data with HTML in Växjö's name and its shops' names, and the id
    of one such shop."""
    folder = tmp_path / "data"
    shutil.copytree(embedded_data_dir(), folder)
    places = pd.read_csv(folder / "places.csv", dtype=str, keep_default_na=False)
    places.loc[places["name"] == "Växjö", "name"] = PLACE
    places.to_csv(folder / "places.csv", index=False)
    points = pd.read_csv(folder / "service_points.csv", dtype=str, keep_default_na=False)
    in_vaxjo = (points["service"] == "grocery") & (points["place_id"] == "0780TC110")
    points.loc[in_vaxjo, "name"] = POINT
    points.to_csv(folder / "service_points.csv", index=False)
    return folder, str(points.loc[in_vaxjo, "point_id"].iloc[0])


def _wait_for_server(process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=5):
                return
        except OSError:
            assert process.poll() is None, "the server exited"
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.5)


def _hover(duo, selector: str) -> str:  # type: ignore[no-untyped-def]
    """The tooltip text a marker shows under the pointer. Markers can lie on top of each other
    in a town, so the pointer event goes to the marker itself rather than to a screen spot."""
    marker = duo.wait_for_element(selector, timeout=20)
    ActionChains(duo.driver).move_to_element(marker).perform()
    duo.driver.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", marker
    )
    duo.wait_for_element(".leaflet-tooltip", timeout=10)
    # the pointer may rest on a service point drawn on the place; the marker's own tooltip is
    # the one its mouseover opened last
    text = str(duo.find_elements(".leaflet-tooltip")[-1].text)
    duo.driver.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('mouseout', {bubbles: true}))", marker
    )
    return text


def test_html_in_names_is_shown_as_text_and_runs_nothing(dash_duo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "SERVICEKARTAN_TILE_URL": "none",
        "SERVICEKARTAN_DB": str(tmp_path / "saved.sqlite3"),
    }
    folder, shop = _hostile_folder(tmp_path)
    command = [sys.executable, "-m", "dashapp.cli", "serve", "--port", str(PORT)]
    process = subprocess.Popen(
        [*command, "--data", str(folder)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for_server(process)
        dash_duo.driver.get(f"http://127.0.0.1:{PORT}/")
        dash_duo.wait_for_element(".sk-kpi", timeout=60)
        assert POINT in _hover(dash_duo, f"#map .sk-pid-{shop}")
        assert PLACE in _hover(dash_duo, "#map .sk-id-0780TC110")
        # click the circle's left edge: the layer list covers its centre in this window
        town = dash_duo.driver.find_element("css selector", "#map .sk-id-0780TC110")
        height = town.size["height"]
        ActionChains(dash_duo.driver).move_to_element_with_offset(
            town, 6, height // 2
        ).click().perform()
        dash_duo.wait_for_text_to_equal("#place-card .offcanvas-title", PLACE, timeout=20)
        screenshot(dash_duo, "hostile_names")
        state = dash_duo.driver.execute_script(
            "return {pwned: window.__pwned === undefined,"
            " images: document.querySelectorAll('img[src=\"x\"]').length,"
            " bold: document.querySelectorAll('b').length,"
            " scripts: [...document.scripts].filter(s => !s.type.includes('json')"
            " && s.text.includes('__pwned')).length}"
        )
        assert state == {"pwned": True, "images": 0, "bold": 0, "scripts": 0}
        assert _csp_violations(dash_duo) == []
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _link(data: object) -> str:
    packed = zlib.compress(json.dumps(data).encode(), 9)
    return base64.urlsafe_b64encode(packed).decode().rstrip("=")


@pytest.mark.parametrize(
    ("link", "reason"),
    [
        (_link({"budget_sek": "abc"}), "budget_sek: Input should be a valid number"),
        (_link({"name": "x" * 2_000_000}), "64 kB"),  # a zip bomb: 2 MB of JSON, 2.6 kB link
        ("A" * 4_001, "limit of 4,000 characters"),
    ],
    ids=["wrong-type", "zip-bomb", "too-long"],
)
def test_a_bad_link_opens_the_default_with_a_lasting_message(app_duo, link, reason) -> None:  # type: ignore[no-untyped-def]
    app_duo.driver.get(f"{app_duo.server_url}/?lang=en&s={link}")
    app_duo.wait_for_element(".sk-kpi", timeout=30)  # the first solve has answered
    notice = app_duo.wait_for_element("#link-error", timeout=10)
    assert "The link could not be opened" in notice.text and reason in notice.text
    assert app_duo.find_element("#budget-input").get_attribute("value") == "2,000,000"  # English
    time.sleep(2)  # the notice used to vanish when the first solve wrote the error alert
    assert app_duo.find_element("#link-error").is_displayed()
    screenshot(app_duo, "bad_link")
    app_duo.find_element("#link-error .btn-close").click()
    app_duo.wait_for_no_elements("#link-error", timeout=10)
