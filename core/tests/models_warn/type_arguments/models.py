"""Type arguments that cannot be evaluated statically (a call, an unknown name): the column's
type is not compared, with a warning, rather than read as the type without its length."""

import os

from sqlalchemy import Column, Integer, Numeric, String
from sqlalchemy.orm import declarative_base

from settings import NAME_LEN  # not among the files read

Base = declarative_base()


def width():
    return int(os.environ.get("WIDTH", "30"))


class Item(Base):
    __tablename__ = "item"
    id = Column(Integer, primary_key=True)
    name = Column(String(len("abcdef")))
    code = Column(String(length=NAME_LEN))
    price = Column(Numeric(10, width()))
    label = Column(String(20))
