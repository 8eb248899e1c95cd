"""The app's dataset: read-only, loaded once per folder and cached by models.dataset."""

from __future__ import annotations

from pathlib import Path

import flask

from models.dataset import Dataset, load_dataset
from models.paths import default_data_dir

CONFIG_KEY = "SERVICEKARTAN_DATA"


def data_dir() -> Path:
    """The folder the running app was created with; outside a request, the default one."""
    if flask.has_app_context() and CONFIG_KEY in flask.current_app.config:
        return Path(flask.current_app.config[CONFIG_KEY])
    return default_data_dir()


def dataset() -> Dataset:
    return load_dataset(data_dir())
