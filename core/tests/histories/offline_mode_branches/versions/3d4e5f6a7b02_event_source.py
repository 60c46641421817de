"""event source

Revision ID: 3d4e5f6a7b02
Revises: 3d4e5f6a7b01
Create Date: 2026-02-02 10:00:00.000000

"""
from alembic import context, op
import sqlalchemy as sa

revision = "3d4e5f6a7b02"
down_revision = "3d4e5f6a7b01"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("event", sa.Column("source", sa.String(length=40), nullable=True))
    # decided by its first test on PostgreSQL, whatever the second would say
    if op.get_bind().dialect.name == "postgresql" or undecidable():
        op.create_index("ix_event_source", "event", ["source"])


def undecidable():
    return False


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_event_source", table_name="event")
    with op.batch_alter_table("event") as batch_op:
        batch_op.drop_column("source")
