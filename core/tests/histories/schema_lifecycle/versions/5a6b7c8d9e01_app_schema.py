"""tables in their own schema, made by op.execute

Revision ID: 5a6b7c8d9e01
Revises:
Create Date: 2026-01-01 00:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = "5a6b7c8d9e01"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE SCHEMA app")
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(100), nullable=False),
        schema="app",
    )
    op.create_index("ix_users_email", "users", ["email"], unique=True, schema="app")
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("app.users.id")),
        schema="app",
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note", sa.Text()),
    )
    op.execute("CREATE DOMAIN app.posint AS integer CHECK (VALUE > 0)")
    op.execute("CREATE TYPE app.pair AS (x integer, y text)")
    op.add_column("posts", sa.Column("score", sa.Integer()), schema="app")


def downgrade():
    op.drop_column("posts", "score", schema="app")
    op.execute("DROP TYPE app.pair")
    op.execute("DROP DOMAIN app.posint")
    op.drop_table("audit")
    op.drop_table("posts", schema="app")
    op.drop_index("ix_users_email", table_name="users", schema="app")
    op.drop_table("users", schema="app")
    op.execute("DROP SCHEMA app")
