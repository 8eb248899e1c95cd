"""The database behind saved scenarios: a SQLite file by default, PostgreSQL when the operator
sets ``DATABASE_URL``; tables and engines here, queries in ``dashapp/storage.py``.

Scenarios and rooms only ever take new rows: triggers made by migration 0002 refuse any UPDATE
or DELETE of either table (and TRUNCATE on PostgreSQL), so no code path, old or new, can change
or remove what a workshop saved.

Opening a database brings its schema to the newest Alembic migration (``dashapp/migrations``).
Several gunicorn workers may open a fresh database at the same moment, so a migration runs
inside one transaction that first takes a lock: ``BEGIN IMMEDIATE`` on SQLite (the file's write
lock), ``pg_advisory_xact_lock`` on PostgreSQL. A worker that waited for the lock then finds
the schema current and changes nothing; both databases run the DDL inside that transaction, so a
crash mid-migration leaves the schema as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.pool import NullPool

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number; it names the lock in PostgreSQL's one space of advisory locks
MIGRATION_LOCK_KEY = 7_305_118_220_512
SQLITE_BUSY_TIMEOUT_S = 10
# An execution option: the SQLite transaction about to begin must take the write lock at once
_SQLITE_IMMEDIATE = "servicekartan_sqlite_immediate"

metadata = sa.MetaData()

rooms = sa.Table(
    "rooms",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.Text, nullable=False),  # stored in capitals; joining ignores case
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.UniqueConstraint("code", name="uq_rooms_code"),
    sqlite_autoincrement=True,
)

scenarios = sa.Table(
    "scenarios",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("dataset", sa.Text, nullable=False),
    sa.Column("scenario_json", sa.Text, nullable=False),
    sa.Column("summary_json", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    # None: the open workspace (every row saved before rooms existed)
    sa.Column(
        "room_id", sa.Integer, sa.ForeignKey("rooms.id", name="fk_scenarios_room_id"), nullable=True
    ),
    # The version this row was made from (an edit, a rename, hiding or showing); None: a first save
    sa.Column(
        "parent_id",
        sa.Integer,
        sa.ForeignKey("scenarios.id", name="fk_scenarios_parent_id"),
        nullable=True,
    ),
    # The first save of this row's lineage; None on that first save itself, whose id is not
    # known before it is inserted (and rows are never updated afterwards)
    sa.Column(
        "root_id",
        sa.Integer,
        sa.ForeignKey("scenarios.id", name="fk_scenarios_root_id"),
        nullable=True,
    ),
    sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
    # What made this version: save, edit, rename, hide or unhide
    sa.Column("change", sa.Text, nullable=False, server_default="save"),
    sa.Index("ix_scenarios_dataset_room_id", "dataset", "room_id"),
    sa.Index("ix_scenarios_parent_id", "parent_id"),
    sa.Index("ix_scenarios_root_id", "root_id"),
    sqlite_autoincrement=True,
)

data_revisions = sa.Table(
    "data_revisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("dataset", sa.Text, nullable=False),
    sa.Column("corrections_json", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sqlite_autoincrement=True,
)


class StorageError(OSError):
    """The database could not be opened, migrated, read or written.

    An ``OSError`` because that is what callers already catch for a file they cannot write
    (the save callback shows it as a message); callers never see a driver's own exceptions.
    """


def database_url(database: Path | str) -> sa.URL:
    """A SQLAlchemy URL: a ``Path`` is a SQLite file, a string is a database URL.

    ``postgres://`` and ``postgresql://`` (as hosting platforms write them) use psycopg 3.
    """
    if isinstance(database, Path):
        return sa.URL.create("sqlite", database=str(database))
    url = sa.make_url(database)
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def open_engine(database: Path | str) -> sa.Engine:
    """The engine for ``database`` with its schema current; raises ``StorageError``."""
    try:
        engine = engine_for(database)
        if not _schema_is_current(engine):
            upgrade(engine)
    except (sa.exc.SQLAlchemyError, ImportError) as error:
        raise StorageError(describe(error)) from error
    return engine


def engine_for(database: Path | str) -> sa.Engine:
    """This process's engine for ``database``, as it is (no migration)."""
    url = database_url(database)
    if isinstance(database, Path):
        database.parent.mkdir(parents=True, exist_ok=True)
    return _engine(os.getpid(), url.render_as_string(hide_password=False))


def for_writing(engine: sa.Engine) -> sa.Engine:
    """``engine`` with every transaction taking SQLite's write lock at ``BEGIN``.

    A write that reads first (a room's id, the version it derives from) must not start as a
    reader: in WAL mode, once another connection has committed since that read, the upgrade to
    writer fails at once with SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out. Taking the
    lock first makes such writes queue like plain inserts. PostgreSQL ignores the option.
    """
    return engine.execution_options(**{_SQLITE_IMMEDIATE: True})


def describe(error: BaseException) -> str:
    """The driver's own words for a failure, without the SQL text and parameters SQLAlchemy
    appends (a user sees this message)."""
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


@lru_cache(maxsize=16)
def _engine(pid: int, url: str) -> sa.Engine:
    """One engine per process and database. The process id is part of the key so that a
    gunicorn worker forked from a parent that already had an engine opens its own connections
    rather than sharing the parent's sockets."""
    del pid
    if sa.make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return sa.create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: str) -> sa.Engine:
    # No pool: opening a SQLite file takes microseconds, and holding none keeps no file open
    # between requests and nothing open across a fork.
    engine = sa.create_engine(
        url, poolclass=NullPool, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The sqlite3 module would start transactions only before INSERT/UPDATE/DELETE and run
        # CREATE TABLE outside them; SQLAlchemy says where transactions begin instead (below).
        dbapi_connection.isolation_level = None
        # WAL: readers never wait for a writer. FULL: a save is on disk before it is acknowledged.
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA synchronous=FULL")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        immediate = connection.get_execution_options().get(_SQLITE_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """Alembic's configuration for the packaged migrations; ``connection`` is the locked one
    the migrations run on (``dashapp/migrations/env.py`` reads it)."""
    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _schema_is_current(engine: sa.Engine) -> bool:
    """Whether the database is at the newest migration: one cheap read on every open."""
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current == head_revision()


@contextmanager
def migration_lock(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A connection inside a transaction that holds the migration lock until it commits."""
    with engine.connect() as connection:
        connection.execution_options(**{_SQLITE_IMMEDIATE: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                )
            yield connection


def upgrade(engine: sa.Engine) -> None:
    """Run every migration the database lacks, under the lock (a no-op when it has them all)."""
    with migration_lock(engine) as connection:
        command.upgrade(alembic_config(connection), "head")
