from typing import TYPE_CHECKING, List, Optional

from sqlmodel import Field, Relationship, SQLModel

from app.base import IdMixin, TimestampMixin
from ..enums import Priority

if TYPE_CHECKING:
    from .hero import Hero


class TeamBase(SQLModel):
    name: str = Field(index=True, max_length=100)
    headquarters: str | None = None
    priority: Priority = Priority.LOW


class Team(IdMixin, TeamBase, TimestampMixin, table=True):
    heroes: List["Hero"] = Relationship(back_populates="team")
