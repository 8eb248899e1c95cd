"""The WSGI entry for gunicorn (see Procfile): one app from the environment's settings."""

from __future__ import annotations

from dashapp.app import create_app
from dashapp.settings import Settings

server = create_app(Settings.from_env()).server
