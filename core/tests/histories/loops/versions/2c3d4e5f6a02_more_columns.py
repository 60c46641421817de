"""more columns

Revision ID: 2c3d4e5f6a02
Revises: 2c3d4e5f6a01
Create Date: 2026-02-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "2c3d4e5f6a02"
down_revision = "2c3d4e5f6a01"
branch_labels = None
depends_on = None

COLUMNS = (
    ("invoice", "due_date"),
    ("receipt", "paid_date"),
)


def upgrade():
    for table, column in COLUMNS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column(column, sa.Date(), nullable=True))
    for table in ("invoice", "refund"):
        op.add_column(table, sa.Column("note", sa.Text(), nullable=True))


def downgrade():
    for table in ("invoice", "refund"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("note")
    for table, column in list(COLUMNS):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column(column)
