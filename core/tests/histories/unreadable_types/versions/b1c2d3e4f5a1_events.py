"""events, with a type load_dialect_impl picks per dialect (once unreadable: the fixture keeps its name)

Revision ID: b1c2d3e4f5a1
Revises:
Create Date: 2026-12-06 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "b1c2d3e4f5a1"
down_revision = None
branch_labels = None
depends_on = None


class UtcDateTime(sa.TypeDecorator):
    """A timestamp with its time zone where the database has one (airflow's idea)."""

    impl = sa.DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(sa.DateTime(timezone=True))
        return dialect.type_descriptor(sa.DateTime())


def upgrade():
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("happened_at", UtcDateTime(), nullable=True),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_event_happened_at", "event", ["happened_at"])


def downgrade():
    op.drop_index("ix_event_happened_at", table_name="event")
    op.drop_table("event")
