"""Keyword arguments gathered in dicts and spread with `**`: a module-level dict, one a class
builds, and a dict literal. Their keys are read as if written in the call."""

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SIZED = {"length": 40}
REQUIRED = {"nullable": False}
INDEXED = dict(index=True, unique=False)


class Base(DeclarativeBase):
    pass


class Trait(Base):
    __tablename__ = "traits"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(**SIZED), **REQUIRED)
    code: Mapped[str] = mapped_column(sa.String(20, **{"collation": None}), **INDEXED)
    note = sa.Column(sa.Unicode(**{"length": 120}), **{"nullable": True, "comment": "free text"})
