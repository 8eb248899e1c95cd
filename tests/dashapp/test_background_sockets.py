"""A background job forked from a web worker must not keep the worker's connections open
(dashapp/background.py, ``JobsWithoutSockets``): tested with a real fork and a real socket."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path
from typing import Any

import diskcache

from dashapp import background


def _slow_job(_key: str, _progress_key: str, seconds: float, _context: Any) -> None:
    """A job with the arguments Dash's job functions take; it outlives the connection."""
    time.sleep(seconds)


def test_a_connection_the_worker_ends_is_closed_while_a_job_still_runs(tmp_path: Path) -> None:
    manager = background.JobsWithoutSockets(diskcache.Cache(str(tmp_path)))
    worker_end, browser_end = socket.socketpair()  # a keep-alive connection of the worker
    pid = manager.call_job_fn("job", _slow_job, 4.0, {})
    try:
        worker_end.close()  # the worker ends the connection while the job runs
        browser_end.settimeout(2.0)
        # the browser sees it closed now, not when the job ends (then its next request
        # would go out on a connection the job's exit resets)
        assert browser_end.recv(1) == b""
    finally:
        browser_end.close()
        os.waitpid(pid, 0)


def test_a_job_keeps_its_files(tmp_path: Path) -> None:
    # only sockets go: the job still writes its result into the cache folder
    cache = diskcache.Cache(str(tmp_path))
    manager = background.JobsWithoutSockets(cache)

    pid = manager.call_job_fn("job", _writing_job, str(tmp_path), {})
    os.waitpid(pid, 0)
    assert diskcache.Cache(str(tmp_path)).get("written") == "yes"


def _writing_job(_key: str, _progress_key: str, folder: str, _context: Any) -> None:
    diskcache.Cache(folder).set("written", "yes")


def test_a_job_keeps_its_standard_streams_even_when_they_are_sockets(tmp_path: Path) -> None:
    # under systemd, stdout and stderr are journald's sockets: a job may still log
    log, reader = socket.socketpair()
    saved = os.dup(2)
    os.dup2(log.fileno(), 2)
    try:
        pid = background.JobsWithoutSockets(diskcache.Cache(str(tmp_path))).call_job_fn(
            "job", _logging_job, None, {}
        )
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        log.close()
    os.waitpid(pid, 0)
    reader.settimeout(5.0)
    assert b"still heard" in reader.recv(100)


def _logging_job(_key: str, _progress_key: str, _args: Any, _context: Any) -> None:
    os.write(2, b"still heard\n")


def test_a_job_leaves_the_workers_objects_to_the_worker(tmp_path: Path) -> None:
    """The job starts with everything the worker held frozen, so its garbage collections do
    not walk (and copy, page by page) the worker's heap: the forked curve took 3.0–3.2 s in
    the browser, 2.3–2.6 s frozen. The worker itself goes on collecting as before."""
    import gc

    held = [object() for _ in range(1000)]  # the worker's own objects
    pid = background.JobsWithoutSockets(diskcache.Cache(str(tmp_path))).call_job_fn(
        "job", _freeze_job, str(tmp_path), {}
    )
    os.waitpid(pid, 0)
    assert diskcache.Cache(str(tmp_path)).get("frozen") >= len(held)
    assert gc.get_freeze_count() == 0


def _freeze_job(_key: str, _progress_key: str, folder: str, _context: Any) -> None:
    import gc

    diskcache.Cache(folder).set("frozen", gc.get_freeze_count())
