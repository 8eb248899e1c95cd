"""Workshop rooms and immutable versions (migration 0002), on a real SQLite file and a real
PostgreSQL server: rooms never see each other's scenarios, rename and hide only add rows, the
database itself refuses to change or delete one, and a 0001 database upgrades with every row."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from subprocess import PIPE

import psycopg
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dashapp import db, storage_record
from dashapp.storage import ALL_ROOMS, RecordError, ScenarioStorage, StorageError
from dashapp.storage_record import ROOM_CODE_ALPHABET
from tests.dashapp.test_storage import HOSTILE_NAMES, database, rows
from tests.pg import PostgresServer

__all__ = ["database"]  # the fixture, shared with test_storage

ROW = "SELECT * FROM scenarios ORDER BY id"


def fingerprints(database: Path | str) -> dict[int, str]:
    """Each scenario row, every column as the database holds it, as one SHA-256."""
    return {row[0]: hashlib.sha256(repr(row).encode()).hexdigest() for row in rows(database, ROW)}


def engine(database: Path | str) -> sa.Engine:
    return sa.create_engine(db.database_url(database), poolclass=sa.pool.NullPool)


# Migration


def test_a_0001_database_with_rows_upgrades_with_every_row(database: Path | str) -> None:
    with db.migration_lock(db.engine_for(database)) as connection:
        command.upgrade(db.alembic_config(connection), "0001")
    old_rows = [
        (name, "d", f'{{"budget_sek": {n}}}', '{"cost_sek": 1}', f"2025-01-0{n + 1}T00:00:00+00:00")
        for n, name in enumerate(HOSTILE_NAMES[:4])
    ]
    with engine(database).begin() as connection:
        for row in old_rows:
            connection.execute(
                sa.text(
                    "INSERT INTO scenarios (name, dataset, scenario_json, summary_json, created_at)"
                    " VALUES (:n, :d, :s, :m, :c)"
                ),
                dict(zip("ndsmc", row, strict=True)),
            )
        connection.execute(
            sa.text(
                "INSERT INTO data_revisions (name, dataset, corrections_json, created_at) "
                "VALUES ('Rev', 'd', '[]', '2025-01-09T00:00:00+00:00')"
            )
        )
    old_columns = "id, name, dataset, scenario_json, summary_json, created_at"
    before = rows(database, f"SELECT {old_columns} FROM scenarios ORDER BY id")
    assert [r[1:] for r in before] == old_rows

    storage = ScenarioStorage(database)

    assert rows(database, "SELECT version_num FROM alembic_version") == [("0002",)]
    new_columns = "room_id, parent_id, root_id, hidden, change"
    after = rows(database, f"SELECT {old_columns}, {new_columns} FROM scenarios ORDER BY id")
    assert [r[:6] for r in after] == before
    # each earlier row: a first save in the open workspace, shown
    assert {r[6:] for r in after} == {(None, None, None, False, "save")}  # SQLite: 0 == False
    listed = storage.list("d")
    assert [(s.id, s.name, s.room, s.hidden) for s in listed] == [
        (r[0], r[1], None, False) for r in before
    ]
    assert [r.name for r in storage.list_revisions("d")] == ["Rev"]
    edited = storage.save("Ändrad", "d", "{}", {}, parent_id=before[0][0])
    assert edited == before[-1][0] + 1
    assert [s.id for s in storage.list("d")] == [r[0] for r in before[1:]] + [edited]
    if isinstance(database, Path):
        assert rows(database, "PRAGMA integrity_check") == [("ok",)]
        sql = "SELECT sql LIKE '%AUTOINCREMENT%' FROM sqlite_master WHERE name='scenarios'"
        assert rows(database, sql) == [(1,)]  # added in place: the table was not rebuilt


def test_the_migrated_schema_is_the_tables_in_db_py(database: Path | str) -> None:
    """What autogenerate would write next is nothing: migrations and db.py agree."""
    ScenarioStorage(database)
    with engine(database).connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), db.metadata) == []


def test_the_sql_printed_for_a_database_administrator_works(
    postgres_server: PostgresServer,
) -> None:
    """`alembic upgrade head --sql` (docs/deploy.md), run by hand, makes the schema the app
    then finds current, with its triggers."""
    by_hand = postgres_server.new_database()
    alembic = [sys.executable, "-m", "alembic", "-c", str(db.MIGRATIONS / "alembic.ini")]
    environ = {**os.environ, "DATABASE_URL": by_hand}
    printed = subprocess.run(
        [*alembic, "upgrade", "head", "--sql"],
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    assert printed.returncode == 0, printed.stderr
    name = sa.make_url(by_hand).database
    assert name is not None
    with psycopg.connect(postgres_server.conninfo(name), autocommit=True) as connection:
        connection.execute(printed.stdout.encode())
    storage = ScenarioStorage(by_hand)
    with engine(by_hand).connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), db.metadata) == []
    storage.hide(storage.save("Plan", "d", "{}", {}))
    refused = pytest.raises(sa.exc.DatabaseError, match="only take new rows")
    with refused, engine(by_hand).begin() as connection:
        connection.execute(sa.text("DELETE FROM scenarios"))
    assert len(fingerprints(by_hand)) == 2


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE scenarios SET name = 'Skrivet över'",
        "UPDATE scenarios SET hidden = NOT hidden",
        "DELETE FROM scenarios",
        "UPDATE rooms SET code = '222222'",
        "DELETE FROM rooms",
    ],
)
def test_the_database_refuses_to_change_or_delete_a_row(
    database: Path | str, statement: str
) -> None:
    storage = ScenarioStorage(database)
    room = storage.open_room("Grupp")
    storage.save("Plan", "d", "{}", {}, room=room.code)
    before = fingerprints(database)
    refused = pytest.raises(sa.exc.DatabaseError, match="only take new rows")
    with refused, engine(database).begin() as connection:
        connection.execute(sa.text(statement))
    assert fingerprints(database) == before
    assert storage.list_rooms() == [room]


def test_postgresql_refuses_truncate(postgres_server: PostgresServer) -> None:
    database = postgres_server.new_database()
    ScenarioStorage(database).save("Plan", "d", "{}", {})
    for table in ("scenarios", "rooms"):
        refused = pytest.raises(sa.exc.DatabaseError, match="only take new rows")
        with refused, engine(database).begin() as connection:
            connection.execute(sa.text(f"TRUNCATE {table} CASCADE"))
    assert len(fingerprints(database)) == 1


# Rooms


def test_rooms_do_not_see_each_others_scenarios(database: Path | str) -> None:
    storage = ScenarioStorage(database)
    north, south = storage.open_room("Norra gruppen"), storage.open_room("Södra gruppen")
    in_north = storage.save("Plan", "d", "{}", {}, room=north.code)
    in_south = storage.save("Plan", "d", "{}", {}, room=south.code)
    in_open = storage.save("Plan", "d", "{}", {})
    other_data = storage.save("Plan", "annan", "{}", {}, room=north.code)
    assert [s.id for s in storage.list("d", north.code)] == [in_north]
    assert [s.id for s in storage.list("d", south.code.lower())] == [in_south]
    assert [s.id for s in storage.list("d")] == [in_open]  # the open workspace
    assert [s.id for s in storage.list("annan", north.code)] == [other_data]
    assert storage.list("d", "ZZZZZZ") == [] and storage.list("d", "not a code") == []
    found = storage.get(in_north, room=north.code)
    assert found is not None and found.room == north.code
    assert storage.get(in_north, room=south.code) is None
    assert storage.get(in_north, room=None) is None
    assert storage.get(in_open, room=None) is not None
    assert storage.get(in_north, room=ALL_ROOMS) == storage.get(in_north) == found
    before = fingerprints(database)
    refusals = [
        lambda: storage.save("X", "d", "{}", {}, room="ZZZZZZ"),  # no such room
        lambda: storage.save("X", "d", "{}", {}, room=south.code, parent_id=in_north),
        lambda: storage.save("X", "d", "{}", {}, parent_id=in_north),  # into the open workspace
        lambda: storage.save("X", "annan", "{}", {}, room=north.code, parent_id=in_north),
        lambda: storage.save("X", "d", "{}", {}, room=north.code, parent_id=in_north + 99),
    ]
    for refused in refusals:
        with pytest.raises(RecordError) as raised:
            refused()
        assert isinstance(raised.value, OSError) and " / " in str(raised.value)
    assert fingerprints(database) == before


def test_a_room_is_joined_with_its_code_in_any_case(database: Path | str) -> None:
    storage = ScenarioStorage(database)
    opened = [storage.open_room(f"Grupp {n}") for n in range(40)]
    codes = [room.code for room in opened]
    assert len(set(codes)) == 40
    assert all(len(c) == 6 and set(c) <= set(ROOM_CODE_ALPHABET) for c in codes)
    assert not set("".join(codes)) & set("0O1IL")
    room = opened[7]
    typed = [room.code, room.code.lower(), f" {room.code[:3]}-{room.code[3:].lower()} "]
    for text in typed:
        assert storage.find_room(text) == room
    assert storage.find_room(room.code[:5]) is None
    assert storage.find_room("O0IL1U") is None
    assert storage.open_room("   ").name == "Workshop"
    assert [r.code for r in storage.list_rooms()[:40]] == codes


def test_a_code_already_taken_is_drawn_again(
    database: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Codes come from `secrets`; here the draws are fixed so that one collides."""
    draws: Iterator[str] = iter(["AAAAAA", "AAAAAA", "BBBBBB"])
    monkeypatch.setattr(storage_record, "new_room_code", lambda: next(draws))
    storage = ScenarioStorage(database)
    first, second = storage.open_room("Ett"), storage.open_room("Två")
    assert (first.code, second.code) == ("AAAAAA", "BBBBBB")
    monkeypatch.setattr(storage_record, "new_room_code", lambda: "AAAAAA")
    with pytest.raises(StorageError, match="no free room code"):
        storage.open_room("Tre")
    assert storage.list_rooms() == [first, second]


