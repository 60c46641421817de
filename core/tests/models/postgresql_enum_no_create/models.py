"""`postgresql.ENUM(..., create_type=False)` on the other databases: like `Enum` (SQLite
VARCHAR of the longest label, MySQL an inline ENUM). (On PostgreSQL create_all does not create
the type, which must exist already: schemashift warns there, see
tests/models_warn/postgresql_enum_no_create.)"""

from sqlalchemy import Column, Integer
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Job(Base):
    __tablename__ = "job"
    id = Column(Integer, primary_key=True)
    status = Column(postgresql.ENUM("queued", "running", "done", name="job_status", create_type=False), nullable=False)
