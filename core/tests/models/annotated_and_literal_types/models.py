"""SQLAlchemy 2.0's typed declarative idioms: `Annotated` aliases carrying a mapped_column
(`intpk`, `timestamp`) or a type_annotation_map key (`str50`), a `Literal` alias as a
type_annotation_map key (`Status: sa.Enum(..., name="status_enum")`), `str50 | None`, joined and
single-table inheritance with `__mapper_args__`, `MappedAsDataclass` with `init=False`,
`default=` and `key=`."""
import datetime
import enum
from typing import Annotated, List, Literal, Optional

import sqlalchemy as sa
from sqlalchemy import ForeignKey, Numeric, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, mapped_column, relationship

intpk = Annotated[int, mapped_column(primary_key=True)]
str50 = Annotated[str, 50]
timestamp = Annotated[
    datetime.datetime,
    mapped_column(nullable=False, server_default=func.CURRENT_TIMESTAMP()),
]
required_name = Annotated[str, mapped_column(String(30), nullable=False)]

Status = Literal["pending", "received", "completed"]


class Base(DeclarativeBase):
    type_annotation_map = {
        str50: String(50),
        Status: sa.Enum("pending", "received", "completed", name="status_enum"),
        datetime.datetime: sa.DateTime(timezone=True),
    }


class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[intpk]
    name: Mapped[required_name]
    nickname: Mapped[str50 | None]
    type: Mapped[str] = mapped_column(String(20))
    created: Mapped[timestamp]
    status: Mapped[Status]
    salary: Mapped[float] = mapped_column(Numeric(10, 2, asdecimal=False))
    __mapper_args__ = {"polymorphic_on": "type", "polymorphic_identity": "employee"}


class Engineer(Employee):
    __tablename__ = "engineer"
    id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    language: Mapped[Optional[str50]]
    __mapper_args__ = {"polymorphic_identity": "engineer"}


class Manager(Employee):
    reports: Mapped[Optional[int]]
    __mapper_args__ = {"polymorphic_identity": "manager"}


class DataBase(MappedAsDataclass, DeclarativeBase):
    pass


class Note(DataBase):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    body: Mapped[str] = mapped_column(sa.Text)
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"), default=None)


class Author(DataBase):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), key="display_name")
    notes: Mapped[List[Note]] = relationship(default_factory=list)
