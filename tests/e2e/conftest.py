"""Browser-test fixtures: the app on the embedded data, offline tiles, a fresh SQLite file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import OUTPUT


@pytest.fixture(scope="session")
def browser_app(app):  # type: ignore[no-untyped-def]
    """The session's one app (tests/conftest.py), served to Chromium."""
    return app


@pytest.fixture
def app_duo(dash_duo, browser_app, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The app in headless Chromium, with this test's own saved-scenario file."""
    from dataclasses import replace

    from dashapp.data import SETTINGS_KEY

    config = browser_app.server.config
    config[SETTINGS_KEY] = replace(config[SETTINGS_KEY], database_path=tmp_path / "saved.sqlite3")
    dash_duo.start_server(browser_app)
    try:
        dash_duo.wait_for_element(".sk-kpi", timeout=30)
    except Exception:
        screenshot(dash_duo, "startup_failure")
        print(dash_duo.get_logs())
        raise
    yield dash_duo
    # everything the test drew (map, graphs, tables) must work under the app's CSP
    blocked = [
        e["message"] for e in dash_duo.get_logs() or [] if "Content Security" in e["message"]
    ]
    assert blocked == []


def screenshot(duo, name: str) -> None:  # type: ignore[no-untyped-def]
    OUTPUT.mkdir(exist_ok=True)
    duo.driver.save_screenshot(str(OUTPUT / f"{name}.png"))


def kpi_text(duo, key: str) -> str:  # type: ignore[no-untyped-def]
    return duo.find_element(f'[id=\'{{"key":"{key}","type":"kpi"}}\']').text


# True when the element's centre is where it was on the previous poll and nothing covers it.
_SETTLED = """
const el = arguments[0], previous = arguments[1];
const box = el.getBoundingClientRect();
const x = box.left + box.width / 2, y = box.top + box.height / 2;
const hit = document.elementFromPoint(x, y);
const here = [Math.round(x), Math.round(y)];
return {here: here, clear: hit !== null && (hit === el || el.contains(hit)),
        still: previous !== null && previous[0] === here[0] && previous[1] === here[1]};
"""


def click_when_settled(duo, selector: str, timeout: float = 10) -> None:  # type: ignore[no-untyped-def]
    """Click like a person: once the element has stopped moving (a card sliding in, a map
    zooming) and nothing lies on top of it."""
    element = duo.wait_for_element(selector, timeout=timeout)
    previous = None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = duo.driver.execute_script(_SETTLED, element, previous)
        if state["clear"] and state["still"]:
            element.click()
            return
        previous = state["here"]
        time.sleep(0.1)
    raise AssertionError(f"{selector} never settled where it could be clicked")
