"""columns widened through a reflected table's columns, as cinder's revisions do

Revision ID: e5
Revises: d4
Create Date: 2026-03-07 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "e5"
down_revision = "d4"
branch_labels = None
depends_on = None


def widen(lengths, comment):
    connection = op.get_bind()
    for (table_name, column), length in zip((("services", "provider"), ("resource_providers", "code")), lengths):
        table = sa.Table(table_name, sa.MetaData(), autoload_with=connection)
        col = table.c[column]
        if connection.engine.name == "sqlite":
            with op.batch_alter_table(table_name) as batch_op:
                batch_op.alter_column(column, existing_type=col.type, type_=sa.String(length))
        else:
            # MySQL's MODIFY COLUMN restates the column: what the reflection says it is.
            op.alter_column(
                table_name,
                column,
                existing_type=col.type,
                existing_nullable=col.nullable,
                existing_server_default=col.server_default,
                type_=sa.String(length),
            )
    if connection.engine.name == "sqlite":
        return
    table = sa.Table("services", sa.MetaData(), autoload_with=connection)
    op.alter_column(
        "services",
        "host",
        existing_type=sa.String(255),
        existing_nullable=table.c.host.nullable,
        comment=comment,
        existing_comment=None if comment else "the host's name",
    )


def upgrade():
    widen((300, 300), "the host's name")


def downgrade():
    widen((255, 40), None)
