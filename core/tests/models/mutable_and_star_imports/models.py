"""Change-tracked types (`MutableDict.as_mutable(JSON)`, as pgAdmin's and many Flask
applications' models write them) and names a package re-exports through `import *` (as
keystone's `keystone.common.sql` does with its `core` module, and indico's
`indico.core.db.sqlalchemy` with `from .custom import *`)."""
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app import sql as app_sql
from app.sql import UTCDateTime


class Base(DeclarativeBase):
    pass


class Server(Base):
    __tablename__ = "server"

    id = sa.Column(sa.Integer, primary_key=True)
    connection_params = sa.Column(MutableDict.as_mutable(sa.JSON))
    tags = sa.Column(MutableList.as_mutable(sa.JSON()), nullable=False)
    options: Mapped[dict] = mapped_column(MutableDict.as_mutable(app_sql.JsonBlob))
    note = sa.Column(app_sql.Text)


class Project(Base):
    __tablename__ = "project"

    id = sa.Column(sa.Integer, primary_key=True)
    extra = sa.Column(app_sql.JsonBlob.impl)
    created_at = sa.Column(UTCDateTime, nullable=False)
    flags = sa.Column(MutableDict.as_mutable(sa.JSON().with_variant(postgresql.JSONB(), "postgresql")))
