"""create tables

Revision ID: 1b2c3d4e5f01
Revises:
Create Date: 2026-02-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "1b2c3d4e5f01"
down_revision = None
branch_labels = None
depends_on = None


def _create_named(table, length=80):
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=length), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(f"ix_{table}_name", table, ["name"], unique=True)


def upgrade():
    _create_named("project")
    _create_named("team", length=120)


def downgrade():
    op.drop_table("team")
    op.drop_table("project")
