"""expand: tags and a description

Revision ID: e1
Revises: a0
"""
from alembic import op
import sqlalchemy as sa

import migration_cli

revision = "e1"
down_revision = "a0"
branch_labels = (migration_cli.EXPAND_BRANCH,)
depends_on = None


def upgrade():
    op.add_column("project", sa.Column("description", sa.Text))
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("project_id", sa.Integer, sa.ForeignKey("project.id"), nullable=False),
        sa.Column("name", sa.String(32), nullable=False),
    )
