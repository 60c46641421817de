"""alarms, with server defaults computed when the revision runs

Revision ID: c1
Revises:
Create Date: 2026-03-03 10:00:00.000000

"""
import datetime

from alembic import op
import sqlalchemy as sa

revision = "c1"
down_revision = None
branch_labels = None
depends_on = None


def _now():
    return str(datetime.datetime(2026, 3, 3, 10, 0, 0))


def upgrade():
    op.create_table(
        "alarm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(20), server_default="ok", nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # As aodh's revisions do: the time the migration runs.
    op.add_column(
        "alarm",
        sa.Column(
            "evaluated",
            sa.String(40),
            server_default=str(datetime.datetime.utcnow()),
            nullable=False,
        ),
    )
    op.add_column("alarm", sa.Column("created", sa.String(40), server_default=_now()))


def downgrade():
    op.drop_column("alarm", "created")
    op.drop_column("alarm", "evaluated")
    op.drop_table("alarm")
