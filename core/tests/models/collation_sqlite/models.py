"""Column collations on SQLite (its built-in NOCASE, RTRIM, BINARY): `String(n, collation=...)`, `Text(collation=...)`,
`VARCHAR` / `CHAR` / `Unicode` with one, SQLModel `sa_type=String(n, collation=...)`;
`Unicode` / `UnicodeText` are VARCHAR / TEXT,
`NVARCHAR` / `NCHAR` are written as such. Collation names differ per database: the
`dialects` file limits the fixture to this one."""

from typing import Optional

from sqlalchemy import NCHAR, NVARCHAR, Column, Integer, String, Text, Unicode, UnicodeText, VARCHAR, CHAR
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class Doc(Base):
    __tablename__ = "docs"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50, collation="NOCASE"))
    body: Mapped[Optional[str]] = mapped_column(Text(collation="RTRIM"))
    code = Column(VARCHAR(10, collation="BINARY"))
    flag = Column(CHAR(2, collation="NOCASE"))
    u = Column(Unicode(30))
    u_coll = Column(Unicode(30, collation="NOCASE"))
    ut = Column(UnicodeText)
    nv = Column(NVARCHAR(20))
    nc = Column(NCHAR(4))
    plain = Column(String(collation="NOCASE"))


class Note(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(max_length=20, sa_column_kwargs={"comment": "k"}, sa_type=String(20, collation="NOCASE"))
    txt: str = Field(sa_type=UnicodeText)