# Versions


def test_rename_hide_and_edit_only_add_rows(database: Path | str) -> None:
    storage = ScenarioStorage(database)
    room = storage.open_room("Grupp").code
    first = storage.save("Plan A", "d", '{"budget_sek": 1}', {"cost_sek": 1}, room=room)
    other = storage.save("Plan B", "d", '{"budget_sek": 2}', {}, room=room)
    seen = fingerprints(database)
    steps = [
        ("rename", lambda: storage.rename(first, "  Plan A, kommunens  ")),
        ("edit", lambda: storage.save("Plan A2", "d", '{"budget_sek": 3}', {}, room, latest)),
        ("hide", lambda: storage.hide(latest)),
        ("unhide", lambda: storage.unhide(latest)),
        ("rename", lambda: storage.rename(latest, HOSTILE_NAMES[2])),
    ]
    latest = first
    for change, step in steps:
        made = step()
        now = fingerprints(database)
        assert {i: now[i] for i in seen} == seen  # every earlier row exactly as it was
        assert set(now) - set(seen) == {made}  # one new row
        version = storage.get(made)
        assert version is not None
        assert (version.change, version.parent_id, version.root_id) == (change, latest, first)
        assert version.room == room
        seen, latest = now, made
    names = [(s.name, s.change, s.hidden) for s in storage.history(latest)]
    assert names == [
        ("Plan A", "save", False),
        ("Plan A, kommunens", "rename", False),
        ("Plan A2", "edit", False),
        ("Plan A2", "hide", True),
        ("Plan A2", "unhide", False),
        (HOSTILE_NAMES[2], "rename", False),
    ]
    assert storage.history(first) == storage.history(latest)
    assert storage.history(latest + 100) == []
    assert [s.id for s in storage.list("d", room)] == [other, latest]
    final = storage.get(latest)
    assert final is not None and final.scenario_json == '{"budget_sek": 3}'


