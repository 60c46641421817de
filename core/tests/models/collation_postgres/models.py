"""Column collations on PostgreSQL ("C", "POSIX", "ucs_basic" exist in every database): `String(n, collation=...)`, `Text(collation=...)`,
`VARCHAR` / `CHAR` / `Unicode` with one, SQLModel `sa_type=String(n, collation=...)`;
`Unicode` / `UnicodeText` are VARCHAR / TEXT. Collation names differ per database: the
`dialects` file limits the fixture to this one."""

from typing import Optional

from sqlalchemy import Column, Integer, String, Text, Unicode, UnicodeText, VARCHAR, CHAR
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class Doc(Base):
    __tablename__ = "docs"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50, collation="C"))
    body: Mapped[Optional[str]] = mapped_column(Text(collation="POSIX"))
    code = Column(VARCHAR(10, collation="ucs_basic"))
    flag = Column(CHAR(2, collation="C"))
    u = Column(Unicode(30))
    u_coll = Column(Unicode(30, collation="C"))
    ut = Column(UnicodeText)
    plain = Column(String(collation="C"))
    positional = Column(String(40, "POSIX"))


class Note(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(max_length=20, sa_column_kwargs={"comment": "k"}, sa_type=String(20, collation="C"))
    txt: str = Field(sa_type=UnicodeText)
