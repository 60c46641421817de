"""rename a column on the tables a helper returns

Revision ID: 2c3d4e5f6a03
Revises: 2c3d4e5f6a02
Create Date: 2026-12-06 14:00:00.000000

"""
from typing import Set

from alembic import op
import sqlalchemy as sa

revision = "2c3d4e5f6a03"
down_revision = "2c3d4e5f6a02"
branch_labels = None
depends_on = None


def _changed_tables() -> Set[str]:
    """The tables whose note becomes a remark."""
    return {"invoice", "refund"}


def upgrade():
    for table in _changed_tables():
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column("note", new_column_name="remark", existing_type=sa.Text())


def downgrade():
    for table in reversed(sorted(_changed_tables())):
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column("remark", new_column_name="note", existing_type=sa.Text())
