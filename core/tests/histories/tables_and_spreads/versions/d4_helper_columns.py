"""columns a helper function returns

Revision ID: d4
Revises: c3
Create Date: 2026-05-08 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "d4"
down_revision = "c3"
branch_labels = None
depends_on = None


def _scoped_column(name, length=63):
    return sa.Column(name, sa.String(length), nullable=False, server_default=sa.text("'default'"))


def upgrade():
    op.add_column("services", _scoped_column("workspace"))
    op.add_column("quotas", _scoped_column("zone", length=20))


def downgrade():
    op.drop_column("quotas", "zone")
    op.drop_column("services", "workspace")
