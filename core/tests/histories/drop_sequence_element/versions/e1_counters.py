"""counters, with sequences

Revision ID: e1
Revises:
Create Date: 2026-03-06 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "e1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE SEQUENCE counter_seq")
    op.execute("CREATE SEQUENCE spare_seq")
    op.create_table(
        "counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("counter")
    op.execute("DROP SEQUENCE spare_seq")
    op.execute("DROP SEQUENCE counter_seq")
