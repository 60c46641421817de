"""`Enum(MyEnum, values_callable=lambda e: [x.value for x in e])`: the database stores the
members' values, not their names (native types, and the VARCHAR length of non-native ones)."""

import enum
from typing import Optional

import sqlalchemy as sa
from sqlalchemy import Column, Enum, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Status(str, enum.Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    PENDING_REVIEW = "pending-review"


class Plan(enum.Enum):
    FREE = "free"
    PRO = "professional"


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[Status] = mapped_column(
        Enum(Status, values_callable=lambda obj: [e.value for e in obj]), default=Status.ACTIVE
    )
    plan: Mapped[Optional[Plan]] = mapped_column(
        sa.Enum(Plan, name="plan_kind", native_enum=False, values_callable=lambda x: [i.value for i in x])
    )
    # `validate_strings=True` checks values in Python (nbgrader's cells): no DDL.
    cell_type = Column(Enum("code", "markdown", name="cell_type", validate_strings=True), nullable=False)


class Ticket(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    state: Status = Field(
        sa_column=Column(Enum(Status, name="ticket_state", values_callable=lambda t: [s.value for s in t]), nullable=False)
    )
