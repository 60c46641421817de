"""contract: tag names unique per project

Revision ID: c2
Revises: c1
"""
from alembic import op

revision = "c2"
down_revision = "c1"
branch_labels = None
depends_on = "e2"


def upgrade():
    with op.batch_alter_table("tag") as batch_op:
        batch_op.create_unique_constraint("uq_tag_project_name", ["project_id", "name"])
