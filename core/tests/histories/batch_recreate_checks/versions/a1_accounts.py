"""accounts with named and unnamed CHECK constraints

Revision ID: a1
Revises:
Create Date: 2026-04-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("balance", sa.Integer(), sa.CheckConstraint("balance >= 0"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=True),
        sa.Column("note", sa.String(50), nullable=True),
        sa.Column("active", sa.Boolean(create_constraint=True), nullable=True),
        sa.CheckConstraint("kind IN ('a', 'b')"),
        sa.CheckConstraint("length(note) > 0", name="ck_accounts_note"),
    )
    op.create_table(
        "ledger",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount <> 0"),
    )


def downgrade():
    op.drop_table("ledger")
    op.drop_table("accounts")
