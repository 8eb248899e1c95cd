"""Shared fixtures: the embedded dataset, fixture folders, and headless Chromium options."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from models.dataset import Dataset, load_dataset
from models.paths import EMBEDDED_DATA

# The throwaway PostgreSQL server the storage tests run against (fixture postgres_server)
pytest_plugins = ["tests.pg"]

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "data"
OUTPUT = TESTS.parent / "test-output"


@pytest.fixture(scope="session")
def kronoberg() -> Dataset:
    return load_dataset(EMBEDDED_DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the embedded data folder, for tests that break it on purpose."""
    target = tmp_path / "data"
    shutil.copytree(EMBEDDED_DATA, target)
    return target


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The one app of the test process: Dash binds callbacks to the first app a process
    creates, so callback tests and browser tests share it (tests swap the database path in
    its settings). No tiles: CI has no internet. Its own solution cache: the default folder
    outlives a run, and a second `make test` then read the slow scenarios' answers from the
    first (a background solve's "Beräknar …" came and went before the browser test looked)."""
    from dashapp.app import create_app
    from dashapp.settings import Settings
    from models.paths import embedded_data_dir

    database = tmp_path_factory.mktemp("db") / "scenarios.sqlite3"
    cache = tmp_path_factory.mktemp("cache")
    return create_app(Settings(embedded_data_dir(), database, tile_url="none", cache_dir=cache))


def pytest_setup_options():  # type: ignore[no-untyped-def]
    """Chromium options for dash_duo: headless as root, no network chatter, fixed size."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,800",
    ):
        options.add_argument(flag)
    return options
