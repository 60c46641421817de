"""batch changes: SQLite recreates the table, and leaves out its unnamed CHECK constraints

Revision ID: b2
Revises: a1
Create Date: 2026-04-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"
branch_labels = None
depends_on = None


def upgrade():
    # Only adding a column and an index: SQLite alters the table in place, CHECKs stay.
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.add_column(sa.Column("extra", sa.Integer(), nullable=True))
        batch_op.create_index("ix_accounts_kind", ["kind"])
    # A column change: SQLite recreates the table from its reflection.
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.alter_column("note", existing_type=sa.String(50), type_=sa.String(80))
    # A column whose server default is an expression: SQLite recreates the table too.
    with op.batch_alter_table("ledger") as batch_op:
        batch_op.add_column(sa.Column("fee", sa.Integer(), server_default=sa.text("0")))


def downgrade():
    with op.batch_alter_table("ledger") as batch_op:
        batch_op.drop_column("fee")
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.alter_column("note", existing_type=sa.String(80), type_=sa.String(50))
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.drop_index("ix_accounts_kind")
        batch_op.drop_column("extra")
