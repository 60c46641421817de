"""base

Revision ID: a1
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("item", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(50)))


def downgrade():
    op.drop_table("item")
