"""Timing helpers and the national tätort instance shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from models.arrays import dataset_from_arrays
from models.dataset import Dataset
from models.paths import PROJECT_ROOT
from models.travel import TravelModel, modelled_travel_times

SHARED = PROJECT_ROOT.parent / "shared" / "data"


def timed(run: Callable[[], Any], repeats: int) -> tuple[list[float], Any]:
    """Wall-clock seconds of each of ``repeats`` calls, and the last result."""
    seconds, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        seconds.append(time.perf_counter() - started)
    return seconds, result


def summary(seconds: list[float]) -> str:
    return (
        f"median {statistics.median(seconds):.3f} s, min {min(seconds):.3f} s, "
        f"max {max(seconds):.3f} s (n={len(seconds)})"
    )


def solve_seconds(solution: Any) -> float:
    """The solver's own seconds (``Solution.timings`` since the result refactor)."""
    return float(getattr(solution, "timings", solution).solve_seconds)


def national_tatorter(path: Path = SHARED / "sweden_tatorter_2020_scb.csv") -> Dataset:
    """All Swedish tätorter as demand and candidates, unit costs, and the project's modelled car
    minutes between them (``TravelModel(cutoff_min=30.0)``, handed over as a dense matrix)."""
    frame = pd.read_csv(path, dtype={"kommun_kod": str})
    xy = frame[["x_sweref99tm", "y_sweref99tm"]].to_numpy(float)
    radius = np.sqrt(frame["area_ha"].to_numpy(float) / 100.0 / np.pi)
    times = modelled_travel_times(TravelModel(cutoff_min=30.0), xy, radius, xy, radius)
    return dataset_from_arrays(
        frame["befolkning"].to_numpy(float),
        times.dense_minutes(),
        demand_kommun=frame["kommun_kod"],
    )
