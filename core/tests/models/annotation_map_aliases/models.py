"""`type_annotation_map` keys that are `Annotated[...]` aliases (SQLAlchemy's docs:
`str50 = Annotated[str, 50]` with `{str50: String(50)}`): `Mapped[str50]` and
`Mapped[Optional[str50]]` use that entry; plain `Mapped[str]` keeps the `str` entry."""

from typing import Annotated, Optional

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

str50 = Annotated[str, 50]
str200 = Annotated[str, 200]
intpk = Annotated[int, mapped_column(primary_key=True)]
big = Annotated[int, "big"]


class Base(DeclarativeBase):
    type_annotation_map = {str50: String(50), str200: String(200), big: BigInteger, str: Text}


class Author(Base):
    __tablename__ = "author"
    id: Mapped[intpk]
    name: Mapped[str50]
    nick: Mapped[Optional[str50]]
    bio: Mapped[str]
    views: Mapped[big] = mapped_column(default=0)


class Book(Base):
    __tablename__ = "book"
    id: Mapped[intpk]
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    title: Mapped[str200] = mapped_column(index=True)
    subtitle: Mapped[str200 | None]
