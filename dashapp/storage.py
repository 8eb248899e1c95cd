"""Saved scenarios, workshop rooms and data revisions, in a SQLite file or on a PostgreSQL server
(``dashapp/db.py`` opens either and keeps its schema current).

Saving only ever inserts: a scenario saved under an existing name is a new row, and editing,
renaming, hiding or showing a saved scenario inserts a new *version* that points to the one it
came from (``parent_id``), so nothing a workshop saved can be overwritten or lost. The
database refuses UPDATE and DELETE on scenarios and rooms (migration 0002's triggers). Each
write is one transaction and returns only after it committed, so a process killed mid-save
leaves every acknowledged row.

A room (``open_room``) keeps its scenarios apart from every other room's; scenarios saved
without a room belong to the open workspace, as every scenario did before rooms existed.
Lists show the *latest versions*: every version no other version was made from (normally one
per lineage; two when two people changed the same version, so neither change is lost).
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from dashapp.db import (
    StorageError,
    data_revisions,
    describe,
    for_writing,
    open_engine,
    rooms,
    scenarios,
)
from dashapp.storage_record import (
    ALL_ROOMS,
    Imported,
    Record,
    RecordError,
    Room,
    RoomChoice,
    SavedScenario,
    checksum,
    insert_record,
    insert_room,
    normalise_code,
    read_summary,
    room_id,
)

__all__ = [
    "ALL_ROOMS",
    "Imported",
    "Record",
    "RecordError",
    "Room",
    "SavedRevision",
    "SavedScenario",
    "ScenarioStorage",
    "StorageError",
    "checksum",
    "normalise_code",
]


@dataclass(frozen=True)
class SavedRevision:
    """A named set of corrections to a dataset; the shipped data itself is never edited."""

    id: int
    name: str
    dataset: str
    corrections_json: str
    created_at: str


_children = scenarios.alias("children")
_SELECT = sa.select(scenarios, rooms.c.code.label("room_code")).select_from(
    scenarios.outerjoin(rooms, scenarios.c.room_id == rooms.c.id)
)


def _in_room(room: RoomChoice) -> sa.ColumnElement[bool]:
    if room is ALL_ROOMS:
        return sa.true()
    if room is None:
        return scenarios.c.room_id.is_(None)
    code = normalise_code(room)
    return rooms.c.code == code if code else sa.false()


def _saved(r: sa.Row[Any]) -> SavedScenario:
    return SavedScenario(
        r.id,
        str(r.name),
        r.dataset,
        str(r.scenario_json),
        read_summary(r.summary_json),
        r.created_at,
        room=r.room_code,
        parent_id=r.parent_id,
        root_id=r.root_id,
        hidden=bool(r.hidden),
        change=r.change,
        summary_json=str(r.summary_json),
    )


class ScenarioStorage:
    """Opens ``database`` (a SQLite file's ``Path``, or a database URL as a string) and brings
    its schema up to date. Every method raises ``StorageError`` (an ``OSError``) on failure,
    ``RecordError`` (one, with both languages) when it refuses a request; nothing is written
    then."""

    def __init__(self, database: Path | str) -> None:
        self.path = database if isinstance(database, Path) else None
        self._engine = open_engine(database)
        self._writer = for_writing(self._engine)

    @contextmanager
    def _transaction(self, *, write: bool = False) -> Iterator[sa.Connection]:
        """One transaction: committed when the block ends, rolled back on error."""
        try:
            with (self._writer if write else self._engine).begin() as connection:
                yield connection
        except sa.exc.SQLAlchemyError as error:
            raise StorageError(describe(error)) from error

    # Rooms

    def open_room(self, name: str) -> Room:
        """A new room with a new, unused code (``storage_record.insert_room``)."""
        with self._transaction(write=True) as connection:
            return insert_room(connection, name.strip() or "Workshop", _now())

    def find_room(self, code: str) -> Room | None:
        """The room a participant joins with ``code`` (case, spaces and dashes ignored)."""
        found = normalise_code(code)
        if found is None:
            return None
        matches = self._rooms(rooms.c.code == found)
        return matches[0] if matches else None

    def list_rooms(self) -> builtins.list[Room]:
        return self._rooms(sa.true())

    def _rooms(self, where: sa.ColumnElement[bool]) -> builtins.list[Room]:
        with self._transaction() as connection:
            found = connection.execute(sa.select(rooms).where(where).order_by(rooms.c.id))
            return [Room(r.id, r.code, r.name, r.created_at) for r in found]

    # Scenarios

    def save(
        self,
        name: str,
        dataset: str,
        scenario_json: str,
        summary: dict[str, Any],
        room: str | None = None,
        parent_id: int | None = None,
    ) -> int:
        """Insert a scenario into ``room`` (a code; None: the open workspace) and return its id.
        With ``parent_id`` it is an edit of that version, which must be in the same room and
        dataset."""
        row: dict[str, Any] = {
            "name": name.strip() or "Scenario",
            "dataset": dataset,
            "scenario_json": scenario_json,
            "summary_json": json.dumps(summary),
            "created_at": _now(),
            "hidden": False,
            "change": "save" if parent_id is None else "edit",
        }
        with self._transaction(write=True) as connection:
            row["room_id"] = room_id(connection, room)
            if parent_id is not None:
                parent = self._version(connection, parent_id)
                if (parent.room, parent.dataset) != (_code(room), dataset):
                    raise RecordError(
                        f"Scenario #{parent_id} hör till ett annat rum eller en annan datamängd",
                        f"Scenario #{parent_id} belongs to another room or dataset",
                    )
                row |= {"parent_id": parent.id, "root_id": parent.lineage}
            return _insert(connection, row)

    def list(
        self, dataset: str, room: str | None = None, include_hidden: bool = False
    ) -> builtins.list[SavedScenario]:
        """The latest versions of one dataset's scenarios in ``room`` (a code; None: the open
        workspace), oldest first; hidden ones only when asked. An unknown code lists none."""
        latest = ~sa.exists().where(_children.c.parent_id == scenarios.c.id)
        where = sa.and_(scenarios.c.dataset == dataset, _in_room(room), latest)
        if not include_hidden:
            where = sa.and_(where, scenarios.c.hidden.is_(sa.false()))
        return self._select(where)

    def get(self, scenario_id: int, room: RoomChoice = ALL_ROOMS) -> SavedScenario | None:
        """One version by id, any version; with ``room``, only if it is in that room (a
        request naming another room's id then finds nothing)."""
        found = self._select(sa.and_(scenarios.c.id == scenario_id, _in_room(room)))
        return found[0] if found else None

    def history(self, scenario_id: int) -> builtins.list[SavedScenario]:
        """Every version of ``scenario_id``'s lineage, oldest first (each names its parent, so
        branches show); empty for an unknown id."""
        found = self.get(scenario_id)
        if found is None:
            return []
        root = found.lineage
        return self._select(sa.or_(scenarios.c.id == root, scenarios.c.root_id == root))

    def rename(self, scenario_id: int, new_name: str) -> int:
        """A new version named ``new_name``; the id of the version that shows it."""
        name = new_name.strip()
        if not name:
            raise RecordError("Ett namn behövs", "A name is needed")
        return self._derive(scenario_id, "rename", name=name)

    def hide(self, scenario_id: int) -> int:
        """A new, hidden version (lists leave it out unless asked); the id that shows it."""
        return self._derive(scenario_id, "hide", hidden=True)

    def unhide(self, scenario_id: int) -> int:
        return self._derive(scenario_id, "unhide", hidden=False)

    def _derive(
        self, scenario_id: int, change: str, name: str | None = None, hidden: bool | None = None
    ) -> int:
        """Insert a copy of a version with a new name or flag, pointing to it; a change that
        changes nothing inserts nothing and returns ``scenario_id``."""
        with self._transaction(write=True) as connection:
            old = self._version(connection, scenario_id)
            new = replace(
                old,
                name=old.name if name is None else name,
                hidden=old.hidden if hidden is None else hidden,
            )
            if new == old:
                return scenario_id
            row = {
                "name": new.name,
                "dataset": old.dataset,
                "scenario_json": old.scenario_json,
                "summary_json": old.summary_json,
                "created_at": _now(),
                "room_id": room_id(connection, old.room),
                "parent_id": old.id,
                "root_id": old.lineage,
                "hidden": new.hidden,
                "change": change,
            }
            return _insert(connection, row)

    def _version(self, connection: sa.Connection, scenario_id: int) -> SavedScenario:
        found = connection.execute(_SELECT.where(scenarios.c.id == scenario_id)).first()
        if found is None:
            raise RecordError(
                f"Det finns inget sparat scenario #{scenario_id}",
                f"There is no saved scenario #{scenario_id}",
            )
        return _saved(found)

    def _select(self, where: sa.ColumnElement[bool]) -> builtins.list[SavedScenario]:
        with self._transaction() as connection:
            found = connection.execute(_SELECT.where(where).order_by(scenarios.c.id)).all()
        return [_saved(r) for r in found]

    # The record: every version, in and out (the `servicekartan scenarios` commands)

    def record(self, room: RoomChoice = ALL_ROOMS) -> Record:
        """Every version in ``room`` (all rooms and the open workspace by default), hidden and
        earlier ones included, with the rooms they are in."""
        with self._transaction() as connection:
            found = connection.execute(_SELECT.where(_in_room(room)).order_by(scenarios.c.id))
            saved = [_saved(r) for r in found]
            room_rows = connection.execute(sa.select(rooms).order_by(rooms.c.id))
            used = {s.room for s in saved}
            listed = [
                Room(r.id, r.code, r.name, r.created_at)
                for r in room_rows
                if room is ALL_ROOMS or r.code in used or r.code == _code(room)
            ]
        return Record(listed, saved)

    def import_record(self, record: Record, room: str | None = None) -> Imported:
        """Add ``record``'s versions as new rows (new ids, lineages kept), all or none.

        Into ``room`` when given (the file must then hold one room's or the open workspace's
        versions only, so no two groups are merged); else each of the file's rooms becomes a
        new room here, keeping its code when that is free."""
        with self._transaction(write=True) as connection:
            return insert_record(connection, record, room, restore=False)

    def restore(self, record: Record) -> None:
        """Put ``record`` into this empty database as it was: the same ids, codes and
        lineages. Refuses a database that has any room or scenario."""
        with self._transaction(write=True) as connection:
            insert_record(connection, record, None, restore=True)

    # Data revisions

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
            found = connection.execute(query).all()
        return [
            SavedRevision(r.id, str(r.name), r.dataset, str(r.corrections_json), r.created_at)
            for r in found
        ]

    def list_revisions(self, dataset: str) -> builtins.list[SavedRevision]:
        """Data revisions of one dataset, oldest first."""
        return self._revisions(data_revisions.c.dataset == dataset)

    def get_revision(self, revision_id: int) -> SavedRevision | None:
        found = self._revisions(data_revisions.c.id == revision_id)
        return found[0] if found else None


def _insert(connection: sa.Connection, row: dict[str, Any]) -> int:
    inserted = connection.execute(sa.insert(scenarios).values(row)).inserted_primary_key
    return int(inserted[0]) if inserted else 0


def _code(room: str | None) -> str | None:
    return None if room is None else normalise_code(room)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
