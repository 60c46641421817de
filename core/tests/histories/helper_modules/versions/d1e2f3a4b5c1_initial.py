"""initial: the tables come from the application's helper module

Revision ID: d1e2f3a4b5c1
Revises:
Create Date: 2026-12-07 11:00:00.000000

"""
from app.migrations import add_tables

revision = "d1e2f3a4b5c1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    add_tables.upgrade()


def downgrade():
    add_tables.downgrade()
