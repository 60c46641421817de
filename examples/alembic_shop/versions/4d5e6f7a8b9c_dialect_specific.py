"""dialect-specific index and a type change

Revision ID: 4d5e6f7a8b9c
Revises: 3c4d5e6f7a8b
Create Date: 2026-01-26 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "4d5e6f7a8b9c"
down_revision = "3c4d5e6f7a8b"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_users_lower_email ON users (lower(email))")
    else:
        op.create_index("ix_users_lower_email", "users", ["email"])
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("full_name", existing_type=sa.String(length=100), type_=sa.String(length=200))
    op.create_index("ix_orders_status_paid", "orders", ["status"], postgresql_where=sa.text("status = 'paid'"), sqlite_where=sa.text("status = 'paid'"))


def downgrade():
    op.drop_index("ix_orders_status_paid", table_name="orders")
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("full_name", existing_type=sa.String(length=200), type_=sa.String(length=100))
    op.drop_index("ix_users_lower_email", table_name="users")
