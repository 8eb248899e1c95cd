"""Saved scenarios and data revisions on a real SQLite file and a real PostgreSQL server
(tests/pg.py starts a throwaway one): the same tests on both, plus the upgrade of a SQLite file
made before migrations existed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from subprocess import PIPE
from typing import Any

import flask
import pytest
import sqlalchemy as sa

from dashapp.callbacks import workspace
from dashapp.data import SETTINGS_KEY
from dashapp.db import database_url, head_revision
from dashapp.settings import Settings
from dashapp.storage import ScenarioStorage, StorageError
from models.scenario import Scenario
from tests.pg import PostgresServer

# A process that opens the storage when told to ("go" on stdin, so that all open at once), then
# saves `count` scenarios and prints each id only after save() returned: a printed id is an
# acknowledged save.
WORKER = """
import sys
from pathlib import Path
from dashapp.storage import ScenarioStorage
database, label, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
storage = ScenarioStorage(database if "://" in database else Path(database))
for i in range(count):
    print(storage.save(f"{label}-{i}", "d", "{}", {"i": i}), flush=True)
"""

# The schema the app made before Alembic (dashapp/storage.py until the move to SQLAlchemy)
OLD_SCHEMA = """
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

HOSTILE_NAMES = [
    "Plan \"A\" med 'citat'",
    "<img src=x onerror=alert(1)> & <script>alert('x')</script>",
    "Robert'); DROP TABLE scenarios;--",
    "Växjö – Älmhult: ÅÄÖ åäö ✓ 日本語 🚗",
    "=1+2 \\ back\\slash %s %(name)s ? :name",
    "two\nlines\tand a tab",
]


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new, empty database: a SQLite file's path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return tmp_path / "saved.sqlite3"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database()


def rows(database: Path | str, query: str) -> list[tuple[Any, ...]]:
    """Read the database directly, past the storage class."""
    engine = sa.create_engine(database_url(database), poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(sa.text(query))]


def test_save_list_and_get(database: Path | str) -> None:
    storage = ScenarioStorage(database)
    first = storage.save("  Plan A ", "kronoberg", Scenario(budget_sek=1).to_json(), {"cost": 1})
    other = storage.save("Plan B", "annan", Scenario(budget_sek=2).to_json(), {})
    unnamed = storage.save("   ", "kronoberg", "{}", {"covered": {"grocery": 12}})
    assert [s.id for s in storage.list("kronoberg")] == [first, unnamed]
    assert [s.id for s in storage.list("annan")] == [other]
    found = storage.get(first)
    assert found is not None
    assert (found.name, found.dataset, found.summary) == ("Plan A", "kronoberg", {"cost": 1})
    assert Scenario.from_json(found.scenario_json).budget_sek == 1
    assert found.created_at.endswith("+00:00")
    saved_unnamed = storage.get(unnamed)
    assert saved_unnamed is not None and saved_unnamed.name == "Scenario"
    assert saved_unnamed.summary == {"covered": {"grocery": 12}}
    assert storage.get(unnamed + 1000) is None
    assert ScenarioStorage(database).list("kronoberg") == storage.list("kronoberg")


def test_saving_twice_under_one_name_inserts_two_rows(database: Path | str) -> None:
    storage = ScenarioStorage(database)
    first = storage.save("Plan", "d", Scenario(budget_sek=1).to_json(), {})
    second = storage.save("Plan", "d", Scenario(budget_sek=2).to_json(), {})
    assert first != second
    assert rows(database, "SELECT id, name FROM scenarios ORDER BY id") == [
        (first, "Plan"),
        (second, "Plan"),
    ]
    kept = storage.get(first)
    assert kept is not None and Scenario.from_json(kept.scenario_json).budget_sek == 1


def test_revisions_are_insert_only_and_apart_from_scenarios(database: Path | str) -> None:
    storage = ScenarioStorage(database)
    scenario = storage.save("Rättelse", "d", "{}", {})
    first = storage.save_revision("Rättelse", "d", '[{"place": 1}]')
    second = storage.save_revision("Rättelse", "d", "[]")
    blank = storage.save_revision(" ", "annan", "[]")
    assert first != second
    assert [r.id for r in storage.list_revisions("d")] == [first, second]
    found = storage.get_revision(first)
    assert found is not None
    assert (found.name, found.dataset, found.corrections_json) == (
        "Rättelse",
        "d",
        '[{"place": 1}]',
    )
    named = storage.get_revision(blank)
    assert named is not None and named.name == "Revision"
    assert storage.get_revision(blank + 1000) is None
    assert [s.id for s in storage.list("d")] == [scenario]


