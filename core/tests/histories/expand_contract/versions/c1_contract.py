"""contract: drop the legacy flag

Revision ID: c1
Revises: a0
"""
from alembic import op

from migration_cli import CONTRACT_BRANCH

revision = "c1"
down_revision = "a0"
branch_labels = (CONTRACT_BRANCH,)
depends_on = "e1"


def upgrade():
    with op.batch_alter_table("project") as batch_op:
        batch_op.drop_column("legacy_flag")
