"""The Celery worker's app: ``celery --app dashapp.worker:celery_app worker`` (Procfile).

Dash names each background callback's Celery task by a hash of the callback's source, and a
worker only knows the tasks of callbacks registered in its own process. So the worker builds
the same Dash app as gunicorn does, from the same environment (``REDIS_URL``,
``SERVICEKARTAN_DATA``, ``DATABASE_URL``; dashapp/settings.py), and serves its Celery app.
Jobs then read their settings from that app (``dashapp.background.job_settings``).
"""

from __future__ import annotations

from typing import Any

from dashapp.app import create_app
from dashapp.background import manager_for
from dashapp.settings import Settings


def build() -> Any:
    settings = Settings.from_env()
    if not settings.redis_url:
        raise SystemExit(
            "REDIS_URL is not set: a Celery worker takes its jobs from Redis "
            "(e.g. REDIS_URL=redis://127.0.0.1:6379/0). Without it the web app runs its "
            "background work itself and needs no worker (docs/deploy.md)."
        )
    manager = manager_for(settings)
    create_app(settings, manager)  # registers every background callback as a Celery task
    return manager.handle


celery_app = build()
