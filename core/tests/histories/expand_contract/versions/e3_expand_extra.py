"""expand: extra attributes, written the old way (star imports)

Revision ID: e3
Revises: e2
"""
from alembic import op
from sqlalchemy import *  # noqa

from appsql import core  # noqa
import appsql as app_sql

revision = "e3"
down_revision = "e2"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("project", Column("extra", app_sql.JsonBlob.impl))
    op.add_column("tag", Column("options", app_sql.JsonBlob, nullable=True))
    op.add_column("tag", Column("color", String(7), server_default=text("'red'")))
    op.add_column("tag", Column("note", app_sql.Text))
