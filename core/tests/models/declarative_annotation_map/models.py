# A declarative base with a type_annotation_map, a registry-generated base, classic
# declared_attr columns on a mixin.
import datetime
import enum
from typing import Optional

from sqlalchemy import BigInteger, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, registry


class Kind(enum.Enum):
    small = 1
    large = 2


class Base(DeclarativeBase):
    type_annotation_map = {
        str: String(120),
        int: BigInteger,
        datetime.datetime: DateTime(timezone=True),
    }


class OwnedMixin:
    @declared_attr
    def owner_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("owners.id"), index=True)


class Owner(Base):
    __tablename__ = "owners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    joined: Mapped[datetime.datetime]


class Box(OwnedMixin, Base):
    __tablename__ = "boxes"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[Optional[str]]
    kind: Mapped[Kind]
    notes: Mapped[str] = mapped_column(Text)


mapper_registry = registry()
Legacy = mapper_registry.generate_base()


class Archive(Legacy):
    __tablename__ = "archive"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(40))