def test_hidden_versions_are_listed_only_when_asked(database: Path | str) -> None:
    storage = ScenarioStorage(database)
    kept = storage.save("Kvar", "d", "{}", {})
    hidden = storage.hide(storage.save("Dold", "d", "{}", {}))
    assert [s.id for s in storage.list("d")] == [kept]
    assert [s.id for s in storage.list("d", include_hidden=True)] == [kept, hidden]
    count = len(fingerprints(database))
    assert storage.hide(hidden) == hidden  # already hidden: no new row
    assert storage.rename(kept, " Kvar ") == kept  # the same name: no new row
    assert len(fingerprints(database)) == count
    with pytest.raises(RecordError, match="A name is needed"):
        storage.rename(kept, "   ")
    with pytest.raises(RecordError, match="no saved scenario #999"):
        storage.hide(999)
    assert len(fingerprints(database)) == count


def test_two_changes_to_one_version_are_both_kept(database: Path | str) -> None:
    """Two people edit the same version at once: both versions stay in the list (neither
    replaces the other), and the history shows the branch."""
    storage = ScenarioStorage(database)
    base = storage.save("Plan", "d", "{}", {})
    one = storage.save("Plan, Anna", "d", '{"a": 1}', {}, parent_id=base)
    two = storage.rename(base, "Plan, Bo")
    assert [s.id for s in storage.list("d")] == [one, two]
    assert [(s.id, s.parent_id) for s in storage.history(two)] == [
        (base, None), (one, base), (two, base),
    ]  # fmt: skip


