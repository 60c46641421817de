"""Mapped[Literal[...]] columns (SQLAlchemy's default map: a non-native Enum, VARCHAR of the
longest label), `__table_args__` with `dict(...)`, and index columns with their order
(`updated_at.desc()`, `sa.desc("id")`), as arize-phoenix and Open WebUI write them."""
from datetime import datetime
from typing import Literal, Optional

import sqlalchemy as sa
from sqlalchemy import Index
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from typing_extensions import TypeAlias

UserRoleName: TypeAlias = Literal["SYSTEM", "ADMIN", "MEMBER", "VIEWER"]


class Base(DeclarativeBase):
    pass


class Annotation(Base):
    __tablename__ = "annotations"
    __table_args__ = (
        sa.UniqueConstraint("name", "source"),
        dict(sqlite_autoincrement=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(50))
    source: Mapped[Literal["API", "APP"]] = mapped_column()
    annotator_kind: Mapped[Literal["LLM", "CODE", "HUMAN"]]
    role: Mapped[Optional[UserRoleName]]


class Chat(Base):
    __tablename__ = "chat"
    id: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    user_id: Mapped[str] = mapped_column(sa.String(40))
    updated_at: Mapped[datetime] = mapped_column()
    order: Mapped[int] = mapped_column()

    __table_args__ = (
        Index("user_id_updated_at_id_idx", "user_id", updated_at.desc(), "id"),
        Index("chat_order_idx", order.desc(), sa.asc("user_id")),
        Index("chat_id_desc_idx", sa.desc("id")),
    )
