"""Solutions shared by the processes of one machine (dashapp/solution_cache.py): what another
process solved is read, not solved again; new data or an unusable cache never gives an old or
no answer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from dashapp import data, solution_cache
from models.dataset import load_dataset
from models.paths import embedded_data_dir
from models.run import run_scenario
from models.scenario import Scenario, default_scenario

CHILD = """
import sys
from dashapp.data import solve_in
from models.scenario import Scenario
scenario = Scenario.from_json(sys.argv[3])
print(solve_in(sys.argv[1], scenario, sys.argv[2]).objective)
"""


def _scenario(folder: Path, budget_sek: float) -> Scenario:
    registry = load_dataset(folder).registry
    return Scenario.from_dict({"budget_sek": budget_sek}, default_scenario(registry))


def _fresh() -> None:
    data._solve.cache_clear()
    data._named.cache_clear()


def _no_solving(*_args: object) -> None:
    raise AssertionError("solved again")


def test_another_process_solution_is_read_not_solved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = embedded_data_dir()
    scenario = _scenario(folder, 1_357_000)
    expected = run_scenario(load_dataset(folder), scenario)  # the model itself, no cache
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(cache), scenario.to_json()],
        capture_output=True, text=True, check=True, env=env, timeout=300,
    )  # fmt: skip
    assert float(child.stdout) == pytest.approx(expected.objective)
    _fresh()
    monkeypatch.setattr(data, "run_scenario", _no_solving)
    read = data.solve_in(str(folder), replace(scenario, name="Grupp 2"), cache)
    assert read.scenario.name == "Grupp 2"
    assert read.covered == expected.covered and read.actions == expected.actions
    _fresh()


def test_new_data_is_never_answered_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(embedded_data_dir(), folder)
    scenario, cache = _scenario(folder, 2_468_000), tmp_path / "cache"
    _fresh()
    data.solve_in(str(folder), scenario, cache)
    # the same files with a new modification time are new data: another process would see a
    # new fingerprint (this one keeps its own, so it is asked afresh here)
    some_file = next(p for p in sorted(folder.rglob("*")) if p.is_file())
    os.utime(some_file, ns=(1, 1))
    solution_cache.fingerprint.cache_clear()
    _fresh()
    monkeypatch.setattr(data, "run_scenario", _no_solving)
    with pytest.raises(AssertionError, match="solved again"):
        data.solve_in(str(folder), scenario, cache)
    _fresh()


def test_an_unusable_cache_still_solves(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("not a cache")
    folder = embedded_data_dir()
    scenario = _scenario(folder, 987_000)
    _fresh()
    solved = data.solve_in(str(folder), scenario, not_a_folder)
    assert solved.objective == pytest.approx(run_scenario(load_dataset(folder), scenario).objective)
    _fresh()
