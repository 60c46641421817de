"""NVARCHAR / NCHAR: SQLAlchemy writes them on PostgreSQL, which has no such types (the
database rejects the DDL): a W001 there, the column not compared; SQLite keeps them."""

from sqlalchemy import NCHAR, NVARCHAR, Column, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Label(Base):
    __tablename__ = "labels"
    id = Column(Integer, primary_key=True)
    name = Column(NVARCHAR(20))
    code = Column(NCHAR(4), nullable=False)
