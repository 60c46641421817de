"""right branch

Revision ID: c1
Revises: a1
"""
from alembic import op
import sqlalchemy as sa

revision = "c1"
down_revision = "a1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("tag", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("label", sa.String(30), nullable=False, unique=True))


def downgrade():
    op.drop_table("tag")
