"""a column widened to the impl a TypeDecorator's __init__ chooses (ironic's revisions)

Revision ID: c3
Revises: b2
Create Date: 2026-05-05 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql

revision = "c3"
down_revision = "b2"
branch_labels = None
depends_on = None


class JsonEncoded(sa.types.TypeDecorator):
    impl = sa.Text
    cache_ok = True

    def __init__(self, mysql_as_long=False, mysql_as_medium=False):
        super().__init__()
        if mysql_as_long and mysql_as_medium:
            raise TypeError("mysql_as_long and mysql_as_medium are mutually exclusive")
        if mysql_as_long:
            self.impl = sa.Text().with_variant(mysql.LONGTEXT(), "mysql")
        elif mysql_as_medium:
            self.impl = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql")


def upgrade():
    op.add_column("quotas", sa.Column("info", JsonEncoded(), nullable=True))
    op.alter_column(
        "quotas", "info", existing_type=sa.Text(), type_=JsonEncoded(mysql_as_long=True).impl
    )


def downgrade():
    op.drop_column("quotas", "info")
