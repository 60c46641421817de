"""`postgresql.ENUM(...)` as a column type: the dialect's subclass of `Enum`, always native
(`native_enum=` is ignored). On PostgreSQL `CREATE TYPE name AS ENUM (...)`, once per name
(a module-level ENUM used by several columns, and an inline one); on SQLite VARCHAR of the
longest label (`length=` when given). SQLAlchemy's MySQL compiler cannot write its
CREATE TYPE (create_all fails there: no MySQL/MariaDB DDL)."""

from typing import Optional

from sqlalchemy import Column, Integer
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import ENUM
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

mood = ENUM("happy", "sad", "so-so", name="mood")


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    feeling = Column(mood, nullable=False)
    state = Column(postgresql.ENUM("on", "off", name="switch_state"))
    sized = Column(ENUM("a", "b", name="sized_kind", length=12))


class Diary(Base):
    __tablename__ = "diary"
    id: Mapped[int] = mapped_column(primary_key=True)
    mood_today: Mapped[str] = mapped_column(mood)
    mood_yesterday: Mapped[Optional[str]] = mapped_column(mood)
