"""TypeDecorator subclasses called with arguments: SQLAlchemy passes them to `impl` when it is a
class (`impl = Unicode`: `Label(50)` is `Unicode(50)`), also through an `__init__` that only
forwards `*args, **kwargs`; an `impl` that is already an instance (`String(40)`) ignores them. An `__init__` of its own that calls `super().__init__()` without arguments and
sets other attributes keeps the `impl` as declared, unless `self.impl = param` replaces it
(Prefect's `Pydantic(model, sa_column_type=None)`)."""

from typing import overload

from sqlalchemy import JSON, Column, DateTime, Integer, Numeric, String, Text, TypeDecorator, Unicode
from sqlalchemy.orm import declarative_base
from sqlmodel import Field, SQLModel

Base = declarative_base()


class Label(TypeDecorator):
    impl = Unicode
    cache_ok = True


class Money(TypeDecorator):
    impl = Numeric
    cache_ok = True

    def __init__(self, *args, **kwargs):
        self.currency = "EUR"
        super().__init__(*args, **kwargs)


class Stamp(TypeDecorator):
    impl = DateTime
    cache_ok = True


class ShortStr(TypeDecorator):
    impl = String(40)
    cache_ok = True


class Typed(TypeDecorator):
    """JSON checked against a Python type."""

    impl = JSON
    cache_ok = True

    @overload
    def __init__(self, python_type: type, sa_column_type=None) -> None: ...

    def __init__(self, python_type, sa_column_type=None):
        super().__init__()
        self._python_type = python_type
        if sa_column_type is not None:
            self.impl = sa_column_type


class Record(Base):
    __tablename__ = "record"
    id = Column(Integer, primary_key=True)
    label = Column(Label(50))
    label_kw = Column(Label(length=20), nullable=False)
    amount = Column(Money(12, 2))
    amount_kw = Column(Money(precision=8, scale=3))
    at = Column(Stamp(timezone=True))
    code = Column(ShortStr(10))
    tags = Column(Typed(list))
    notes = Column(Typed(dict, sa_column_type=Text()))
    extra = Column(Typed(dict, None))


class Entry(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(sa_type=Label(120))
    price: float = Field(sa_type=Money(10, 4))