# Many processes

WORKER = """
import sys
from pathlib import Path
from dashapp.storage import ScenarioStorage
database, room, label, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
storage = ScenarioStorage(database if "://" in database else Path(database))
print(storage.open_room(label).code, flush=True)
sys.stdin.readline()
parent = None
for i in range(count):
    # every other save is an edit of the previous one: reads, then writes
    parent = storage.save(f"{label}-{i}", "d", "{}", {}, room=room, parent_id=parent)
    print(parent, flush=True)
    parent = parent if i % 2 == 0 else None
"""


def test_concurrent_saves_into_two_rooms_land_in_their_rooms(database: Path | str) -> None:
    storage = ScenarioStorage(database)
    rooms = [storage.open_room("Norr").code, storage.open_room("Söder").code]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(database), rooms[n % 2], f"w{n}", "16"],
            stdin=PIPE,
            stdout=PIPE,
            text=True,
        )
        for n in range(6)
    ]
    opened = []
    for worker in workers:  # each opened a room of its own; then all save at once
        assert worker.stdout is not None
        opened.append(worker.stdout.readline().strip())
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    expected: dict[int, tuple[str, str]] = {}
    for n, worker in enumerate(workers):
        out, _ = worker.communicate()
        assert worker.returncode == 0
        ids = [int(line) for line in out.splitlines()]
        assert len(ids) == 16
        expected |= {i: (f"w{n}-{k}", rooms[n % 2]) for k, i in enumerate(ids)}
    assert len(set(opened) | set(rooms)) == 8  # eight rooms, eight codes
    joined = "scenarios s JOIN rooms r ON r.id = s.room_id"
    stored = rows(database, f"SELECT s.id, s.name, r.code FROM {joined}")
    assert {i: (name, code) for i, name, code in stored} == expected
    for room in rooms:
        record = storage.record(room).scenarios
        assert {s.id for s in record} == {i for i, (_, code) in expected.items() if code == room}
        assert all(s.parent_id is None or storage.get(s.parent_id, room) for s in record)
        # 3 workers x 8 lineages of two versions each: the latest of each is listed
        assert len(storage.list("d", room)) == 24
