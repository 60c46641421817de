"""Integer constants computed from others (`NAME_LEN * 2`, `NAME_LEN // 4`, `A - B`) as type
lengths, in Field(max_length=...) and in a module-level constant."""

from typing import Optional

from sqlalchemy import Column, Integer, Numeric, String
from sqlalchemy.orm import declarative_base
from sqlmodel import Field, SQLModel

NAME_LEN = 120
SHORT = NAME_LEN // 4
ODD = -7 // 2 + 10
PRECISION = 12
SCALE = PRECISION - 8

Base = declarative_base()


class Item(Base):
    __tablename__ = "item"
    id = Column(Integer, primary_key=True)
    name = Column(String(NAME_LEN * 2))
    short = Column(String(SHORT))
    odd = Column(String(ODD))
    price = Column(Numeric(PRECISION, SCALE))


class Tag(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    label: str = Field(max_length=SHORT - 10)
