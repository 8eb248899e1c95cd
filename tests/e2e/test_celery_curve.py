"""One budget curve end to end through a real Redis server and a real Celery worker: gunicorn
serves the app with ``REDIS_URL`` set, the worker runs the job (its log says so), and the
browser shows the progress and then the curve. Everything is stopped after."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models.paths import PROJECT_ROOT
from tests.e2e.conftest import screenshot
from tests.redis_server import RedisServer, free_port, redis_server  # noqa: F401 - fixture

pytestmark = pytest.mark.e2e

LIMIT_S = 120  # waiting for start-up and the curve on a busy machine, not a test assertion


def _until(condition: Callable[[], bool], what: str, timeout: float = LIMIT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"never happened: {what}")


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A process in its own group, so stopping it stops its children (gunicorn's and
    Celery's worker processes) too."""
    with log.open("wb") as out:
        return subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _serves(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture
def celery_site(redis_server: RedisServer, tmp_path: Path) -> Iterator[tuple[str, Path]]:  # noqa: F811
    """(the app's address, the worker's log) with Redis, one Celery worker and gunicorn."""
    env = {
        **os.environ,
        "REDIS_URL": redis_server.url,
        "SERVICEKARTAN_DB": str(tmp_path / "saved.sqlite3"),
        "SERVICEKARTAN_TILE_URL": "none",
        "SERVICEKARTAN_CACHE_DIR": str(tmp_path / "unused-cache"),
    }
    worker_log, web_log = tmp_path / "worker.log", tmp_path / "web.log"
    bin_dir = Path(sys.executable).parent
    worker = _start(
        [str(bin_dir / "celery"), "--app", "dashapp.worker:celery_app", "worker",
         "--loglevel", "INFO", "--concurrency", "1"],
        env, worker_log,
    )  # fmt: skip
    port = free_port()
    web = _start(
        [str(bin_dir / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "--threads", "4", "dashapp.wsgi:server"],
        env, web_log,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        _until(lambda: "ready." in worker_log.read_text(errors="replace"), "the worker ready")
        _until(lambda: _serves(url), "gunicorn serving")
        yield url, worker_log
    finally:
        _stop(web)
        _stop(worker)
        print("web log:\n" + web_log.read_text(errors="replace")[-3000:])
        print("worker log:\n" + worker_log.read_text(errors="replace")[-3000:])


def _points(duo) -> int:  # type: ignore[no-untyped-def]
    script = (
        "const g = document.querySelector('#curve-graph .js-plotly-plot');"
        "return g && g.data ? g.data[0].x.length : 0;"
    )
    return int(duo.driver.execute_script(script))


def test_a_budget_curve_runs_on_a_celery_worker(dash_duo, celery_site) -> None:  # type: ignore[no-untyped-def]
    url, worker_log = celery_site
    dash_duo.driver.get(url)
    dash_duo.wait_for_element(".sk-kpi", timeout=LIMIT_S)
    tab = dash_duo.driver.find_element(
        "xpath", "//a[contains(@class, 'nav-link') and text()='Budgetkurva']"
    )
    dash_duo.driver.execute_script("arguments[0].click();", tab)
    button = dash_duo.find_element("#curve-button")
    dash_duo.driver.execute_script("arguments[0].click();", button)
    dash_duo.wait_for_contains_text("#curve-progress", "Beräknar budget", timeout=LIMIT_S)
    _until(lambda: _points(dash_duo) == 10, "the curve drawn")
    screenshot(dash_duo, "celery_curve")
    assert dash_duo.find_element("#curve-progress").text == ""

    def job_lines(word: str) -> list[str]:
        log = worker_log.read_text(errors="replace").splitlines()
        return [line for line in log if "background_callback_" in line and word in line]

    # the worker, not the web process, ran the curve's job (it logs the end just after the
    # result is stored, so the line may follow the drawn curve by a moment)
    assert job_lines("received")
    _until(lambda: bool(job_lines("succeeded")), "the worker logging the job's end")
