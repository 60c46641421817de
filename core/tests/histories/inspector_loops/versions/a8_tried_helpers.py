"""helpers that search the inspector inside `try: ... except NoSuchTableError: pass`, and
`bool()` of what they return (superset's `table_has_column`)

Revision ID: a8
Revises: a7
"""
from typing import Any, Optional

import sqlalchemy as sa
from alembic import op
from sqlalchemy import inspect
from sqlalchemy.exc import NoSuchTableError

revision = "a8"
down_revision = "a7"
branch_labels = None
depends_on = None


def get_table_column(table_name: str, column_name: str) -> Optional[dict[str, Any]]:
    """The column's dictionary, or None."""
    insp = inspect(op.get_context().bind)

    try:
        for column in insp.get_columns(table_name):
            if column["name"] == column_name:
                return column
    except NoSuchTableError:
        pass

    return None


def table_has_column(table_name: str, column_name: str) -> bool:
    return bool(get_table_column(table_name, column_name))


def upgrade():
    if not table_has_column("note", "flag"):
        op.add_column(
            "note", sa.Column("flag", sa.Boolean(), nullable=True, server_default=sa.false())
        )
    if table_has_column("note", "body"):
        op.create_index("ix_note_body", "note", ["body"])
    if table_has_column("note", "missing"):
        op.drop_table("note")


def downgrade():
    if table_has_column("note", "body"):
        op.drop_index("ix_note_body", table_name="note")
    if table_has_column("note", "flag"):
        op.drop_column("note", "flag")
