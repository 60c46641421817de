"""left branch

Revision ID: b1
Revises: a1
"""
from alembic import op
import sqlalchemy as sa

revision = "b1"
down_revision = "a1"
branch_labels = ("left",)
depends_on = None


def upgrade():
    op.add_column("item", sa.Column("price", sa.Numeric(10, 2)))


def downgrade():
    op.drop_column("item", "price")
