"""Column collations on MySQL / MariaDB (utf8mb4_* and latin1_* collations): `String(n, collation=...)`, `Text(collation=...)`,
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
    title: Mapped[str] = mapped_column(String(50, collation="utf8mb4_bin"))
    body: Mapped[Optional[str]] = mapped_column(Text(collation="utf8mb4_unicode_ci"))
    code = Column(VARCHAR(10, collation="latin1_swedish_ci"))
    flag = Column(CHAR(2, collation="utf8mb4_bin"))
    u = Column(Unicode(30))
    u_coll = Column(Unicode(30, collation="utf8mb4_bin"))
    ut = Column(UnicodeText)
    plain = Column(String(12, collation="utf8mb4_bin"))


class Note(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(max_length=20, sa_column_kwargs={"comment": "k"}, sa_type=String(20, collation="utf8mb4_bin"))
    txt: str = Field(sa_type=UnicodeText)
