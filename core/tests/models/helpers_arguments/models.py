"""Helper functions with parameters that build a Field / Column: the call's arguments (positional,
keyword, keyword-only) are bound to the parameters, defaults to the others."""

from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base
from sqlmodel import Field, SQLModel

Base = declarative_base()


def fk_field(target: str, ondelete: str = "CASCADE", index: bool = True):
    return Field(default=None, foreign_key=target, ondelete=ondelete, index=index)


def name_field(length, *, unique=False):
    return Field(max_length=length, unique=unique)


def ref_column(target, nullable=False):
    return Column(Integer, ForeignKey(target, ondelete="CASCADE"), nullable=nullable)


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = name_field(40, unique=True)


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = name_field(length=60)
    team_id: Optional[int] = fk_field("team.id")
    mentor_id: Optional[int] = fk_field("hero.id", ondelete="SET NULL", index=False)


class Mission(Base):
    __tablename__ = "missions"
    id = Column(Integer, primary_key=True)
    code = Column(String(12))
    parent_id = ref_column("missions.id", nullable=True)
    lead_id = ref_column(target="missions.id")
