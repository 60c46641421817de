"""`Computed(..., persisted=False)`: VIRTUAL on SQLite and MySQL/MariaDB. PostgreSQL has no
virtual generated columns (SQLAlchemy raises CompileError: no PostgreSQL DDL, and schemashift
warns, see tests/models_warn/computed_virtual)."""

from sqlalchemy import Column, Computed, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Box(Base):
    __tablename__ = "box"
    id = Column(Integer, primary_key=True)
    w = Column(Integer, nullable=False)
    h = Column(Integer, nullable=False)
    area = Column(Integer, Computed("w * h", persisted=False))
    stored = Column(Integer, Computed("w + h", persisted=True))
