# The seed's workflow, step N: a small SQLModel app.
import enum
from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel


class Status(str, enum.Enum):
    todo = "todo"
    done = "done"


class Project(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)


class Task(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    status: Status = Status.todo
    project_id: Optional[int] = Field(default=None, foreign_key="project.id")
    created_at: datetime = Field(default_factory=datetime.utcnow)
