"""batch changes and a data step

Revision ID: 3c4d5e6f7a8b
Revises: 2b3c4d5e6f7a
Create Date: 2026-01-19 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "3c4d5e6f7a8b"
down_revision = "2b3c4d5e6f7a"
branch_labels = None
depends_on = None

ADDRESS_LEN = 200


def upgrade():
    op.create_table(
        "addresses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("line1", sa.String(ADDRESS_LEN), nullable=False),
        sa.Column("city", sa.String(80), nullable=True, index=True),
    )
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column("note", existing_type=sa.Text(), nullable=False, server_default="")
        batch_op.add_column(sa.Column("address_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_orders_address_id", "addresses", ["address_id"], ["id"])
    op.execute("UPDATE orders SET note = '' WHERE note IS NULL")
    users = sa.table("users", sa.column("email", sa.String))
    op.bulk_insert(users, [{"email": "admin@example.com"}])


def downgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_constraint("fk_orders_address_id", type_="foreignkey")
        batch_op.drop_column("address_id")
        batch_op.alter_column("note", existing_type=sa.Text(), nullable=True, server_default=None)
    op.drop_table("addresses")
