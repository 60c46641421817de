"""a readable default replaces one that was not

Revision ID: c2
Revises: c1
Create Date: 2026-03-04 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "c2"
down_revision = "c1"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("alarm") as batch_op:
        batch_op.alter_column("created", existing_type=sa.String(40), server_default="never")


def downgrade():
    with op.batch_alter_table("alarm") as batch_op:
        batch_op.alter_column(
            "created", existing_type=sa.String(40), server_default="2026-03-03 10:00:00"
        )
