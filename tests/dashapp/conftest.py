"""Helpers to call Dash callbacks directly, as plain functions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from dash._callback_context import context_value
from dash._utils import AttributeDict

from dashapp.data import dataset, solve
from dashapp.present import solution_payload
from models.scenario import Scenario


@pytest.fixture
def trigger() -> Callable[[str, Any], None]:
    """Set what ``dash.ctx`` reports as the triggering input for the next direct call."""

    def set_trigger(prop_id: str, value: Any = 1) -> None:
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": prop_id, "value": value}]))

    return set_trigger


@pytest.fixture
def payload() -> dict[str, Any]:
    return solution_payload(dataset(), solve(Scenario()))


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "scenarios.sqlite3"
    monkeypatch.setenv("SERVICEKARTAN_DB", str(path))
    return path
