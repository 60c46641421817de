"""expand: index tag names

Revision ID: e2
Revises: e1
"""
from alembic import op

revision = "e2"
down_revision = "e1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_tag_name", "tag", ["name"])
