"""add columns, rename, constraints

Revision ID: 2b3c4d5e6f7a
Revises: 1a2b3c4d5e6f
Create Date: 2026-01-12 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "2b3c4d5e6f7a"
down_revision = "1a2b3c4d5e6f"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("is_active", sa.Boolean(), server_default=sa.true(), nullable=False))
    op.add_column("orders", sa.Column("note", sa.Text(), nullable=True))
    op.alter_column("users", "name", new_column_name="full_name", existing_type=sa.String(length=100))
    with op.batch_alter_table("users") as batch_op:
        batch_op.create_unique_constraint("uq_users_full_name", ["full_name"])
    with op.batch_alter_table("orders") as batch_op:
        batch_op.create_check_constraint("ck_orders_total_positive", "total >= 0")


def downgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_constraint("ck_orders_total_positive", type_="check")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_constraint("uq_users_full_name", type_="unique")
    op.alter_column("users", "full_name", new_column_name="name", existing_type=sa.String(length=100))
    op.drop_column("orders", "note")
    op.drop_column("users", "is_active")
