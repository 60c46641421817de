"""tickets, with the CHECKs of schema types

Revision ID: b7c8d9e0f1a1
Revises:
Create Date: 2026-12-06 22:40:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "b7c8d9e0f1a1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "ticket",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum("open", "closed", name="ticket_state", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("urgent", sa.Boolean(create_constraint=True, name="ck_ticket_urgent"), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("ticket")
