"""SQLAlchemy 2.0 pep-593 columns: `Annotated[T, mapped_column(...)]` aliases used as
`Mapped[alias]` alone or merged with the attribute's own `mapped_column(...)` (what the call
leaves unset comes from the alias), columns declared on the DeclarativeBase itself, and a
`server_default` that is a `func` call with arguments."""

from datetime import datetime
from typing import Annotated, Optional

from sqlalchemy import CheckConstraint, ForeignKey, Index, MetaData, String, Text, UniqueConstraint, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, declared_attr

int_pk = Annotated[int, mapped_column(primary_key=True)]
created_at = Annotated[datetime, mapped_column(server_default=func.now())]
str_uniq = Annotated[str, mapped_column(String(80), unique=True, nullable=False)]
str_null = Annotated[Optional[str], mapped_column(String(200), nullable=True)]
author_fk = Annotated[int, mapped_column(ForeignKey("authors.id"), index=True)]
flag = Annotated[bool, mapped_column(server_default=text("false"), comment="a flag")]


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
    id: Mapped[int_pk]
    created: Mapped[created_at]

    @declared_attr.directive
    def __tablename__(cls) -> str:
        return cls.__name__.lower() + "s"


class Author(Base):
    name: Mapped[str_uniq]
    bio: Mapped[str_null]
    code: Mapped[str] = mapped_column(String(40), server_default=func.md5("a"))
    rank: Mapped[int] = mapped_column(server_default=func.abs(3))
    __table_args__ = (CheckConstraint("length(name) > 1", name="name_len"),)


class Article(Base):
    title: Mapped[str] = mapped_column(String(120), index=True)
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id", ondelete="CASCADE"))
    updated: Mapped[Optional[datetime]] = mapped_column(onupdate=func.now())
    # The call's type and nullable win; unique comes from the alias.
    slug: Mapped[str_uniq] = mapped_column(String(30), nullable=True)
    # The alias's foreign key and index, the call's comment.
    editor_id: Mapped[Optional[author_fk]] = mapped_column(comment="who edits")
    draft: Mapped[flag]
    pinned: Mapped[flag] = mapped_column(server_default=text("true"))
    stamp: Mapped[datetime] = mapped_column(server_default=func.current_timestamp())
    __table_args__ = (
        UniqueConstraint("author_id", "title"),
        Index("ix_article_body_prefix", "author_id", "created"),
    )
