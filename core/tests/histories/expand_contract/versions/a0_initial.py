"""initial

Revision ID: a0
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "a0"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "project",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("legacy_flag", sa.Boolean),
    )


def downgrade():
    op.drop_table("project")