def test_names_and_texts_round_trip_exactly(database: Path | str) -> None:
    storage = ScenarioStorage(database)
    ids = [
        storage.save(name, name, f'{{"name": "{name!r}"}}', {"n": name}) for name in HOSTILE_NAMES
    ]
    revisions = [storage.save_revision(name, name, name) for name in HOSTILE_NAMES]
    for name, scenario_id, revision_id in zip(HOSTILE_NAMES, ids, revisions, strict=True):
        saved, revision = storage.get(scenario_id), storage.get_revision(revision_id)
        assert saved is not None and revision is not None
        assert (saved.name, saved.dataset, saved.summary) == (name, name, {"n": name})
        assert saved.scenario_json == f'{{"name": "{name!r}"}}'
        assert (revision.name, revision.corrections_json) == (name, name)
        assert [s.id for s in storage.list(name)] == [scenario_id]
    assert len(rows(database, "SELECT id FROM scenarios")) == len(HOSTILE_NAMES)


def test_a_nul_character_is_stored_by_sqlite_and_refused_by_postgresql(
    database: Path | str,
) -> None:
    """PostgreSQL's text cannot hold NUL; the refusal is a StorageError that loses nothing."""
    storage = ScenarioStorage(database)
    kept = storage.save("Kept", "d", "{}", {})
    if isinstance(database, Path):
        stored = storage.get(storage.save("a\x00b", "d", "{}", {}))
        assert stored is not None and stored.name == "a\x00b"
    else:
        with pytest.raises(StorageError, match="NUL"):
            storage.save("a\x00b", "d", "{}", {})
        assert [s.id for s in storage.list("d")] == [kept]


def start_workers(database: Path | str, count: int, saves: int) -> list[subprocess.Popen[str]]:
    """``count`` worker processes, all released at once after each has started."""
    command = [sys.executable, "-c", WORKER, str(database)]
    workers = [
        subprocess.Popen([*command, f"w{n}", str(saves)], stdin=PIPE, stdout=PIPE, text=True)
        for n in range(count)
    ]
    for worker in workers:
        assert worker.stdout is not None and worker.stdout.readline() == "ready\n"
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    return workers


def test_concurrent_saves_from_many_processes_on_a_fresh_database(database: Path | str) -> None:
    """Ten processes open one new database at the same moment (each runs the migration check;
    one migrates while the others wait for its lock), then each saves twenty scenarios."""
    workers = start_workers(database, count=10, saves=20)
    acknowledged: dict[int, str] = {}
    for n, worker in enumerate(workers):
        out, _ = worker.communicate()
        assert worker.returncode == 0
        acknowledged.update({int(line): f"w{n}-{i}" for i, line in enumerate(out.splitlines())})
    assert len(acknowledged) == 200  # 200 distinct ids
    stored = dict(rows(database, "SELECT id, name FROM scenarios"))
    assert stored == acknowledged
    assert rows(database, "SELECT version_num FROM alembic_version") == [(head_revision(),)]


def test_no_acknowledged_save_is_lost_when_processes_are_killed(database: Path | str) -> None:
    """Three processes save as fast as they can and are killed with SIGKILL mid-stream."""
    ScenarioStorage(database)  # migrated before, so the kill lands among saves
    workers = start_workers(database, count=3, saves=100_000)
    acknowledged: set[int] = set()
    for worker in workers:
        assert worker.stdout is not None
        acknowledged.update(int(worker.stdout.readline()) for _ in range(30))
    for worker in workers:
        os.kill(worker.pid, signal.SIGKILL)
    for worker in workers:
        rest, _ = worker.communicate()
        assert worker.returncode == -signal.SIGKILL  # killed, not finished
        acknowledged.update(
            int(line) for line in rest.splitlines(keepends=True) if line.endswith("\n")
        )
    stored = {row[0] for row in rows(database, "SELECT id FROM scenarios")}
    assert acknowledged <= stored and len(acknowledged) >= 90
    assert len(ScenarioStorage(database).list("d")) == len(stored)
    if isinstance(database, Path):
        assert rows(database, "PRAGMA integrity_check") == [("ok",)]


