"""Solutions shared by every process of one machine: both gunicorn workers and their background
jobs read what any of them solved, so a scenario saved on one worker and compared on the other
is solved once, not once per worker (docs/reliability.md measured the misses).

The cache lives in ``settings.cache_dir / "solutions"`` (a diskcache folder beside the
background jobs' own). A key names the data (every file's name, size and modification time),
the model's code (the source of ``models/``) and the scenario without its name, so new data or
a new version of the model never reads an old solution. The cache is an optimisation only:
when it cannot be read or written the scenario is solved as if it were empty.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import models
from models.solution import Solution

SIZE_LIMIT_BYTES = 512 * 2**20  # oldest solutions go first beyond this (about 2,000 of them)
log = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def _cache(directory: str) -> Any:
    import diskcache

    return diskcache.Cache(directory, size_limit=SIZE_LIMIT_BYTES)


@lru_cache(maxsize=8)
def fingerprint(data_folder: str) -> str:
    """The data's files and the model's source, as one SHA-256 (computed once per process)."""
    digest = hashlib.sha256()
    folder = Path(data_folder)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    source = Path(models.__file__).parent
    for path in sorted(source.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key(data_folder: str, unnamed_scenario_json: str) -> str:
    scenario = hashlib.sha256(unnamed_scenario_json.encode()).hexdigest()
    return f"solution:{fingerprint(data_folder)}:{scenario}"


def shared(
    cache_dir: str, data_folder: str, unnamed_scenario_json: str, solve: Callable[[], Solution]
) -> Solution:
    """The cached solution for this data, model and scenario, or ``solve()``'s, stored."""
    name = key(data_folder, unnamed_scenario_json)
    try:
        found = _cache(str(Path(cache_dir) / "solutions")).get(name)
    except (OSError, sqlite3.Error) as error:  # a full or damaged disk: solve as if empty
        log.warning("solution cache unreadable: %s", error)
        found = None
    if isinstance(found, Solution):
        return found
    solution = solve()
    try:
        _cache(str(Path(cache_dir) / "solutions")).set(name, solution)
    except (OSError, sqlite3.Error) as error:
        log.warning("solution cache not written: %s", error)
    return solution
