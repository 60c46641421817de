"""steps guarded by the dialect's name, the inspector and an early return

Revision ID: a1b2c3d4e5f2
Revises: a1b2c3d4e5f1
Create Date: 2026-12-06 11:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "a1b2c3d4e5f2"
down_revision = "a1b2c3d4e5f1"
branch_labels = None
depends_on = None


def _table_exists(name, conn):
    inspector = sa.inspect(conn)
    return name in inspector.get_table_names()


def _column_exists(table_name, column_name, conn):
    inspector = sa.inspect(conn)
    return column_name in [c["name"] for c in inspector.get_columns(table_name)]


def upgrade():
    conn = op.get_bind()
    dialect_name = conn.dialect.name
    if not _table_exists("tag", conn):
        op.create_table(
            "tag",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=50), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
    with op.batch_alter_table("document") as batch_op:
        columns = [c["name"] for c in sa.inspect(conn).get_columns("document")]
        if "summary" not in columns:
            batch_op.add_column(sa.Column("summary", sa.String(length=300), nullable=True))
    if not _column_exists("document", "title", conn):
        op.add_column("document", sa.Column("title", sa.String(length=200), nullable=True))
    if dialect_name == "sqlite":
        op.create_index("ix_document_title", "document", ["title"])
    else:
        op.create_index("ix_document_title_summary", "document", ["title", "summary"])
    if conn.dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX ix_document_meta ON document USING gin (meta)")


def downgrade():
    conn = op.get_bind()
    dialect_name = conn.dialect.name
    if dialect_name == "postgresql":
        op.execute("DROP INDEX ix_document_meta")
    if dialect_name == "sqlite":
        op.drop_index("ix_document_title", table_name="document")
    else:
        op.drop_index("ix_document_title_summary", table_name="document")
    with op.batch_alter_table("document") as batch_op:
        batch_op.drop_column("summary")
    if _table_exists("tag", conn):
        op.drop_table("tag")
