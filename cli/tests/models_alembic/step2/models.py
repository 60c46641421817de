# The seed's workflow, step N+1: a column added, one widened, an index, a new table with a
# foreign key (ON DELETE CASCADE), a server default.
import enum
from datetime import datetime
from typing import Optional

from sqlalchemy import text
from sqlmodel import Field, SQLModel


class Status(str, enum.Enum):
    todo = "todo"
    done = "done"


class Project(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    archived: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})


class Task(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    title: str = Field(max_length=200, index=True)
    status: Status = Status.todo
    priority: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    project_id: Optional[int] = Field(default=None, foreign_key="project.id", ondelete="CASCADE")
    created_at: datetime = Field(default_factory=datetime.utcnow)


class Comment(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", ondelete="CASCADE", index=True)
    body: str
