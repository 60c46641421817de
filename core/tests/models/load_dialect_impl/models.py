"""TypeDecorators whose load_dialect_impl picks the type per dialect: SQLAlchemy's
backend-agnostic GUID recipe, Airflow's UtcDateTime (super() elsewhere) and ExtendedJSON."""
import uuid
import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.dialects.postgresql import UUID, JSONB
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import CHAR, TypeDecorator, TIMESTAMP, JSON


class GUID(TypeDecorator):
    """Platform-independent GUID type (SQLAlchemy's recipe)."""

    impl = CHAR
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(UUID())
        else:
            return dialect.type_descriptor(CHAR(32))


class UtcDateTime(TypeDecorator):
    impl = TIMESTAMP(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "mysql":
            return mysql.TIMESTAMP(fsp=6)
        return super().load_dialect_impl(dialect)


class ExtendedJSON(TypeDecorator):
    impl = sa.Text
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(JSONB)
        return dialect.type_descriptor(JSON)


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    id = sa.Column(GUID(), primary_key=True, default=uuid.uuid4)
    created = sa.Column(UtcDateTime, nullable=False)
    data = sa.Column(ExtendedJSON)
