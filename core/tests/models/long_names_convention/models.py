"""Names longer than the dialect allows (PostgreSQL 63, MySQL 64 characters): names made by a
naming convention (and `index=True`'s `ix_%(column_0_label)s`) are shortened by SQLAlchemy to
their first max-8 characters, `_` and 4 hex digits of their MD5; without the shortening, two
of these index names would be one after PostgreSQL's own truncation to 63 bytes."""

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, UniqueConstraint, CheckConstraint
from sqlalchemy.orm import declarative_base

Base = declarative_base(metadata=MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}))


class Parent(Base):
    __tablename__ = "a_rather_long_parent_table_name_used_for_identifier_tests"
    id = Column(Integer, primary_key=True)


class Child(Base):
    __tablename__ = "a_rather_long_child_table_name_used_for_identifier_length_tests"
    id = Column(Integer, primary_key=True)
    some_quite_long_column_name_number_one = Column(String(10), index=True)
    some_quite_long_column_name_number_two = Column(String(10), unique=True)
    parent_identifier_column = Column(Integer, ForeignKey(Parent.id))
    __table_args__ = (
        UniqueConstraint("some_quite_long_column_name_number_one", "some_quite_long_column_name_number_two"),
        CheckConstraint("parent_identifier_column > 0", name="positive_identifier_check_with_a_long_name"),
        Index(None, "parent_identifier_column", "some_quite_long_column_name_number_two"),
    )
