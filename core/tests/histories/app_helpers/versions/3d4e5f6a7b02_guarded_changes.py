"""changes guarded by the inspector's indexes and columns and by the dialect's class

Revision ID: 3d4e5f6a7b02
Revises: 3d4e5f6a7b01
Create Date: 2026-12-06 12:10:00.000000

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.mysql.base import MySQLDialect
from sqlalchemy.dialects.postgresql.base import PGDialect
from sqlalchemy.dialects.sqlite.base import SQLiteDialect

from dbutil import table_has_index

revision = "3d4e5f6a7b02"
down_revision = "3d4e5f6a7b01"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    tables = inspector.get_table_names()

    def _idx_exists(table, idx_name):
        return any(i["name"] == idx_name for i in inspector.get_indexes(table))

    # A PostgreSQL-only keyword: other dialects ignore it.
    with op.batch_alter_table("book") as batch_op:
        batch_op.alter_column(
            "title",
            type_=sa.String(length=200),
            existing_type=sa.Text(),
            existing_nullable=True,
            postgresql_using="title::varchar(200)",
        )
    if not _idx_exists("book", "ix_book_title"):
        op.create_index("ix_book_title", "book", ["title"])

    for table_name in ["author", "book", "review"]:
        if table_name not in tables:
            continue
        cols = {c["name"] for c in inspector.get_columns(table_name)}
        if "created_at" not in cols:
            op.add_column(table_name, sa.Column("created_at", sa.DateTime(), nullable=True))

    author_indexes = (
        {ix["name"] for ix in inspector.get_indexes("author")} if "author" in tables else set()
    )
    if "ix_author_name" not in author_indexes:
        op.create_index("ix_author_name", "author", ["name"])

    if isinstance(bind.dialect, SQLiteDialect):
        op.create_index("ix_author_sqlite", "author", ["name", "id"])
    elif isinstance(bind.dialect, PGDialect):
        op.create_index("ix_author_pg", "author", ["name", "id"])
    elif isinstance(bind.dialect, MySQLDialect):
        op.create_index("ix_author_mysql", "author", ["name", "id"])

    # A fresh inspector in a helper of the application sees the index made above.
    if not table_has_index("book", "ix_book_title"):
        op.create_index("ix_book_title_again", "book", ["title"])


def downgrade():
    bind = op.get_bind()
    if isinstance(bind.dialect, SQLiteDialect):
        op.drop_index("ix_author_sqlite", table_name="author")
    elif isinstance(bind.dialect, (PGDialect,)):
        op.drop_index("ix_author_pg", table_name="author")
    else:
        op.drop_index("ix_author_mysql", table_name="author")
    op.drop_index("ix_author_name", table_name="author")
    for table_name in ["book", "author"]:
        with op.batch_alter_table(table_name) as batch_op:
            batch_op.drop_column("created_at")
    if table_has_index("book", "ix_book_title"):
        op.drop_index("ix_book_title", table_name="book")
    with op.batch_alter_table("book") as batch_op:
        batch_op.alter_column(
            "title",
            type_=sa.Text(),
            existing_type=sa.String(length=200),
            existing_nullable=True,
            postgresql_using="title::text",
        )
