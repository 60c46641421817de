"""Types of the application's own: a class compiled by `@compiles(Class, "dialect")`
functions (sqlalchemy.ext.compiler), chosen per dialect with `with_variant` (arize-phoenix's
JSONB on SQLite), a subclass of a SQLAlchemy type that compiles as its base, and an SQL
function element of the application's as a server default (dagster's
`get_sql_current_timestamp()`, compiled per dialect), and a SQLAlchemy type compiled anew for
one dialect (dagster's `@compiles(db.DateTime, "mysql")`: `DATETIME(6)`)."""
from typing import Any

import sqlalchemy as sa
from sqlalchemy import JSON
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class JSONB(JSON):
    __visit_name__ = "JSONB"


@compiles(JSONB, "sqlite")
def _(*args: Any, **kwargs: Any) -> str:
    return "JSONB"


@compiles(JSONB, "mysql", "mariadb")
def _json_mysql(*args: Any, **kwargs: Any) -> str:
    return "JSON"


JSON_ = (
    JSON()
    .with_variant(postgresql.JSONB(), "postgresql")
    .with_variant(JSONB(), "sqlite")
    .with_variant(JSONB(), "mysql")
    .with_variant(JSONB(), "mariadb")
)


class current_ts(sa.sql.expression.FunctionElement):
    """CURRENT_TIMESTAMP with the same precision everywhere."""

    type = sa.DateTime()
    inherit_cache = True


@compiles(current_ts, "mysql")
def _current_ts_mysql(_element, _compiler, **_kw) -> str:
    return "CURRENT_TIMESTAMP(6)"


@compiles(current_ts)
def _current_ts(_element, _compiler, **_kw) -> str:
    return "CURRENT_TIMESTAMP"


@compiles(sa.DateTime, "mysql")
def _datetime_mysql(_element, _compiler, **_kw) -> str:
    return "DATETIME(6)"


class Title(sa.String):
    """Compiles as String (keeps its __visit_name__)."""

    cache_ok = True


class Base(DeclarativeBase):
    pass


class Doc(Base):
    __tablename__ = "docs"
    id: Mapped[int] = mapped_column(primary_key=True)
    body = mapped_column(JSON_, nullable=False)
    title = mapped_column(Title(80))
    summary = mapped_column(JSONB().with_variant(postgresql.JSONB(), "postgresql"))
    created = mapped_column(sa.DateTime(), server_default=current_ts())
    seen = mapped_column(sa.DateTime())
    stamp = mapped_column(sa.TIMESTAMP())
