"""TypeDecorator subclasses called with arguments: SQLAlchemy passes them to `impl` when it is a
class (`impl = Unicode`: `Label(50)` is `Unicode(50)`), also through an `__init__` that only
forwards `*args, **kwargs`; an `impl` that is already an instance (`String(40)`) ignores them."""

from sqlalchemy import Column, DateTime, Integer, Numeric, String, TypeDecorator, Unicode
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


class Record(Base):
    __tablename__ = "record"
    id = Column(Integer, primary_key=True)
    label = Column(Label(50))
    label_kw = Column(Label(length=20), nullable=False)
    amount = Column(Money(12, 2))
    amount_kw = Column(Money(precision=8, scale=3))
    at = Column(Stamp(timezone=True))
    code = Column(ShortStr(10))


class Entry(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(sa_type=Label(120))
    price: float = Field(sa_type=Money(10, 4))