def test_open_brings_the_schema_to_the_newest_migration(database: Path | str) -> None:
    ScenarioStorage(database)
    ScenarioStorage(database)  # a second open finds it current and changes nothing
    assert head_revision() == "0002"
    assert rows(database, "SELECT version_num FROM alembic_version") == [("0002",)]
    engine = sa.create_engine(database_url(database), poolclass=sa.pool.NullPool)
    tables = set(sa.inspect(engine).get_table_names())
    assert {"scenarios", "data_revisions", "alembic_version"} <= tables


def test_a_sqlite_file_from_before_migrations_keeps_its_rows(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(old) as connection:
        connection.executescript(OLD_SCHEMA)
        connection.execute(
            "INSERT INTO scenarios (name, dataset, scenario_json, summary_json, created_at) "
            "VALUES ('Gammal', 'd', '{}', '{\"cost_sek\": 5}', '2025-01-01T00:00:00+00:00')"
        )
        connection.execute(
            "INSERT INTO data_revisions (name, dataset, corrections_json, created_at) "
            "VALUES ('Rev', 'd', '[]', '2025-01-02T00:00:00+00:00')"
        )
    connection.close()
    storage = ScenarioStorage(old)
    [kept] = storage.list("d")
    assert (kept.id, kept.name, kept.summary, kept.created_at) == (
        1, "Gammal", {"cost_sek": 5}, "2025-01-01T00:00:00+00:00",
    )  # fmt: skip
    assert [r.name for r in storage.list_revisions("d")] == ["Rev"]
    assert storage.save("Ny", "d", "{}", {}) == 2
    assert rows(old, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert rows(old, "PRAGMA integrity_check") == [("ok",)]
    fresh = tmp_path / "fresh.sqlite3"
    ScenarioStorage(fresh)
    for table in ("scenarios", "data_revisions", "rooms"):
        # name, type and key of every column as before; "NOT NULL" is now also written on the
        # id (SQLite never lets an INTEGER PRIMARY KEY be null either way)
        query = f"SELECT name, type, pk, [notnull] OR pk FROM pragma_table_info('{table}')"
        assert rows(fresh, query) == rows(old, query)
        autoincrement = f"SELECT sql LIKE '%AUTOINCREMENT%' FROM sqlite_master WHERE name='{table}'"
        assert rows(fresh, autoincrement) == rows(old, autoincrement) == [(1,)]


def test_an_unreachable_database_is_a_storage_error_without_its_password(
    tmp_path: Path,
) -> None:
    import socket

    with socket.socket() as probe:  # a port on which nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StorageError) as raised:
        ScenarioStorage(f"postgresql://user:hemligt@127.0.0.1:{port}/x")
    assert isinstance(raised.value, OSError) and "hemligt" not in str(raised.value)
    assert str(port) in str(raised.value)  # the driver's words: which server failed
    (tmp_path / "a-folder").mkdir()
    with pytest.raises(StorageError, match="unable to open"):
        ScenarioStorage(tmp_path / "a-folder")
    (tmp_path / "a-file").write_text("not a database")
    with pytest.raises(OSError):  # no folder can be made for the file
        ScenarioStorage(tmp_path / "a-file" / "saved.sqlite3")
    with pytest.raises(StorageError, match="not a database"):
        ScenarioStorage(tmp_path / "a-file")


def test_database_url_from_the_environment(tmp_path: Path) -> None:
    environ = {"SERVICEKARTAN_DB": str(tmp_path / "s.sqlite3")}
    assert Settings.from_env(environ).database == tmp_path / "s.sqlite3"
    environ["DATABASE_URL"] = "postgres://u:hemligt@db.example/servicekartan"
    settings = Settings.from_env(environ)
    assert settings.database == "postgres://u:hemligt@db.example/servicekartan"
    assert "hemligt" not in repr(settings)
    assert database_url(settings.database).drivername == "postgresql+psycopg"
    assert Settings.from_env({"DATABASE_URL": "  "}).database_url is None


def test_the_save_callback_writes_to_the_configured_database(
    database: Path | str, app_context: Settings, result: dict[str, Any]
) -> None:
    del result  # the default scenario solved once, so saving does not wait for the solver
    if isinstance(database, Path):
        settings = replace(app_context, database_path=database)
    else:
        settings = replace(app_context, database_url=database)
    flask.current_app.config[SETTINGS_KEY] = settings
    message, version = workspace.save(1, "På servern", Scenario().to_dict(), 0, "sv")
    assert version == 1 and "Sparat" in str(message)
    _, options, _ = workspace.list_saved(version, "sv")
    assert [o["label"] for o in options] == ["På servern (#1)"]
    assert rows(database, "SELECT name FROM scenarios") == [("På servern",)]
