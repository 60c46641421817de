"""ticket.archived, a Boolean with its CHECK

Revision ID: b7c8d9e0f1a2
Revises: b7c8d9e0f1a1
Create Date: 2026-12-06 22:41:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "b7c8d9e0f1a2"
down_revision = "b7c8d9e0f1a1"
branch_labels = None
depends_on = None


def upgrade():
    # Alembic adds the Boolean's CHECK after the column (not on SQLite, which cannot ALTER
    # constraints).
    op.add_column(
        "ticket",
        sa.Column("archived", sa.Boolean(create_constraint=True, name="ck_ticket_archived"), nullable=True),
    )


def downgrade():
    # The CHECK goes with its column.
    op.drop_column("ticket", "archived")
