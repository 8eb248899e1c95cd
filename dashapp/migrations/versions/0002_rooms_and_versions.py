"""Workshop rooms, and saved scenarios as immutable versions.

Adds the ``rooms`` table and five columns to ``scenarios``: ``room_id`` (None: the open
workspace, where every earlier row stays), ``parent_id`` and ``root_id`` (the version a row
was made from, and the first save of its lineage), ``hidden`` and ``change`` (what made the
version). Every column is added in place (``ALTER TABLE ... ADD COLUMN``), never by copying
the table, so every existing row keeps its id and text; the new columns read as "a first save
in the open workspace, shown".

Then triggers make both tables insert-only. A later migration that has to rebuild
``scenarios`` on SQLite (Alembic's batch mode copies the table) loses its triggers with the old
table and must create them again (``INSERT_ONLY_SQLITE`` below).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("scenarios", "rooms")
REFUSAL = "saved scenarios and rooms only take new rows; save a new version instead"

INSERT_ONLY_SQLITE = [
    f"CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table} "
    f"BEGIN SELECT RAISE(ABORT, '{table}: {REFUSAL}'); END"
    for table in TABLES
    for verb in ("update", "delete")
]

INSERT_ONLY_POSTGRESQL = [
    # No "%" placeholder in the message: `upgrade --sql` would print it doubled
    "CREATE FUNCTION servicekartan_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"BEGIN RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ': {REFUSAL}'; END $$",
    *(
        f"CREATE TRIGGER {table}_insert_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION servicekartan_insert_only()"
        for table in TABLES
    ),
    # Row triggers do not see TRUNCATE
    *(
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION servicekartan_insert_only()"
        for table in TABLES
    ),
]


def upgrade() -> None:
    sqlite = op.get_context().dialect.name == "sqlite"
    op.create_table(
        "rooms",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("code", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.UniqueConstraint("code", name="uq_rooms_code"),
        sqlite_autoincrement=True,
    )
    references = {
        "room_id": ("fk_scenarios_room_id", "rooms"),
        "parent_id": ("fk_scenarios_parent_id", "scenarios"),
        "root_id": ("fk_scenarios_root_id", "scenarios"),
    }
    for column, (name, target) in references.items():
        if sqlite:
            # SQLite adds a reference only inline in ADD COLUMN (Alembic would copy the table)
            op.execute(
                f"ALTER TABLE scenarios ADD COLUMN {column} INTEGER "
                f"CONSTRAINT {name} REFERENCES {target} (id)"
            )
        else:
            op.add_column("scenarios", sa.Column(column, sa.Integer, nullable=True))
            op.create_foreign_key(name, "scenarios", target, [column], ["id"])
    op.add_column(
        "scenarios", sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false())
    )
    op.add_column("scenarios", sa.Column("change", sa.Text, nullable=False, server_default="save"))
    op.create_index("ix_scenarios_dataset_room_id", "scenarios", ["dataset", "room_id"])
    op.create_index("ix_scenarios_parent_id", "scenarios", ["parent_id"])
    op.create_index("ix_scenarios_root_id", "scenarios", ["root_id"])
    for statement in INSERT_ONLY_SQLITE if sqlite else INSERT_ONLY_POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    # Going back would put every room's scenarios into one shared list: refused.
    raise NotImplementedError("rooms are not undone; export the record and restore by hand")
