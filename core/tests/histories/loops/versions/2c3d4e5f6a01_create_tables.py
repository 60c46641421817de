"""create tables

Revision ID: 2c3d4e5f6a01
Revises:
Create Date: 2026-02-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "2c3d4e5f6a01"
down_revision = None
branch_labels = None
depends_on = None

TABLES = ["invoice", "receipt", "refund"]


def upgrade():
    for name in TABLES:
        op.create_table(
            name,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("amount", sa.Numeric(precision=10, scale=2), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(f"ix_{name}_amount", name, ["amount"])


def downgrade():
    for name in reversed(TABLES):
        op.drop_index(f"ix_{name}_amount", table_name=name)
        op.drop_table(name)
