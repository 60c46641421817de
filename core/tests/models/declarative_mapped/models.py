# SQLAlchemy 2.0 declarative: DeclarativeBase with a naming convention, Mapped / mapped_column,
# a mixin with declared_attr, __table_args__, a TypeDecorator, server defaults.
import datetime
import enum
from typing import List, Optional

from sqlalchemy import (
    CheckConstraint,
    Enum,
    Identity,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class LowerString(TypeDecorator):
    impl = String(64)
    cache_ok = True


class Role(enum.Enum):
    admin = "admin"
    member = "member"


class TableNameMixin:
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return cls.__name__.lower() + "s"


class Timestamps:
    created_at: Mapped[datetime.datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[Optional[datetime.datetime]]


class User(TableNameMixin, Timestamps, Base):
    __table_args__ = (
        UniqueConstraint("org", "handle"),
        CheckConstraint("length(handle) > 2", name="handle_len"),
        Index("ix_users_active_handle", "handle", postgresql_where=text("active"), sqlite_where=text("active")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org: Mapped[str] = mapped_column(String(40))
    handle: Mapped[str] = mapped_column(LowerString)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    role: Mapped[Role] = mapped_column(default=Role.member)
    active: Mapped[bool] = mapped_column(server_default=text("true"))
    bio: Mapped[Optional[str]] = mapped_column(Text)
    score: Mapped[float]
    posts: Mapped[List["Post"]] = relationship(back_populates="author")


class Post(TableNameMixin, Timestamps, Base):
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str | None]
    author: Mapped["User"] = relationship(back_populates="posts")


STATES = ("open", "closed")


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(Identity(always=True), primary_key=True)
    ref: Mapped[int] = mapped_column(Identity())
    state: Mapped[str] = mapped_column(Enum(*STATES, name="ticket_state"))
