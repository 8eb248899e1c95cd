"""Direct callback calls on the session's one app (tests/conftest.py), with each test's own
SQLite file swapped into its settings."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import dash
import pytest
from dash._callback_context import context_value
from dash._utils import AttributeDict

from dashapp import ids
from dashapp.data import SETTINGS_KEY, dataset, solve
from dashapp.settings import Settings
from models.scenario import default_scenario
from models.solution import Solution


@pytest.fixture(autouse=True)
def app_context(app: dash.Dash, tmp_path: Path) -> Iterator[Settings]:
    """Callbacks called as plain functions see the app's settings, with a fresh database."""
    settings = replace(app.server.config[SETTINGS_KEY], database_path=tmp_path / "saved.sqlite3")
    original = app.server.config[SETTINGS_KEY]
    app.server.config[SETTINGS_KEY] = settings
    with app.server.test_request_context():
        yield settings
    app.server.config[SETTINGS_KEY] = original


@pytest.fixture
def trigger() -> Callable[[Any, Any], None]:
    """Set what ``dash.ctx`` reports as the triggering input for the next direct call."""

    def set_trigger(prop_id: Any, value: Any = 1) -> None:
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": prop_id, "value": value}]))

    return set_trigger


@pytest.fixture
def press() -> Callable[[Any, Any], None]:
    """What ``dash.ctx`` reports when a button reaches the scenario's writer: the press store
    written by assets/controls.js (``pressed``), holding the button's id and its clicks."""

    def set_press(button: Any, n_clicks: Any = 1) -> None:
        pressed = json.loads(button) if isinstance(button, str) else button
        value = {"button": pressed, "n_clicks": n_clicks, "at": 0}
        context_value.set(
            AttributeDict(
                triggered_inputs=[{"prop_id": f"{ids.BUTTON_PRESS}.data", "value": value}]
            )
        )

    return set_press


@pytest.fixture
def solution() -> Solution:
    return solve(default_scenario(dataset().registry))


@pytest.fixture
def result(solution: Solution) -> dict[str, Any]:
    """The result store's content for the default scenario."""
    return solution.to_dict()
