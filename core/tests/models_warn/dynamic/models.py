import os

from sqlalchemy import JSON, Column, Integer, MetaData, String, Table, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

metadata = MetaData()

for name in ["a", "b"]:
    Table(name, metadata, Column("id", Integer, primary_key=True))


class Base(DeclarativeBase):
    pass


class PortableJSON(TypeDecorator):
    impl = String
    cache_ok = True

    def load_dialect_impl(self, dialect):
        # Decided by the server's version: run time.
        if dialect.server_version_info >= (8, 0):
            return dialect.type_descriptor(JSON())
        return dialect.type_descriptor(String())


class Setting(Base):
    __tablename__ = os.environ.get("SETTINGS_TABLE", "settings")

    id: Mapped[int] = mapped_column(primary_key=True)


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    blob: Mapped[str] = mapped_column(PortableJSON)
    stamp: Mapped[str] = mapped_column(server_default=func.to_char(func.now(), os.environ["FMT"]))
    renamed: Mapped[str] = mapped_column(String(10))  # schemashift: renamed from old_name
