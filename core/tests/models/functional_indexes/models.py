"""Functional indexes as SQLAlchemy users write them: `Index("ix", func.lower(User.email))` at
module level after the class (its table found through the class), `sa.func.upper(Group.__table__
.c.name)`, and `func.lower(title)` in `__table_args__` (MySQL's compiler groups the function:
`((lower(title)))`; MariaDB has no functional indexes, so the fixture leaves it out). Around
them, a model of common column options (type_annotation_map, Identity, Sequence, non-native and
values_callable enums, server defaults, JSON, UUID, comments, an association Table)."""
import enum
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Optional, List

import sqlalchemy as sa
from sqlalchemy import (JSON, BigInteger, CheckConstraint, Column, Computed, DateTime, Enum,
                        ForeignKey, Identity, Index, Integer, Numeric, Sequence, String, Table,
                        Text, UniqueConstraint, func, text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class Status(enum.Enum):
    ACTIVE = "active"
    DISABLED = "disabled"


class Kind(str, enum.Enum):
    A = "a"
    B = "b"


class Base(DeclarativeBase):
    type_annotation_map = {
        str: String(255),
        Decimal: Numeric(12, 2),
    }


class LowerStr(TypeDecorator):
    impl = String(64)
    cache_ok = True


member = Table(
    "member",
    Base.metadata,
    Column("group_id", ForeignKey("group.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
)


class Group(Base):
    __tablename__ = "group"
    id: Mapped[int] = mapped_column(Identity(start=10), primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    kind: Mapped[Kind] = mapped_column(default=Kind.A)
    price: Mapped[Decimal]
    code: Mapped[str] = mapped_column(LowerStr, index=True)


class User(Base):
    __tablename__ = "user"
    __table_args__ = (
        UniqueConstraint("email", "tenant", name="uq_user_email_tenant"),
        CheckConstraint("age >= 0", name="ck_user_age"),
        Index("ix_user_email_tenant", "email", "tenant"),
        {"comment": "people"},
    )
    id: Mapped[int] = mapped_column(BigInteger, Sequence("user_id_seq"), primary_key=True)
    email: Mapped[str] = mapped_column(String(120), comment="login")
    tenant: Mapped[Optional[str]] = mapped_column(String(20), server_default="main")
    age: Mapped[int] = mapped_column(server_default=text("0"))
    status: Mapped[Status] = mapped_column(Enum(Status, native_enum=False, length=20))
    status2: Mapped[Status] = mapped_column(Enum(Status, values_callable=lambda e: [m.value for m in e], name="status2_enum"))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    data: Mapped[Optional[dict]] = mapped_column(JSON)
    note: Mapped[Optional[str]] = mapped_column(Text, deferred=True)
    uid: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4, unique=True)
    groups: Mapped[List[Group]] = relationship(secondary=member)


Index("ix_user_lower_email", func.lower(User.email))
Index("ix_group_upper_name", sa.func.upper(Group.__table__.c.name), unique=True)


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(80))
    __table_args__ = (Index("ix_item_title_lower", func.lower(title)), Index("ix_item_title_desc", title.desc()))
