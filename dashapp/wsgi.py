"""The WSGI entry for gunicorn (see Procfile): one app from the environment's settings."""

from __future__ import annotations

from dashapp.app import create_app
from dashapp.settings import Settings

app = create_app(Settings.from_env())
# Dash finishes its set-up on a process's first request and flags it done before it is done, so
# with several threads the first requests after a (re)start found no callbacks (HTTP 500, seen
# in benchmarks/bench_faults.py after every worker kill): finish it before serving anyone.
app.server.test_client().get("/_dash-dependencies")
server = app.server
