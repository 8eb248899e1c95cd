"""The app under gunicorn on 127.0.0.1, with a throwaway database and cache folder, for the load
and fault benchmarks; stopped (and every process it started ended) when the block ends."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import requests

from models.paths import PROJECT_ROOT

HOOKS = Path(__file__).resolve().parent / "gunicorn_hooks.py"
START_TIMEOUT_S = 120.0
# Variables that would point the app at a shared database or broker instead of the temp folder
UNSET = ("DATABASE_URL", "REDIS_URL")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def children(pid: int) -> list[int]:
    """Live child processes of ``pid`` (from /proc, so nothing outside this tree is read)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return sorted(found)


@dataclass
class AppServer:
    """A running gunicorn master; ``folder`` holds the database, cache, log and ready file."""

    process: subprocess.Popen[bytes]
    url: str
    folder: Path
    workers: int

    @property
    def database(self) -> Path:
        return self.folder / "saved.sqlite3"

    @property
    def cache_dir(self) -> Path:
        """SERVICEKARTAN_CACHE_DIR of the app: background jobs and the solution cache."""
        return self.folder / "cache"

    @property
    def ready_file(self) -> Path:
        return self.folder / "ready.txt"

    def worker_pids(self) -> list[int]:
        return children(self.process.pid)

    def ready_workers(self) -> dict[int, float]:
        """Worker pid → the time (epoch seconds) it had loaded the app."""
        if not self.ready_file.exists():
            return {}
        lines = self.ready_file.read_text().split()
        return {int(p): float(t) for p, t in zip(lines[::2], lines[1::2], strict=True)}

    def log_tail(self, lines: int = 20) -> str:
        text = (self.folder / "gunicorn.log").read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def app_environment(folder: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The app's settings (dashapp/settings.py) pointed at ``folder``; no tiles, no shared
    database or broker unless ``extra`` names one."""
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    env |= {
        "SERVICEKARTAN_DB": str(folder / "saved.sqlite3"),
        "SERVICEKARTAN_TILE_URL": "none",
        "SERVICEKARTAN_CACHE_DIR": str(folder / "cache"),
        "BENCH_READY_FILE": str(folder / "ready.txt"),
    }
    return env | (extra or {})


@contextmanager
def gunicorn(
    workers: int = 2,
    timeout_s: int = 30,
    folder: Path | None = None,
    extra_env: dict[str, str] | None = None,
    threads: int = 1,
    preload: bool = False,
) -> Iterator[AppServer]:
    """``gunicorn -w workers dashapp.wsgi:server`` on a free loopback port, once every worker
    has loaded the app; the master and its workers are ended afterwards."""
    with tempfile.TemporaryDirectory(prefix="servicekartan-bench-") as temp:
        where = folder or Path(temp)
        (where / "cache").mkdir(parents=True, exist_ok=True)
        port = free_port()
        command = [
            sys.executable, "-m", "gunicorn",
            "--workers", str(workers),
            "--bind", f"127.0.0.1:{port}",
            "--timeout", str(timeout_s),
            "--threads", str(threads),  # above 1, gunicorn runs gthread workers
            "--config", str(HOOKS),
            *(["--preload"] if preload else []),  # the master loads the app, workers fork it
            "dashapp.wsgi:server",
        ]  # fmt: skip
        with (where / "gunicorn.log").open("wb") as log:
            process = subprocess.Popen(
                command,
                cwd=PROJECT_ROOT,
                env=app_environment(where, extra_env),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        server = AppServer(process, f"http://127.0.0.1:{port}", where, workers)
        try:
            wait_ready(server)
            yield server
        finally:
            stop(server)


def wait_ready(server: AppServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn ended at start:\n{server.log_tail()}")
        live = set(server.worker_pids())
        if len(live & set(server.ready_workers())) >= server.workers:
            try:
                if requests.get(server.url + "/_dash-dependencies", timeout=10).ok:
                    return
            except requests.RequestException:
                pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn not ready in {START_TIMEOUT_S:.0f} s:\n{server.log_tail()}")


def descendants(pid: int) -> list[int]:
    """Children, their children and so on (a worker's background-job processes)."""
    found = children(pid)
    return found + [d for child in found for d in descendants(child)]


def stop(server: AppServer) -> None:
    """TERM to the master (it stops its workers), KILL to whatever is left after 20 s:
    workers, and background jobs a worker forked (they outlive it otherwise)."""
    workers = descendants(server.process.pid)
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
    for pid in workers:  # only if still the process it was (pids are reused)
        with suppress(OSError):
            if b"gunicorn" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)
