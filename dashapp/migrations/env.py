"""Alembic's entry point for the packaged migrations.

The app runs them itself when it opens a database (``dashapp.db.upgrade``) and hands over a
connection that already holds the migration lock. Run by hand (``alembic -c
dashapp/migrations/alembic.ini upgrade head``), this opens the database the settings name
(``DATABASE_URL`` or ``SERVICEKARTAN_DB``) and takes the same lock.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from dashapp import db
from dashapp.settings import Settings


def _run(connection: sa.Connection) -> None:
    # Batch operations: SQLite can alter a table only by copying it, and autogenerate should
    # write migrations that work on both databases.
    context.configure(connection=connection, target_metadata=db.metadata, render_as_batch=True)
    with context.begin_transaction():  # joins the caller's transaction, which holds the lock
        context.run_migrations()


def _main() -> None:
    given = context.config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    database = Settings.from_env().database
    if context.is_offline_mode():  # `alembic upgrade head --sql`: write the SQL, run nothing
        context.configure(
            url=db.database_url(database), target_metadata=db.metadata, literal_binds=True
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    with db.migration_lock(db.engine_for(database)) as connection:
        _run(connection)


_main()
