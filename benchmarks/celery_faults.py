"""Part (b) of the fault benchmark: SIGKILL of a Celery worker in the middle of a background
budget curve, 10 rounds. The script plays the supervisor (systemd, a Procfile runner) and
starts a new worker after each kill; it checks that the killed job's client gets a failure or
a retry and never a wrong result, and that the next curve succeeds on the new worker.

Everything runs on 127.0.0.1: a throwaway ``redis-server`` (no persistence), gunicorn and one
Celery worker with ``REDIS_URL`` pointing at it.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from benchmarks.load_client import CallbackError, Session
from benchmarks.loopback import app_environment, children, free_port, gunicorn
from models.paths import PROJECT_ROOT

CURVE = ("curve-graph.children",)
CURVE_BUTTON = "curve-button.n_clicks"
WORKER_APP = "dashapp.worker:celery_app"  # dashapp/worker.py, the Procfile's worker line
# How long the killed job's client polls before calling it failed: the app has Redis hand a
# killed worker's job to another after a 60 s visibility timeout (docs/deploy.md), and Redis
# looks for such jobs about once a minute
KILLED_JOB_WAIT_S = 240.0
WORKER_READY_S = 60.0


def missing() -> list[str]:
    """What this machine lacks for part (b); empty when it can run."""
    gaps = []
    if shutil.which("redis-server") is None:
        gaps.append("redis-server is not installed (Debian: apt-get install redis-server)")
    if importlib.util.find_spec("celery") is None:
        gaps.append("celery is not installed in .venv (pip install 'dash[celery]')")
    if importlib.util.find_spec("redis") is None:
        gaps.append("the redis client is not installed in .venv (pip install redis)")
    if not (PROJECT_ROOT / "dashapp" / "worker.py").exists():
        gaps.append("dashapp/worker.py (the Celery app) does not exist")
    return gaps


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A throwaway Redis on a free loopback port, nothing written to disk; its URL."""
    port = free_port()
    command = [
        "redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no", "--dir", str(folder),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def start_worker(folder: Path, redis_url: str) -> subprocess.Popen[bytes]:
    """One Celery worker with one process, as the Procfile's ``worker`` line starts it."""
    command = [
        sys.executable, "-m", "celery", "--app", WORKER_APP, "worker",
        "--concurrency", "1", "--loglevel", "WARNING",
    ]  # fmt: skip
    log = (folder / "celery.log").open("ab")
    return subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=app_environment(folder, {"REDIS_URL": redis_url}),
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def kill_pool(worker: subprocess.Popen[bytes]) -> None:
    """SIGKILL to the pool process running the job only; the worker's main process stays
    and forks a new one (no supervisor needed)."""
    for pid in children(worker.pid):
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def kill_worker(worker: subprocess.Popen[bytes]) -> None:
    """SIGKILL to the worker and its pool process (the pool child would linger otherwise)."""
    pool = children(worker.pid)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    for pid in pool:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


@dataclass
class CurveOutcome:
    ok: bool
    wrong: bool
    seconds: float
    detail: str


def curve(
    session: Session,
    clicks: int,
    kill: subprocess.Popen[bytes] | None,
    how: Callable[[subprocess.Popen[bytes]], None] = kill_worker,
) -> CurveOutcome:
    """Press "Budgetkurva" and wait for the curve; with ``kill``, that worker is killed
    (``how``) one second into the job, from another thread while the client polls."""
    sent = session.page.value("scenario-store", "data")
    session.page.values[CURVE_BUTTON] = clicks
    if kill is not None:
        threading.Timer(1.0, how, args=(kill,)).start()
    session.job_timeout_s = KILLED_JOB_WAIT_S if kill is not None else WORKER_READY_S
    started = time.perf_counter()
    try:
        answer = session.call(CURVE, [CURVE_BUTTON])
    except CallbackError as error:
        return CurveOutcome(False, False, time.perf_counter() - started, str(error))
    seconds = time.perf_counter() - started
    asked = answer.get("curve-scenario-store", {}).get("data")
    wrong = asked is not None and asked != sent
    ok = bool(answer.get("curve-graph", {}).get("children")) and not wrong
    return CurveOutcome(ok, wrong, seconds, "" if ok else f"answer without a curve: {answer}"[:200])


def rounds(
    url: str,
    folder: Path,
    redis_url: str,
    workers: list[subprocess.Popen[bytes]],
    args: argparse.Namespace,
) -> list[tuple[CurveOutcome, CurveOutcome]]:
    """A curve on a fresh worker, then per round: a curve whose worker (or only its pool
    process, ``args.celery_kill``) is killed one second in, the supervisor's restart of a
    killed worker, and the next curve. ``workers`` ends with the live one."""
    session = Session(url)
    session.load_page()
    warm = curve(session, 1, None)  # answered once the worker has loaded the app
    print(f"first curve: ok {warm.ok} in {warm.seconds:.1f} s {warm.detail}", flush=True)
    outcomes = []

    def supervised(worker: subprocess.Popen[bytes]) -> None:
        """The kill, and the supervisor's restart at once (systemd's Restart=always)."""
        kill_worker(worker)
        workers.append(start_worker(folder, redis_url))

    how = kill_pool if args.celery_kill == "pool" else supervised
    for number in range(1, args.rounds + 1):
        killed = curve(session, 2 * number, workers[-1], how)
        after = curve(session, 2 * number + 1, None)
        outcomes.append((killed, after))
        print(
            f"round {number}: killed job's client: "
            f"{'a result (retried, or done before the kill)' if killed.ok else 'no result'}"
            f" after {killed.seconds:.1f} s ({killed.detail or 'ok'}); next curve ok "
            f"{after.ok} in {after.seconds:.1f} s",
            flush=True,
        )
    return outcomes


def celery_part(args: argparse.Namespace) -> None:
    gaps = missing()
    if gaps:
        print("part (b), Celery worker killed: NOT RUN; missing: " + "; ".join(gaps))
        return
    with tempfile.TemporaryDirectory(prefix="servicekartan-celery-") as temp:
        folder = Path(temp)
        with (
            redis_server(folder) as url,
            gunicorn(
                args.workers, args.timeout, folder, {"REDIS_URL": url}, args.threads
            ) as server,
        ):
            workers = [start_worker(folder, url)]
            try:
                outcomes = rounds(server.url, folder, url, workers, args)
            finally:
                kill_worker(workers[-1])
            killed_ok = sum(not k.ok for k, _ in outcomes)  # the rest got the retried result
            wrong = sum(k.wrong or a.wrong for k, a in outcomes)
            next_ok = sum(a.ok for _, a in outcomes)
            print(
                f"part (b), {args.celery_kill} killed: {args.rounds} rounds; killed jobs "
                f"without a result in {KILLED_JOB_WAIT_S:.0f} s "
                f"{killed_ok}; wrong results {wrong}; next curve succeeded {next_ok}/"
                f"{args.rounds}"
            )
