"""`func.CURRENT_TIMESTAMP()`, `func.NOW()`: SQLAlchemy looks its known functions up by their
lower-case name, so they render as `func.current_timestamp()` / `func.now()` do (ANSI ones
without parentheses)."""

import datetime
from typing import Optional

from sqlalchemy import Date, DateTime, Integer, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Event(Base):
    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    created: Mapped[datetime.datetime] = mapped_column(server_default=func.CURRENT_TIMESTAMP())
    updated: Mapped[Optional[datetime.datetime]] = mapped_column(DateTime, server_default=func.NOW())
    day: Mapped[Optional[datetime.date]] = mapped_column(Date, server_default=func.Current_Date())
