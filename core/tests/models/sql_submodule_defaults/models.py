"""Server defaults and index expressions written through SQLAlchemy's submodules:
`sqlalchemy.sql.expression` (`false()`, `true()`, `text()`, `func`), `sqlalchemy.sql.functions`
(`now()`, `current_timestamp()`), as zenml's and other projects' models import them; and
`server_default=None`, which is no default (glance)."""
from datetime import datetime
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql import expression, functions
from sqlalchemy.sql.expression import false
from sqlalchemy.sql.functions import current_timestamp


class Base(DeclarativeBase):
    pass


class Flag(Base):
    __tablename__ = "flag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(50), index=True)
    enabled: Mapped[bool] = mapped_column(server_default=sa.sql.expression.false())
    visible: Mapped[bool] = mapped_column(server_default=expression.true())
    archived: Mapped[bool] = mapped_column(server_default=false())
    created_at: Mapped[Optional[datetime]] = mapped_column(server_default=functions.now())
    updated_at: Mapped[Optional[datetime]] = mapped_column(server_default=current_timestamp())
    seen_at: Mapped[Optional[datetime]] = mapped_column(server_default=expression.func.now())
    note: Mapped[Optional[str]] = mapped_column(sa.String(20), server_default=expression.text("'none'"))
    legacy: Mapped[Optional[str]] = mapped_column(sa.String(10), server_default=None)
