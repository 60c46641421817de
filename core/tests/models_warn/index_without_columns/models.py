"""An Index without columns (mlflow's `Index(f"index_{__tablename__}_request_id")`):
SQLAlchemy would write `CREATE INDEX .. ON t ()`, which no database takes."""

from sqlalchemy import Column, Index, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class TraceTag(Base):
    __tablename__ = "trace_tags"

    request_id = Column(String(50), primary_key=True)
    key = Column(String(250), primary_key=True)
    __table_args__ = (
        Index(f"index_{__tablename__}_request_id"),
        Index(f"index_{__tablename__}_key", "key"),
    )


class Plain(Base):
    __tablename__ = "plain"

    id = Column(Integer, primary_key=True)
