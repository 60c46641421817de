"""tables, with a local name bound again between operations

Revision ID: a1
Revises:
Create Date: 2026-03-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "instances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state", sa.PickleType(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "migrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(255), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    # Each operation uses the value the name has when it runs (as nova's revisions do).
    table_name = "instances"
    with op.batch_alter_table(table_name) as batch_op:
        batch_op.add_column(sa.Column("compute_id", sa.BigInteger(), nullable=True))
    op.create_index("instances_compute_id_idx", table_name, ["compute_id"])
    table_name = "migrations"
    with op.batch_alter_table(table_name) as batch_op:
        batch_op.add_column(sa.Column("dest_compute_id", sa.BigInteger(), nullable=True))
    # A stray comma makes this call a one-element tuple; it still runs.
    op.create_index("migrations_status_idx", table_name, ["status"]),


def downgrade():
    table_name = "migrations"
    op.drop_index("migrations_status_idx", table_name=table_name)
    with op.batch_alter_table(table_name) as batch_op:
        batch_op.drop_column("dest_compute_id")
    table_name = "instances"
    op.drop_index("instances_compute_id_idx", table_name=table_name)
    with op.batch_alter_table(table_name) as batch_op:
        batch_op.drop_column("compute_id")
    op.drop_table("migrations")
    op.drop_table("instances")
