"""PostgreSQL column and constraint options as real models write them: a composite
ForeignKeyConstraint with `deferrable=True, initially="DEFERRED"`, a UniqueConstraint with
`postgresql_nulls_not_distinct=True` (PostgreSQL 15; also on a unique Index), Enum and Boolean `create_constraint=True`
(a CHECK only where the type is not native: `native_enum=False`), declared_attr columns of
mixins, a naming convention, ARRAY/JSONB/UUID/INET/TSVECTOR, server defaults, GIN and partial
indexes (`postgresql_ops=`), Identity(always=True)."""
import enum
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy import (ARRAY, Boolean, CHAR, Column, Date, Double, Enum, Float, ForeignKey,
                        ForeignKeyConstraint, Index, Integer, Interval, LargeBinary, MetaData,
                        PrimaryKeyConstraint, SmallInteger, String, Time, Unicode, UnicodeText,
                        UniqueConstraint, func, text)
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=convention)
    type_annotation_map = {dict[str, Any]: pg.JSONB}


class Color(enum.Enum):
    red = 1
    green = 2


class TimestampMixin:
    @declared_attr
    def created_at(cls) -> Mapped[datetime]:
        return mapped_column(server_default=func.now())

    updated_at: Mapped[Optional[datetime]] = mapped_column(onupdate=func.now())


class OwnedMixin:
    @declared_attr
    def owner_id(cls) -> Mapped[Optional[int]]:
        return mapped_column(ForeignKey("account.id", ondelete="SET NULL"), index=True)


class Account(TimestampMixin, Base):
    __tablename__ = "account"
    __table_args__ = {"schema": None, "comment": "accounts"}
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(pg.UUID(as_uuid=True), server_default=text("gen_random_uuid()"), unique=True)
    tags: Mapped[list[str]] = mapped_column(ARRAY(String(30)), server_default="{}")
    settings: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'::jsonb"))
    active: Mapped[bool] = mapped_column(Boolean(create_constraint=True, name="active_bool"), default=True)
    color: Mapped[Color] = mapped_column(Enum(Color, create_constraint=True))
    shade: Mapped[Color] = mapped_column(Enum(Color, create_constraint=True, native_enum=False, name="shade_kind"))
    country: Mapped[str] = mapped_column(CHAR(2))
    title: Mapped[str] = mapped_column(Unicode(50))
    bio: Mapped[Optional[str]] = mapped_column(UnicodeText)
    rank: Mapped[float] = mapped_column(Float(precision=53))
    score: Mapped[float] = mapped_column(Double)
    born: Mapped[Optional[date]] = mapped_column(Date)
    wake: Mapped[Optional[time]] = mapped_column(Time(timezone=True))
    ttl: Mapped[Optional[timedelta]] = mapped_column(Interval)
    avatar: Mapped[Optional[bytes]] = mapped_column(LargeBinary)
    level: Mapped[int] = mapped_column(SmallInteger, server_default="1")
    search: Mapped[Optional[str]] = mapped_column(pg.TSVECTOR)
    ip: Mapped[Optional[str]] = mapped_column(pg.INET)


class Document(OwnedMixin, TimestampMixin, Base):
    __tablename__ = "document"
    __table_args__ = (
        PrimaryKeyConstraint("tenant", "num"),
        UniqueConstraint("slug", postgresql_nulls_not_distinct=True),
        Index("ix_document_body", "body", postgresql_using="gin", postgresql_ops={"body": "jsonb_path_ops"}),
        Index("ix_document_live", "slug", postgresql_where=text("deleted_at IS NULL")),
        Index("ix_document_tenant_slug", "tenant", "slug", unique=True, postgresql_nulls_not_distinct=True),
        sa.CheckConstraint("num > 0", name="num_positive"),
    )
    tenant: Mapped[str] = mapped_column(String(10))
    num: Mapped[int]
    slug: Mapped[Optional[str]] = mapped_column(String(80))
    body: Mapped[dict[str, Any]]
    deleted_at: Mapped[Optional[datetime]] = mapped_column(sa.DateTime(timezone=True))


class Revision(Base):
    __tablename__ = "revision"
    __table_args__ = (
        ForeignKeyConstraint(["tenant", "doc_num"], ["document.tenant", "document.num"], ondelete="CASCADE", deferrable=True, initially="DEFERRED"),
    )
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(always=True), primary_key=True)
    tenant: Mapped[str] = mapped_column(String(10))
    doc_num: Mapped[int]
    note: Mapped[str] = mapped_column(String(200), server_default="")
