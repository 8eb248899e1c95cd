"""The app's dataset and solved scenarios: read-only, cached per folder and per scenario.

The caches are memo tables of pure functions (same inputs, same result), not app state: every
worker may rebuild them, and nothing a user does lives here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import flask

from models.dataset import Dataset, load_dataset
from models.paths import default_data_dir
from models.run import run_scenario
from models.scenario import Scenario
from models.solution import Solution

CONFIG_KEY = "SERVICEKARTAN_DATA"


def data_dir() -> Path:
    """The folder the running app was created with; outside a request, the default one."""
    if flask.has_app_context() and CONFIG_KEY in flask.current_app.config:
        return Path(flask.current_app.config[CONFIG_KEY])
    return default_data_dir()


def dataset() -> Dataset:
    return load_dataset(data_dir())


@lru_cache(maxsize=64)
def _solve(folder: str, scenario_json: str) -> Solution:
    return run_scenario(load_dataset(folder), Scenario.from_json(scenario_json))


def solve(scenario: Scenario) -> Solution:
    """The solution of ``scenario`` on the app's dataset; the same scenario is solved once."""
    return _solve(str(data_dir()), scenario.to_json())
