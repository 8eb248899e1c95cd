"""The running app's settings, dataset, saved-scenario storage and solved scenarios.

Settings live in the Flask app's config (set once by ``create_app``). The caches are memo tables
of pure functions (same inputs, same result), not app state: every worker may rebuild them, and
nothing a user does lives here.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import flask

from dashapp import solution_cache
from dashapp.settings import Settings
from dashapp.storage import ScenarioStorage
from models.corrections import apply_corrections
from models.dataset import Dataset, load_dataset
from models.run import run_scenario
from models.scenario import Scenario, default_scenario
from models.solution import Solution

SETTINGS_KEY = "SERVICEKARTAN_SETTINGS"


def settings() -> Settings:
    """The settings the running app was created with (inside a request or app context)."""
    found = flask.current_app.config[SETTINGS_KEY]
    assert isinstance(found, Settings)
    return found


def dataset() -> Dataset:
    return load_dataset(settings().data_dir)


def dataset_for(scenario: Scenario) -> Dataset:
    """The app's dataset as ``scenario``'s data corrections leave it (the shipped data itself
    is never edited)."""
    return apply_corrections(dataset(), scenario.corrections)


def storage() -> ScenarioStorage:
    """The saved-scenario database: ``DATABASE_URL`` when set, else the SQLite file."""
    return ScenarioStorage(settings().database)


def base_scenario() -> Scenario:
    """The region's default scenario: every service type of its registry at its defaults."""
    return default_scenario(dataset().registry)


def read_scenario(data: dict[str, object]) -> Scenario:
    """A scenario from a store or link, with the region's defaults for what it lacks."""
    return Scenario.from_dict(data, base_scenario())


@lru_cache(maxsize=64)
def _solve(folder: str, scenario_json: str, cache_dir: str = "") -> Solution:
    def compute() -> Solution:
        return run_scenario(load_dataset(folder), Scenario.from_json(scenario_json))

    if not cache_dir:
        return compute()
    return solution_cache.shared(cache_dir, folder, scenario_json, compute)


def solve_in(folder: str, scenario: Scenario, cache_dir: Path | None = None) -> Solution:
    """The solution of ``scenario`` on the data in ``folder``, solved once for every name (the
    name changes no figure, and saving a scenario the room has just solved under a new name
    must not solve it again): kept per process, and with ``cache_dir`` shared by every process
    of the machine (dashapp/solution_cache.py)."""
    return _named(folder, scenario.to_json(), str(cache_dir or ""))


@lru_cache(maxsize=64)
def _named(folder: str, scenario_json: str, cache_dir: str) -> Solution:
    scenario = Scenario.from_json(scenario_json)
    solution = _solve(folder, replace(scenario, name="").to_json(), cache_dir)
    return solution if solution.scenario == scenario else replace(solution, scenario=scenario)


def solve(scenario: Scenario) -> Solution:
    """The solution of ``scenario`` on the app's dataset; the same scenario is solved once."""
    return solve_in(str(settings().data_dir), scenario, settings().cache_dir)
