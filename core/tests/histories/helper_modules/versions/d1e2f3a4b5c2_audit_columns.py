"""audit columns, added by a local helper through another one

Revision ID: d1e2f3a4b5c2
Revises: d1e2f3a4b5c1
Create Date: 2026-12-07 11:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "d1e2f3a4b5c2"
down_revision = "d1e2f3a4b5c1"
branch_labels = None
depends_on = None


def _column(table, name, type_):
    op.add_column(table, sa.Column(name, type_, nullable=True, server_default=None))


def _audit(table):
    _column(table, "created_by", sa.String(length=50))
    _column(table, "created_at", sa.DateTime())


def upgrade():
    for table in ("accounts", "sessions"):
        _audit(table)


def downgrade():
    for table in ("sessions", "accounts"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("created_at")
            batch_op.drop_column("created_by")
