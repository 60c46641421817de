"""NVARCHAR / NCHAR on MySQL / MariaDB: SQLAlchemy writes NATIONAL VARCHAR / CHAR, which the
server stores as CHARACTER SET utf8mb3; not read yet: a W001, the column not compared."""

from sqlalchemy import NCHAR, NVARCHAR, Column, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Label(Base):
    __tablename__ = "labels"
    id = Column(Integer, primary_key=True)
    name = Column(NVARCHAR(20))
    code = Column(NCHAR(4), nullable=False)
