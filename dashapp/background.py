"""Background solving: which Dash background-callback manager runs the slow work, and what a
background job may read.

- ``DiskcacheManager`` (the default): each job runs in a process forked from the web worker,
  and results, progress and the handles' signing secret live in ``settings.cache_dir``, a
  folder every gunicorn worker of the machine shares. Nothing else to run.
- ``CeleryManager`` when ``REDIS_URL`` is set: jobs go through Redis to Celery workers
  (``celery --app dashapp.worker:celery_app worker``), on this machine or others.

A job runs outside any Flask request or app context (a forked process, a Celery worker), so
``dashapp.data.settings()`` (``flask.current_app``) is out of reach there. Jobs read the
settings from the Dash app this process created instead (``job_settings``): the web process's
app, whose memory a forked job shares, or the one ``dashapp/worker.py`` builds in a Celery
worker from the same environment.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dash

from dashapp.data import SETTINGS_KEY, solve_in
from dashapp.settings import Settings
from models.dataset import Dataset, load_dataset
from models.scenario import Scenario
from models.solution import Solution

# How often the browser asks for a job's progress and result (ms): often enough that a curve
# draws step by step and its end shows soon (at 300 ms a finished curve waited 0.19 s on
# average, one poll in the browser's cycle of about 370 ms), rare enough that polling costs
# the web workers little (each poll is answered in 40–80 ms).
POLL_MS = 200
RESULT_EXPIRY_S = 3600  # Celery's results in Redis (each is read once, then deleted)
STDERR_FD = 2  # a job keeps descriptors 0-2 (close_inherited_sockets)
REDELIVER_AFTER_S = 60  # a job whose worker died goes to another after this (the longest: ~20 s)


def celery_app(redis_url: str) -> Any:
    """A Celery app using Redis as broker and result store.

    A job is acknowledged when it ends, not when it starts: if its worker is killed (SIGKILL,
    a machine lost) Redis hands the job to another worker once ``REDELIVER_AFTER_S`` has
    passed, and the browser, still polling the same job, gets its answer late rather than
    never. A job running longer than that may run twice (both write the same result)."""
    from celery import Celery

    app = Celery("servicekartan", broker=redis_url, backend=redis_url)
    app.conf.update(
        result_expires=RESULT_EXPIRY_S,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        broker_transport_options={"visibility_timeout": REDELIVER_AFTER_S},
        worker_prefetch_multiplier=1,  # a busy worker leaves queued jobs to idle ones
        worker_hijack_root_logger=False,
        broker_connection_retry_on_startup=True,
    )
    return app


def manager_for(settings: Settings) -> Any:
    """Celery on ``settings.redis_url`` when set, else local processes and a disk cache."""
    if settings.redis_url:
        return dash.CeleryManager(celery_app(settings.redis_url))  # type: ignore[no-untyped-call]
    import diskcache

    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    cache = diskcache.Cache(str(settings.cache_dir))
    return JobsWithoutSockets(cache)  # type: ignore[no-untyped-call]


def close_inherited_sockets() -> None:
    """Drop a forked job's copies of the web worker's sockets.

    A job process forked from a gunicorn worker holds every connection the worker had open. When
    the worker then ends a keep-alive connection, the job's copy keeps it open, the browser
    sends its next request on it, and the job's exit resets it (seen under load as "connection
    reset by peer" while background solves ran). A job needs no socket of the worker; closing
    a copy sends nothing. Standard input, output and error stay (under systemd they are
    journald's sockets, and a job may log). Where /proc is missing (not Linux), nothing is
    closed."""
    try:
        descriptors = [int(entry.name) for entry in Path("/proc/self/fd").iterdir()]
    except OSError:
        return
    for descriptor in (d for d in descriptors if d > STDERR_FD):
        try:
            if stat.S_ISSOCK(os.fstat(descriptor).st_mode):
                os.close(descriptor)
        except OSError:
            continue  # gone already (the listing's own descriptor)


def _job_without_sockets(job_fn: Callable[..., Any], *args: Any) -> Any:
    close_inherited_sockets()
    return job_fn(*args)


class JobsWithoutSockets(dash.DiskcacheManager):
    """Dash's ``DiskcacheManager`` whose forked job first closes the worker's sockets."""

    def call_job_fn(self, key: str, job_fn: Any, args: Any, context: Any) -> int:
        from multiprocess import Process  # type: ignore[import-untyped] # Dash's own choice

        progress_key = self._make_progress_key(key)  # type: ignore[no-untyped-call]
        process = Process(
            target=_job_without_sockets, args=(job_fn, key, progress_key, args, context)
        )
        # The job's garbage collections would walk every object the worker holds and so copy
        # its whole heap page by page (copy-on-write); frozen, they walk only the job's own.
        gc.freeze()
        try:
            process.start()
        finally:
            gc.unfreeze()
        return int(process.pid)


def job_settings() -> Settings:
    """The settings of the app this process created (no Flask context needed)."""
    found = dash.get_app().server.config[SETTINGS_KEY]  # type: ignore[no-untyped-call]
    assert isinstance(found, Settings)
    return found


def job_dataset() -> Dataset:
    return load_dataset(job_settings().data_dir)


def job_scenario(data: dict[str, Any]) -> Scenario:
    """A stored scenario with the region's defaults for what it lacks, as
    ``dashapp.data.read_scenario`` reads it in a request."""
    from models.scenario import default_scenario

    return Scenario.from_dict(data, default_scenario(job_dataset().registry))


def job_solve(scenario: Scenario) -> Solution:
    """The solution in a job, through the app's per-process cache: a forked job starts with
    what its web worker had solved, and a Celery worker keeps the last few."""
    return solve_in(str(job_settings().data_dir), scenario, job_settings().cache_dir)


def is_slow(scenario: Scenario) -> bool:
    """Whether the scenario solves in seconds rather than under one: "Lyft sämsta kommunen"
    (maximin, 3 s on the embedded data) or shared-place savings (2 s). These go to the
    background; everything else stays an ordinary callback (0.3–0.6 s), where a background job
    would add its start-up and polling delay. A sharing limit solves in 0.5–1.5 s since its
    anchors are shared between groups (models/sharing.py), so it stays in the request."""
    return scenario.fairness == "maximin" or scenario.colocation_saving_share > 0
