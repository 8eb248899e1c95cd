"""The Dash application factory. ``dashapp/wsgi.py`` builds the one app for gunicorn.

Importing this module does nothing: ``create_app(settings)`` validates the data, registers the
callbacks and builds the app. Callbacks are declared with ``dash.callback``, which Dash hands
to the first app a process creates, so a process serves one app (as gunicorn workers and the
command line do).
"""

from __future__ import annotations

from typing import Any

import dash

from dashapp import background, layout
from dashapp.data import SETTINGS_KEY
from dashapp.headers import add_security_headers
from dashapp.settings import Settings
from models.dataset import load_dataset
from models.paths import PROJECT_ROOT


def create_app(settings: Settings, manager: Any = None) -> dash.Dash:
    """A Dash app serving ``settings.data_dir`` (validated and loaded now, so bad data fails
    at start rather than on the first request). Background callbacks run on ``manager``, by
    default the one the settings choose (dashapp/background.py)."""
    dataset = load_dataset(settings.data_dir)
    from dash import _callback

    from dashapp import callbacks  # noqa: F401 - importing registers every callback

    if not _callback.GLOBAL_CALLBACK_LIST:  # Dash handed them to an earlier app
        raise RuntimeError(
            "create_app was already called in this process: Dash binds the callbacks to the "
            "first app, so a second one would serve a page that never updates"
        )
    app = dash.Dash(
        __name__,
        title="Servicekartan",
        assets_folder=str(PROJECT_ROOT / "assets"),
        serve_locally=True,
        compress=True,  # gzip: the map layers and bundles shrink about eightfold
        # slow solves, curves and robustness runs: local processes, or Celery on REDIS_URL
        background_callback_manager=manager or background.manager_for(settings),
    )
    app.index_string = app.index_string.replace("<html>", '<html lang="sv">')
    app.server.config[SETTINGS_KEY] = settings
    add_security_headers(app, settings)
    with app.server.app_context():  # Dash calls the layout function once to check it
        app.layout = layout.serve_layout
        app.validation_layout = layout.validation_layout(dataset)  # type: ignore[assignment]
    return app
