"""Where the project's embedded data lives."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_ROOT = PROJECT_ROOT / "data"


def embedded_data_dir() -> Path:
    """The embedded region: the one folder under ``data/`` that holds a ``region.json``
    (named by the region, so no code names it)."""
    found = sorted(p.parent for p in DATA_ROOT.glob("*/region.json"))
    if len(found) != 1:
        raise FileNotFoundError(f"expected one region folder under {DATA_ROOT}, found {found}")
    return found[0]


def __getattr__(name: str) -> Path:
    """``EMBEDDED_DATA``, looked up on use (for notebooks, tests and benchmarks)."""
    if name == "EMBEDDED_DATA":
        return embedded_data_dir()
    raise AttributeError(name)
