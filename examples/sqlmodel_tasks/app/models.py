from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel

from app.enums import Priority


class Project(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, max_length=100)
    created_at: datetime = Field(default_factory=datetime.utcnow)


class Task(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    title: str
    done: bool = False
    priority: Priority = Field(default=Priority.normal, index=True)
    due_at: Optional[datetime] = None
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE")
