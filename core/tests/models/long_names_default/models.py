"""Long table and column names without a naming convention: PostgreSQL names the unnamed
unique constraints itself, truncating each part to fit 63 bytes; both truncate to the same
name, so the second one created gets `_key1`, and SQLAlchemy creates `__table_args__`
constraints before the column-level `unique=True` ones. Not for MariaDB: its own name for the
unnamed foreign key (`<table>_ibfk_1`) is longer than 64 characters and it rejects the table."""

from sqlalchemy import Column, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import declarative_base

Base = declarative_base()


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
    )
