"""What the saved-scenario record is made of (rooms, versions, their checksums) and how a
record is written back: imported as new rows, or restored into an empty database with its ids.

``dashapp/storage.py`` reads and writes single versions; ``dashapp/cli_scenarios.py`` turns a
record into a JSON file and back.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final, Literal

import sqlalchemy as sa

from dashapp.db import StorageError, rooms, scenarios

# No 0/O, 1/I/L (misread on a projector) and no U (no accidental words); 30**6 ≈ 7·10**8 codes
ROOM_CODE_ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
ROOM_CODE_LENGTH: Final = 6
# A collision needs two equal draws from 7·10**8; twenty in a row means something else is wrong
ROOM_CODE_ATTEMPTS: Final = 20
CHANGES: Final = ("save", "edit", "rename", "hide", "unhide")


class Everywhere(Enum):
    """No room filter at all (``None`` already means "the open workspace")."""

    ALL = "all"


ALL_ROOMS: Final = Everywhere.ALL
RoomChoice = str | None | Literal[Everywhere.ALL]


class RecordError(StorageError):
    """A request the record refuses (an unknown room or scenario, a version from another room,
    a restore into a database that is not empty); nothing was written. An ``OSError`` like
    every storage failure, so the app's save callback shows it; in both languages like
    ``models.errors``."""

    def __init__(self, message_sv: str, message_en: str) -> None:
        super().__init__(f"{message_sv} / {message_en}")
        self.message_sv = message_sv
        self.message_en = message_en

    def message(self, language: str) -> str:
        return self.message_sv if language == "sv" else self.message_en


@dataclass(frozen=True)
class Room:
    id: int
    code: str
    name: str
    created_at: str


@dataclass(frozen=True)
class SavedScenario:
    """One saved version. The first six fields are those of a save before rooms existed."""

    id: int
    name: str
    dataset: str
    scenario_json: str
    summary: dict[str, Any]
    created_at: str
    room: str | None = None  # the room's code; None: the open workspace
    parent_id: int | None = None
    root_id: int | None = None  # the lineage's first save; None: this row is one
    hidden: bool = False
    change: str = "save"
    summary_json: str = "{}"  # as stored (``summary`` reads a damaged one as {})

    @property
    def lineage(self) -> int:
        """The id of the first save of this version's lineage."""
        return self.root_id if self.root_id is not None else self.id


@dataclass(frozen=True)
class Imported:
    """What an import wrote: the file's id → the new row's id, the file's room code → the code
    of the room its versions are in now."""

    ids: dict[int, int]
    rooms: dict[str, str]


@dataclass(frozen=True)
class Record:
    """Rooms and every version in them, oldest first: a forum's planning record."""

    rooms: list[Room]
    scenarios: list[SavedScenario]


def new_room_code() -> str:
    return "".join(secrets.choice(ROOM_CODE_ALPHABET) for _ in range(ROOM_CODE_LENGTH))


def normalise_code(text: str) -> str | None:
    """A typed room code as stored: capitals, without spaces or dashes; None if it cannot be
    one (so a typo never falls back to the open workspace)."""
    code = "".join(text.split()).replace("-", "").upper()
    valid = len(code) == ROOM_CODE_LENGTH and all(c in ROOM_CODE_ALPHABET for c in code)
    return code if valid else None


def checksum(saved: SavedScenario) -> str:
    """SHA-256 of what a version says: its name, dataset, texts, time, flag and change; not its
    id, room or parent, which an import into another database renumbers."""
    content = [
        saved.name,
        saved.dataset,
        saved.scenario_json,
        saved.summary_json,
        saved.created_at,
        saved.hidden,
        saved.change,
    ]
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8"))
    return f"sha256:{digest.hexdigest()}"


def read_summary(text: str) -> dict[str, Any]:
    """A version's stored figures; a damaged one reads as none (the list still shows it)."""
    try:
        found = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def insert_room(
    connection: sa.Connection, name: str, created_at: str, code: str | None = None
) -> Room:
    """Insert a room with ``code`` if that is free, else with a newly drawn one; the check is
    the unique index itself, inside the caller's transaction, so two rooms opened at once
    never share a code."""
    for _ in range(ROOM_CODE_ATTEMPTS):
        code = code or new_room_code()
        try:
            with connection.begin_nested():  # a taken code undoes only this attempt
                row = {"code": code, "name": name, "created_at": created_at}
                inserted = connection.execute(sa.insert(rooms).values(row))
        except sa.exc.IntegrityError:
            code = None
            continue
        key = inserted.inserted_primary_key
        assert key is not None  # an INSERT of one row always has one
        return Room(int(key[0]), code, name, created_at)
    raise StorageError(f"no free room code after {ROOM_CODE_ATTEMPTS} attempts")


