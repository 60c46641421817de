"""plan enterprise

Revision ID: 4e5f6a7b8c02
Revises: 4e5f6a7b8c01
Create Date: 2026-02-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "4e5f6a7b8c02"
down_revision = "4e5f6a7b8c01"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE plan ADD VALUE 'enterprise'")
    op.add_column("account", sa.Column("seats", sa.Integer(), nullable=True), schema="billing")


def downgrade():
    op.drop_column("account", "seats", schema="billing")
