"""`declarative_base(cls=X)` and `registry().generate_base(cls=X)`: the generated base
subclasses X, so X's columns and its `@declared_attr __tablename__` reach every model."""

from sqlalchemy import Column, DateTime, Integer, MetaData, String, func
from sqlalchemy.orm import declarative_base, declared_attr, registry


class CustomBase:
    @declared_attr
    def __tablename__(cls):
        return "tbl_" + cls.__name__.lower()

    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime, server_default=func.now())


Base = declarative_base(cls=CustomBase, metadata=MetaData())


class Widget(Base):
    name = Column(String(30), nullable=False)


class Gadget(Base):
    __tablename__ = "gadgets"
    label = Column(String(30))


class KeyMixin:
    key = Column(String(20), primary_key=True)


OtherBase = registry().generate_base(cls=KeyMixin)


class Setting(OtherBase):
    __tablename__ = "setting"
    value = Column(String(50))
