import uuid
from typing import Optional

from sqlmodel import Field, Relationship, SQLModel

from ..enums import Status
from .team import Team


class HeroBase(SQLModel):
    name: str = Field(index=True)
    secret_name: str
    age: Optional[int] = Field(default=None, index=True)


class Hero(HeroBase, table=True):
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    status: Status = Status.draft
    team_id: Optional[int] = Field(default=None, foreign_key="team.id", ondelete="SET NULL")
    team: Optional[Team] = Relationship(back_populates="heroes")


class HeroPublic(HeroBase):
    id: uuid.UUID
