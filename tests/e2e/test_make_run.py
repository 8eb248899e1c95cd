"""`make run` as a new user types it: the app answers on the port it names."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request

import pytest

from models.paths import PROJECT_ROOT

pytestmark = pytest.mark.e2e
PORT = 8059


def _get(path: str) -> tuple[int, str]:
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=5) as response:
        return response.status, response.read().decode("utf-8")


def test_make_run_serves_the_page_and_its_assets() -> None:
    process = subprocess.Popen(
        ["make", "run", f"PORT={PORT}"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240  # a first run installs the project
        while True:
            try:
                status, body = _get("/")
                break
            except OSError:
                assert process.poll() is None, "make run exited early"
                assert time.monotonic() < deadline, "the app did not answer"
                time.sleep(1)
        assert status == 200
        assert "Servicekartan" in body
        assert "/assets/bootstrap.min.css" in body
        assert _get("/assets/map.js")[0] == 200
        layout_status, layout = _get("/_dash-layout")
        assert layout_status == 200 and "language-store" in layout and "map-places" in layout
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
