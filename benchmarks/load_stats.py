"""Figures of a load or fault run: latency percentiles per action, and the machine's load."""

from __future__ import annotations

import math
import os
import platform
from dataclasses import dataclass
from pathlib import Path


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0–100), linear between the closest ranks (numpy's default)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Summary:
    """One row of the latency table: how many, how many failed, median, p95 and max seconds."""

    name: str
    count: int
    errors: int
    median_s: float
    p95_s: float
    max_s: float

    def row(self) -> str:
        return (
            f"| {self.name} | {self.count} | {self.errors} | {self.median_s:.2f} | "
            f"{self.p95_s:.2f} | {self.max_s:.2f} |"
        )


TABLE_HEAD = "| action | n | errors | median s | p95 s | max s |\n|---|---:|---:|---:|---:|---:|"


def summarise(name: str, seconds: list[float], errors: int) -> Summary:
    """``seconds`` are the successful actions' latencies; failed ones are only counted."""
    top = max(seconds) if seconds else math.nan
    return Summary(
        name,
        len(seconds) + errors,
        errors,
        percentile(seconds, 50),
        percentile(seconds, 95),
        top,
    )


def load_average() -> tuple[float, float, float]:
    one, five, fifteen = os.getloadavg()
    return one, five, fifteen


def machine() -> str:
    """CPU model and count, for the figures' caption."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} × {model}, Python {platform.python_version()}"
