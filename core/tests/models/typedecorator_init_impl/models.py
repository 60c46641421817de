"""A TypeDecorator whose `__init__` sets `self.impl` from its arguments (oslo.db's JSON types):
the type is the `impl` the arguments choose, the class's `impl` when none does."""

import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.types import Text, TypeDecorator


class JsonEncoded(TypeDecorator):
    impl = Text
    cache_ok = True

    def __init__(self, mysql_as_long=False, mysql_as_medium=False):
        """Initialize JSON-encoding type."""
        super().__init__()
        if mysql_as_long and mysql_as_medium:
            raise TypeError("mysql_as_long and mysql_as_medium are mutually exclusive")
        if mysql_as_long:
            self.impl = Text().with_variant(mysql.LONGTEXT(), "mysql")
        elif mysql_as_medium:
            self.impl = Text().with_variant(mysql.MEDIUMTEXT(), "mysql")


metadata = sa.MetaData()

nodes = sa.Table(
    "nodes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("instance_info", JsonEncoded(mysql_as_long=True)),
    sa.Column("extra", JsonEncoded(mysql_as_medium=True)),
    sa.Column("properties", JsonEncoded()),
)
