"""initial tables, declared in a list and created in a loop unless they exist

Revision ID: 3d4e5f6a7b01
Revises:
Create Date: 2026-12-06 12:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

from dbutil import get_existing_tables

revision = "3d4e5f6a7b01"
down_revision = None
branch_labels = None
depends_on = None

_INITIAL_TABLES = [
    (
        "author",
        [
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=100), nullable=False),
        ],
        [sa.PrimaryKeyConstraint("id")],
    ),
    (
        "book",
        [
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("author_id", sa.Integer(), nullable=True),
            sa.Column("title", sa.Text(), nullable=True),
        ],
        [
            sa.PrimaryKeyConstraint("id"),
            sa.ForeignKeyConstraint(["author_id"], ["author.id"], name="fk_book_author"),
        ],
    ),
]


def upgrade():
    existing_tables = set(get_existing_tables())
    for name, columns, constraints in _INITIAL_TABLES:
        if name not in existing_tables:
            op.create_table(name, *columns, *constraints)


def downgrade():
    for name, _, _ in reversed(_INITIAL_TABLES):
        op.drop_table(name)
