"""`type_annotation_map` keys that are aliases bound under `if sys.version_info ...` in
another module: `Mapped[DateTime]` uses the entry of `DateTime`, whichever branch binds it."""

import datetime
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from app.types import DateTime, Day, Payload


class Timestamp(TypeDecorator):
    """A timezone-aware timestamp."""

    impl = sa.TIMESTAMP(timezone=True)
    cache_ok = True


class Base(DeclarativeBase):
    type_annotation_map = {
        DateTime: Timestamp,
        Day: sa.Date,
        Payload: sa.JSON,
    }


class Run(Base):
    __tablename__ = "run"
    id: Mapped[int] = mapped_column(primary_key=True)
    started: Mapped[DateTime]
    ended: Mapped[Optional[DateTime]]
    day: Mapped[Day]
    data: Mapped[Payload]
    plain: Mapped[datetime.datetime]