def room_id(connection: sa.Connection, room: str | None) -> int | None:
    """The id of the room a code names (None: the open workspace); refused if there is none."""
    if room is None:
        return None
    code = normalise_code(room)
    found = connection.execute(sa.select(rooms.c.id).where(rooms.c.code == code)).first()
    if found is None:
        raise RecordError(f"Det finns inget rum {room!r}", f"There is no room {room!r}")
    return int(found.id)


def insert_record(
    connection: sa.Connection, record: Record, room: str | None, *, restore: bool
) -> Imported:
    """Write ``record`` inside the caller's transaction.

    ``restore``: into an empty database, every id and code as in the record. Otherwise new
    rows (``room`` as in ``ScenarioStorage.import_record``). The record is taken as
    ``cli_scenarios`` checked it (parents before children, in the same room and dataset); a
    parent the record lacks is refused here too, so no lineage ever points outside its rows.
    """
    if restore:
        _lock_empty(connection)
    room_ids, codes = _rooms_for(connection, record, room, restore=restore)
    new_ids: dict[int, int] = {}
    for saved in sorted(record.scenarios, key=lambda s: s.id):
        parent = _mapped(new_ids, saved.parent_id, saved.id)
        root = _mapped(new_ids, saved.root_id, saved.id)
        row: dict[str, Any] = {
            "name": saved.name,
            "dataset": saved.dataset,
            "scenario_json": saved.scenario_json,
            "summary_json": saved.summary_json,
            "created_at": saved.created_at,
            "room_id": room_ids[saved.room],
            "parent_id": parent,
            "root_id": root,
            "hidden": saved.hidden,
            "change": saved.change,
        }
        if restore:
            row["id"] = saved.id
        key = connection.execute(sa.insert(scenarios).values(row)).inserted_primary_key
        assert key is not None  # an INSERT of one row always has one
        new_ids[saved.id] = int(key[0])
    if restore and connection.dialect.name == "postgresql":
        # Rows inserted with their ids leave the id sequences behind; the next save must not
        # be handed an id a restored row has (SQLite's AUTOINCREMENT follows by itself).
        for table in ("rooms", "scenarios"):
            connection.execute(
                sa.text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) "
                    f"FROM {table} HAVING count(*) > 0"
                )
            )
    return Imported(new_ids, codes)


def _lock_empty(connection: sa.Connection) -> None:
    """Refuse a database with any room or scenario; on PostgreSQL first lock both tables
    against writers, so no save can slip in between this check and the restored rows (on
    SQLite the caller's transaction already holds the write lock)."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("LOCK TABLE rooms, scenarios IN EXCLUSIVE MODE"))
    for table in (rooms, scenarios):
        if connection.execute(sa.select(table.c.id).limit(1)).first() is not None:
            raise RecordError(
                "Databasen är inte tom: återställning görs bara till en tom databas "
                "(använd import för att lägga till)",
                "The database is not empty: restore only writes into an empty database "
                "(use import to add to it)",
            )


def _rooms_for(
    connection: sa.Connection, record: Record, room: str | None, *, restore: bool
) -> tuple[dict[str | None, int | None], dict[str, str]]:
    """Each of the record's room codes (None: the open workspace) → the room id here; and
    each code → the code of that room here."""
    used = {s.room for s in record.scenarios}
    if room is not None:
        if len(used) > 1:
            raise RecordError(
                "Filen har scenarier från flera rum; importera den utan --room, så blir "
                "varje rum ett eget rum",
                "The file holds scenarios from several rooms; import it without --room, "
                "so that each room becomes a room of its own",
            )
        target = room_id(connection, room)
        code = normalise_code(room) or room
        return dict.fromkeys(used | {None}, target), {c: code for c in used if c is not None}
    found: dict[str | None, int | None] = {None: None}
    codes: dict[str, str] = {}
    for listed in record.rooms:
        if restore:
            row = {
                "id": listed.id,
                "code": listed.code,
                "name": listed.name,
                "created_at": listed.created_at,
            }
            connection.execute(sa.insert(rooms).values(row))
            made = listed
        else:
            made = insert_room(connection, listed.name, listed.created_at, listed.code)
        found[listed.code], codes[listed.code] = made.id, made.code
    missing = sorted(code for code in used - found.keys() if code is not None)
    if missing:
        raise RecordError(
            f"Rummen {', '.join(missing)} saknas i filens lista över rum",
            f"The rooms {', '.join(missing)} are missing from the file's list of rooms",
        )
    return found, codes


def _mapped(new_ids: dict[int, int], old: int | None, child: int) -> int | None:
    if old is None:
        return None
    if old not in new_ids:
        raise RecordError(
            f"Scenario #{child} pekar på #{old}, som inte finns före det i filen",
            f"Scenario #{child} points to #{old}, which the file does not hold before it",
        )
    return new_ids[old]
