"""Inheritance between mapped declarative classes. A subclass without a `__tablename__` of its
own maps single-table inheritance: its columns (and their indexes) join the parent's table,
also two levels down. A subclass with its own `__tablename__` maps joined inheritance: its
table has only its own columns (and its mixins' that the parent lacks), not the parent's, nor
the parent's `__table_args__`."""

import datetime
from typing import Optional

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declarative_base, mapped_column


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    created_at: Mapped[datetime.datetime] = mapped_column(server_default=func.now())


class NoteMixin:
    note: Mapped[Optional[str]] = mapped_column(String(40))


class RankMixin:
    rank: Mapped[Optional[int]] = mapped_column(index=True)


class Employee(TimestampMixin, Base):
    __tablename__ = "employee"
    __table_args__ = (UniqueConstraint("name", "type"), Index("ix_employee_type", "type"))
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    type: Mapped[str] = mapped_column(String(20))
    __mapper_args__ = {"polymorphic_identity": "employee", "polymorphic_on": "type"}


class Manager(Employee):
    manager_name: Mapped[Optional[str]] = mapped_column(String(30), index=True)
    __mapper_args__ = {"polymorphic_identity": "manager"}


class Director(RankMixin, Manager):
    budget: Mapped[Optional[int]]
    __mapper_args__ = {"polymorphic_identity": "director"}


class Engineer(NoteMixin, Employee):
    __tablename__ = "engineer"
    id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"), primary_key=True)
    skill: Mapped[str] = mapped_column(String(30))
    __mapper_args__ = {"polymorphic_identity": "engineer"}


Classic = declarative_base()


class Vehicle(Classic):
    __tablename__ = "vehicle"
    id = Column(Integer, primary_key=True)
    kind = Column(String(10), nullable=False)
    __mapper_args__ = {"polymorphic_on": kind, "polymorphic_identity": "vehicle"}


class Truck(Vehicle):
    payload = Column(Integer)
    __mapper_args__ = {"polymorphic_identity": "truck"}


class Car(Vehicle):
    __tablename__ = "car"
    id = Column(Integer, ForeignKey("vehicle.id"), primary_key=True)
    seats = Column(Integer, nullable=False, default=4)
    __mapper_args__ = {"polymorphic_identity": "car"}
