from typing import Optional

from sqlalchemy import Column
from sqlmodel import Field, SQLModel


class Event(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    payload: dict = Field(default_factory=dict)
    tags: list[str]
    resolved: dict = Field(default_factory=dict)  # schemashift: type=JSONB
    point: str = Field(sa_column=Column(Point()))
