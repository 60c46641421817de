"""create billing.account

Revision ID: 4e5f6a7b8c01
Revises:
Create Date: 2026-02-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "4e5f6a7b8c01"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE SCHEMA billing")
    # The enum type is created in the default schema (public), not in the table's.
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("plan", sa.Enum("free", "pro", name="plan"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        schema="billing",
    )


def downgrade():
    op.drop_table("account", schema="billing")
    sa.Enum(name="plan").drop(op.get_bind())
    # (the schema is left: schemashift does not read DROP SCHEMA)
