"""tables and columns made through the application's helpers with *columns

Revision ID: 3d4e5f6a7b03
Revises: 3d4e5f6a7b02
Create Date: 2026-12-06 12:20:00.000000

"""
import sqlalchemy as sa
from alembic import op

from dbutil import add_columns, create_fks, create_table, drop_fks

revision = "3d4e5f6a7b03"
down_revision = "3d4e5f6a7b02"
branch_labels = None
depends_on = None


def upgrade():
    create_table(
        "publisher",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    # Exists already: the helper skips it.
    create_table("author", sa.Column("id", sa.Integer(), nullable=False))
    add_columns(
        "book",
        sa.Column("publisher_id", sa.Integer(), nullable=True),
        sa.Column("isbn", sa.String(length=20), nullable=True),
    )
    # Column lists passed through the helper's parameters.
    create_fks("fk_book_publisher", "book", "publisher", ["publisher_id"], ["id"])


def downgrade():
    drop_fks("fk_book_publisher", "book")
    with op.batch_alter_table("book") as batch_op:
        batch_op.drop_column("isbn")
        batch_op.drop_column("publisher_id")
    op.drop_table("publisher")
