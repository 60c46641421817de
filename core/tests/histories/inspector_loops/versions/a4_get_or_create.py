"""a table made only where it is missing (nbgrader's _get_or_create_table)

Revision ID: a4
Revises: a3
"""
import sqlalchemy as sa
from alembic import op

revision = "a4"
down_revision = "a3"
branch_labels = None
depends_on = None


def _get_or_create_table(*args):
    ctx = op.get_context()
    con = op.get_bind()
    table_exists = ctx.dialect.has_table(con, args[0])

    if not table_exists:
        table = op.create_table(*args)
    else:
        table = sa.sql.table(*args)
    return table


def upgrade():
    _get_or_create_table(
        "course",
        sa.Column("id", sa.String(128), primary_key=True, nullable=False),
    )
    # `owner` exists: nothing is created.
    _get_or_create_table("owner", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("course")
