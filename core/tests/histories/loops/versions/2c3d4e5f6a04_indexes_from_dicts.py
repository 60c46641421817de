"""indexes named in a list of dicts

Revision ID: 2c3d4e5f6a04
Revises: 2c3d4e5f6a03
Create Date: 2026-12-06 15:00:00.000000

"""
from alembic import op

revision = "2c3d4e5f6a04"
down_revision = "2c3d4e5f6a03"
branch_labels = None
depends_on = None

INDEXES = [
    {"table": "invoice", "name": "ix_invoice_amount_id", "columns": ("amount", "id")},
    {"table": "refund", "name": "ix_refund_amount_id", "columns": ("amount", "id")},
]


def upgrade():
    for index in INDEXES:
        with op.batch_alter_table(index["table"]) as batch_op:
            batch_op.create_index(index["name"], [index["columns"][0], index["columns"][-1]])


def downgrade():
    for index in INDEXES:
        with op.batch_alter_table(index["table"]) as batch_op:
            batch_op.drop_index(index["name"])
