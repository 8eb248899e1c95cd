"""Saved scenarios in a real SQLite file (the path comes from the app's settings).

Saving only ever inserts: a scenario saved under an existing name is a new row, so nothing a
workshop saved can be overwritten or lost by a later save. Each write is one transaction in
WAL mode, so a crash mid-save leaves every earlier row intact.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS scenarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    dataset TEXT NOT NULL,
    scenario_json TEXT NOT NULL,
    summary_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS data_revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    dataset TEXT NOT NULL,
    corrections_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class SavedScenario:
    id: int
    name: str
    dataset: str
    scenario_json: str
    summary: dict[str, Any]
    created_at: str


@dataclass(frozen=True)
class SavedRevision:
    """A named set of corrections to a dataset; the shipped data itself is never edited."""

    id: int
    name: str
    dataset: str
    corrections_json: str
    created_at: str


class ScenarioStorage:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=10)
        try:
            with connection:  # one transaction: committed on success, rolled back on error
                yield connection
        finally:
            connection.close()

    def save(self, name: str, dataset: str, scenario_json: str, summary: dict[str, Any]) -> int:
        created = datetime.now(UTC).isoformat(timespec="seconds")
        with self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO scenarios (name, dataset, scenario_json, summary_json, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (name.strip() or "Scenario", dataset, scenario_json, json.dumps(summary), created),
            )
            return int(cursor.lastrowid or 0)

    def _select(self, where: str, arguments: tuple[Any, ...]) -> list[SavedScenario]:
        query = (
            "SELECT id, name, dataset, scenario_json, summary_json, created_at FROM scenarios "
            f"WHERE {where} ORDER BY id"
        )
        with self._connect() as connection:
            rows = connection.execute(query, arguments).fetchall()
        return [SavedScenario(r[0], str(r[1]), r[2], str(r[3]), _summary(r[4]), r[5]) for r in rows]

    def list(self, dataset: str) -> list[SavedScenario]:
        """Saved scenarios of one dataset, oldest first."""
        return self._select("dataset = ?", (dataset,))

    def get(self, scenario_id: int) -> SavedScenario | None:
        found = self._select("id = ?", (scenario_id,))
        return found[0] if found else None


    def save_revision(self, name: str, dataset: str, corrections_json: str) -> int:
        """Insert a data revision; like scenarios, revisions are only ever added."""
        created = datetime.now(UTC).isoformat(timespec="seconds")
        with self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO data_revisions (name, dataset, corrections_json, created_at) "
                "VALUES (?, ?, ?, ?)",
                (name.strip() or "Revision", dataset, corrections_json, created),
            )
            return int(cursor.lastrowid or 0)

    def _revisions(self, where: str, arguments: tuple[Any, ...]) -> list[SavedRevision]:
        query = (
            "SELECT id, name, dataset, corrections_json, created_at FROM data_revisions "
            f"WHERE {where} ORDER BY id"
        )
        with self._connect() as connection:
            rows = connection.execute(query, arguments).fetchall()
        return [SavedRevision(r[0], str(r[1]), r[2], str(r[3]), r[4]) for r in rows]

    def list_revisions(self, dataset: str) -> list[SavedRevision]:
        """Data revisions of one dataset, oldest first."""
        return self._revisions("dataset = ?", (dataset,))

    def get_revision(self, revision_id: int) -> SavedRevision | None:
        found = self._revisions("id = ?", (revision_id,))
        return found[0] if found else None


def _summary(text: str) -> dict[str, Any]:
    """A row's stored figures; a damaged one reads as none (the list still shows the row)."""
    try:
        found = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}
