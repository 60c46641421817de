"""`postgresql.ENUM(...)` creates its type with CREATE TYPE, which SQLAlchemy's MySQL compiler
cannot write (create_all fails): a W001, the column not compared; with `create_type=False` it
is MySQL's inline ENUM."""

from sqlalchemy import Column, Integer
from sqlalchemy.dialects.postgresql import ENUM
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    mood = Column(ENUM("happy", "sad", name="mood"))
    plain = Column(ENUM("a", "b", name="plain_kind", create_type=False))
