"""domains and composite types change in place; a serial table goes

Revision ID: 5a6b7c8d9e02
Revises: 5a6b7c8d9e01
Create Date: 2026-01-02 00:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = "5a6b7c8d9e02"
down_revision = "5a6b7c8d9e01"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE app.posts ALTER COLUMN score TYPE app.posint")
    op.execute("ALTER DOMAIN app.posint DROP CONSTRAINT posint_check")
    op.execute("ALTER DOMAIN app.posint ADD CHECK (VALUE >= 0)")
    op.execute("ALTER DOMAIN app.posint SET DEFAULT 1")
    op.execute("ALTER TYPE app.pair ADD ATTRIBUTE z boolean, DROP ATTRIBUTE y")
    op.drop_table("audit")


def downgrade():
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note", sa.Text()),
    )
    op.execute("ALTER TYPE app.pair DROP ATTRIBUTE z, ADD ATTRIBUTE y text")
    op.execute("ALTER DOMAIN app.posint DROP DEFAULT")
    op.execute("ALTER DOMAIN app.posint DROP CONSTRAINT posint_check")
    op.execute("ALTER DOMAIN app.posint ADD CHECK (VALUE > 0)")
    op.execute("ALTER TABLE app.posts ALTER COLUMN score TYPE integer")
