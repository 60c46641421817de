"""Types of SQLAlchemy's MySQL dialect, spelled as Alembic's autogenerate writes a reflected
MySQL/MariaDB column (and schemashift's `--format alembic` does): `mysql.INTEGER(display_width=11)`,
`mysql.TINYINT(display_width=1)`, `unsigned=True`, `zerofill=True`, `mysql.VARCHAR(charset=..,
collation=.., length=..)`, the TEXT and BLOB sizes, `mysql.DATETIME(fsp=..)`, `mysql.ENUM` /
`mysql.SET` with a character set, `mysql.DECIMAL(precision=, scale=)`, `mysql.DOUBLE`,
`mysql.JSON()`, the same classes imported by name, and server defaults with `ON UPDATE`."""

from sqlalchemy import Column, text
from sqlalchemy.dialects import mysql
from sqlalchemy.dialects.mysql import BIGINT, LONGTEXT, MEDIUMINT, SET, YEAR
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"
    id = Column(mysql.INTEGER(display_width=11), primary_key=True)
    flag = Column(mysql.TINYINT(display_width=1), nullable=False, server_default=text("'0'"))
    small = Column(mysql.SMALLINT(display_width=6, unsigned=True))
    medium = Column(MEDIUMINT(unsigned=True, zerofill=True))
    views = Column(BIGINT(display_width=20, unsigned=True), nullable=False, server_default=text("0"))
    title = Column(mysql.VARCHAR(length=50), nullable=False)
    slug = Column(mysql.VARCHAR(charset="utf8mb4", collation="utf8mb4_bin", length=50))
    code = Column(mysql.CHAR(charset="latin1", collation="latin1_general_ci", length=3))
    tag = Column(mysql.VARCHAR(collation="latin1_bin", length=20))
    body = Column(mysql.TEXT())
    summary = Column(mysql.TINYTEXT(charset="latin1", collation="latin1_bin"))
    notes = Column(mysql.MEDIUMTEXT(collation="utf8mb4_bin"))
    full = Column(LONGTEXT(charset="utf8mb4", collation="utf8mb4_unicode_ci"))
    raw = Column(mysql.BLOB())
    big_raw = Column(mysql.LONGBLOB())
    digest = Column(mysql.BINARY(length=16))
    token = Column(mysql.VARBINARY(length=64))
    bits = Column(mysql.BIT(length=3))
    price = Column(mysql.DECIMAL(precision=10, scale=2, unsigned=True))
    ratio = Column(mysql.DOUBLE(asdecimal=True))
    score = Column(mysql.FLOAT())
    born = Column(YEAR())
    day = Column(mysql.DATE())
    at = Column(mysql.TIME(fsp=3))
    created = Column(mysql.DATETIME(fsp=6), nullable=False, server_default=text("CURRENT_TIMESTAMP(6)"))
    touched = Column(
        mysql.TIMESTAMP(), nullable=False,
        server_default=text("CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP"),
    )
    seen = Column(mysql.DATETIME(), server_default=text("NULL ON UPDATE CURRENT_TIMESTAMP"))
    kind = Column(mysql.ENUM("news", "blog", "it's"), nullable=False, server_default=text("'news'"))
    status = Column(mysql.ENUM("a", "b", charset="latin1", collation="latin1_bin"))
    perms = Column(SET("read", "write", "admin"))
    payload = Column(mysql.JSON())
    active = Column(mysql.BOOLEAN())


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(mysql.BIGINT(unsigned=True), primary_key=True)
    at: Mapped[str] = mapped_column(mysql.TIMESTAMP(fsp=3), nullable=True)

