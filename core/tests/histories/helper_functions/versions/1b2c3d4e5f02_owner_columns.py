"""owner columns

Revision ID: 1b2c3d4e5f02
Revises: 1b2c3d4e5f01
Create Date: 2026-02-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "1b2c3d4e5f02"
down_revision = "1b2c3d4e5f01"
branch_labels = None
depends_on = None


def add_owner(table, nullable=True):
    column = sa.Column("owner", sa.String(length=40), nullable=nullable)
    op.add_column(table, column)
    index_name = f"ix_{table}_owner"
    op.create_index(index_name, table, ["owner"])


def drop_owner(table_name):
    op.drop_index(f"ix_{table_name}_owner", table_name=table_name)
    with op.batch_alter_table(table_name) as batch_op:
        batch_op.drop_column("owner")


def upgrade():
    add_owner("project")
    add_owner(table="team", nullable=True)


def downgrade():
    drop_owner("team")
    drop_owner(table_name="project")
