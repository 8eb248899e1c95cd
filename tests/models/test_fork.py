"""A solve in a process forked after a solve (the web app's background jobs are such forks):
HiGHS's thread pool does not survive fork, so without a fresh one the child's first solve
waited for ever at full CPU (models/optimise.py resets it after fork)."""

from __future__ import annotations

import os
import time
from dataclasses import replace

from models.dataset import load_dataset
from models.paths import embedded_data_dir
from models.run import run_scenario
from models.scenario import default_scenario

HANG_S = 120  # far beyond the half second the solve takes: only a hang gets here


def test_a_forked_child_solves_after_its_parent_did() -> None:
    dataset = load_dataset(embedded_data_dir())
    scenario = default_scenario(dataset.registry)
    expected = run_scenario(dataset, replace(scenario, budget_sek=3e6)).objective
    run_scenario(dataset, scenario)  # the parent's HiGHS is running its pool now
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: solve, report the objective, leave without pytest's exit
        try:
            objective = run_scenario(dataset, replace(scenario, budget_sek=3e6)).objective
            os.write(writer, repr(objective).encode())
        finally:
            os._exit(0)
    os.close(writer)
    deadline = time.monotonic() + HANG_S
    while time.monotonic() < deadline and os.waitpid(pid, os.WNOHANG) == (0, 0):
        time.sleep(0.2)
    if time.monotonic() >= deadline:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise AssertionError(f"the forked solve did not end within {HANG_S} s")
    answer = os.read(reader, 100).decode()
    os.close(reader)
    assert float(answer) == expected
