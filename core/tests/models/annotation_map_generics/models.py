"""`type_annotation_map` keys that are generics (`dict[str, Any]: JSON`, as SQLAlchemy's docs
write them): `Mapped[dict[str, Any]]` finds its entry (SQLAlchemy 2.0 does not look up a generic's
origin: `Mapped[list[str]]` with only `list` in the map is an error)."""

import datetime
from typing import Any, Dict, Optional

from sqlalchemy import JSON, DateTime, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {
        dict[str, Any]: JSON,
        Dict[str, str]: Text,
        datetime.datetime: DateTime(timezone=True),
        str: String(100),
    }


class Document(Base):
    __tablename__ = "document"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    extra: Mapped[Optional[dict[str, Any]]]
    labels: Mapped[Dict[str, str]]
    created: Mapped[datetime.datetime]
