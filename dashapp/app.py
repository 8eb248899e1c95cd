"""The Dash application; ``server`` is the WSGI entry for gunicorn (see Procfile)."""

from __future__ import annotations

from pathlib import Path

import dash

from dashapp import layout
from dashapp.data import CONFIG_KEY
from models.dataset import load_dataset
from models.paths import PROJECT_ROOT, default_data_dir


def create_app(data_dir: Path | str | None = None) -> dash.Dash:
    """A Dash app serving ``data_dir`` (validated and loaded now, so bad data fails at start)."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    load_dataset(folder)
    from dashapp import callbacks  # noqa: F401 - importing registers every callback

    app = dash.Dash(
        __name__,
        title="Servicekartan",
        assets_folder=str(PROJECT_ROOT / "assets"),
        serve_locally=True,
        compress=True,  # gzip: the map layers and bundles shrink about eightfold
        suppress_callback_exceptions=True,
    )
    app.index_string = app.index_string.replace("<html>", '<html lang="sv">')
    app.server.config[CONFIG_KEY] = str(folder)
    app.layout = layout.serve_layout
    return app


app = create_app()
server = app.server
