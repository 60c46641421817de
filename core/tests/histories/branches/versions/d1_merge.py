"""merge left and right

Revision ID: d1
Revises: b1, c1
"""
from alembic import op
import sqlalchemy as sa

revision = "d1"
down_revision = ("b1", "c1")
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_item_name", "item", ["name"])


def downgrade():
    op.drop_index("ix_item_name", table_name="item")
