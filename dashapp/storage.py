"""Saved scenarios and data revisions, in a SQLite file or on a PostgreSQL server
(``dashapp/db.py`` opens either and keeps its schema current).

Saving only ever inserts: a scenario saved under an existing name is a new row, so nothing a
workshop saved can be overwritten or lost by a later save. Each write is one transaction and
returns only after it committed, so a process killed mid-save leaves every acknowledged row.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from dashapp.db import StorageError, data_revisions, describe, open_engine, scenarios

__all__ = ["SavedRevision", "SavedScenario", "ScenarioStorage", "StorageError"]


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
    """Opens ``database`` (a SQLite file's ``Path``, or a database URL as a string) and brings
    its schema up to date. Every method raises ``StorageError`` (an ``OSError``) on failure."""

    def __init__(self, database: Path | str) -> None:
        self.path = database if isinstance(database, Path) else None
        self._engine = open_engine(database)

    @contextmanager
    def _transaction(self) -> Iterator[sa.Connection]:
        """One transaction: committed when the block ends, rolled back on error."""
        try:
            with self._engine.begin() as connection:
                yield connection
        except sa.exc.SQLAlchemyError as error:
            raise StorageError(describe(error)) from error

    def save(self, name: str, dataset: str, scenario_json: str, summary: dict[str, Any]) -> int:
        row = {
            "name": name.strip() or "Scenario",
            "dataset": dataset,
            "scenario_json": scenario_json,
            "summary_json": json.dumps(summary),
            "created_at": _now(),
        }
        with self._transaction() as connection:
            inserted = connection.execute(sa.insert(scenarios).values(row)).inserted_primary_key
        return int(inserted[0]) if inserted else 0

    def _select(self, where: sa.ColumnElement[bool]) -> list[SavedScenario]:
        query = sa.select(scenarios).where(where).order_by(scenarios.c.id)
        with self._transaction() as connection:
            rows = connection.execute(query).all()
        return [
            SavedScenario(
                r.id,
                str(r.name),
                r.dataset,
                str(r.scenario_json),
                _summary(r.summary_json),
                r.created_at,
            )
            for r in rows
        ]

    def list(self, dataset: str) -> builtins.list[SavedScenario]:
        """Saved scenarios of one dataset, oldest first."""
        return self._select(scenarios.c.dataset == dataset)

    def get(self, scenario_id: int) -> SavedScenario | None:
        found = self._select(scenarios.c.id == scenario_id)
        return found[0] if found else None

    def save_revision(self, name: str, dataset: str, corrections_json: str) -> int:
        """Insert a data revision; like scenarios, revisions are only ever added."""
        row = {
            "name": name.strip() or "Revision",
            "dataset": dataset,
            "corrections_json": corrections_json,
            "created_at": _now(),
        }
        with self._transaction() as connection:
            inserted = connection.execute(
                sa.insert(data_revisions).values(row)
            ).inserted_primary_key
        return int(inserted[0]) if inserted else 0

    def _revisions(self, where: sa.ColumnElement[bool]) -> builtins.list[SavedRevision]:
        query = sa.select(data_revisions).where(where).order_by(data_revisions.c.id)
        with self._transaction() as connection:
            rows = connection.execute(query).all()
        return [
            SavedRevision(r.id, str(r.name), r.dataset, str(r.corrections_json), r.created_at)
            for r in rows
        ]

    def list_revisions(self, dataset: str) -> builtins.list[SavedRevision]:
        """Data revisions of one dataset, oldest first."""
        return self._revisions(data_revisions.c.dataset == dataset)

    def get_revision(self, revision_id: int) -> SavedRevision | None:
        found = self._revisions(data_revisions.c.id == revision_id)
        return found[0] if found else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _summary(text: str) -> dict[str, Any]:
    """A row's stored figures; a damaged one reads as none (the list still shows the row)."""
    try:
        found = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}
