"""predicate helpers with a guard and a local list (dagster's migration utils)

Revision ID: a5
Revises: a4
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy import inspect

revision = "a5"
down_revision = "a4"
branch_labels = None
depends_on = None


def get_inspector():
    return inspect(op.get_bind())


def get_table_names():
    return get_inspector().get_table_names()


def has_table(table_name):
    return table_name in get_table_names()


def has_column(table_name, column_name):
    if not has_table(table_name):
        return False
    columns = [x.get("name") for x in get_inspector().get_columns(table_name)]
    return column_name in columns


def has_index(table_name, index_name):
    if not has_table(table_name):
        return False
    indexes = [x.get("name") for x in get_inspector().get_indexes(table_name)]
    return index_name in indexes


def upgrade():
    if not has_column("course", "title"):
        op.add_column("course", sa.Column("title", sa.String(200)))
    if not has_index("course", "ix_course_title"):
        op.create_index("ix_course_title", "course", ["title"])
    # No such table: the guard returns before the inspector is asked about its columns.
    if has_column("missing", "title"):
        op.drop_table("course")


def downgrade():
    if has_index("course", "ix_course_title"):
        op.drop_index("ix_course_title", table_name="course")
    if has_column("course", "title"):
        op.drop_column("course", "title")
