"""`.with_variant(...)`: one type per dialect (inline, chained, through a module name, a
variant for MariaDB only, the SQLite dialect's JSON as a variant and alone, as Prefect's
history writes it)."""

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JsonVariant = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
LongText = sa.Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb")


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    title = mapped_column(sa.String(200).with_variant(mysql.VARCHAR(255), "mysql"), nullable=False)
    body = mapped_column(LongText)
    meta = mapped_column(JsonVariant, nullable=True)
    payload = mapped_column(
        sa.JSON()
        .with_variant(postgresql.JSONB(), "postgresql")
        .with_variant(sa.Text(), "sqlite")
    )
    size = mapped_column(sa.Integer().with_variant(sa.BigInteger(), "mariadb"))
    labels = mapped_column(
        postgresql.JSONB()
        .with_variant(sqlite.JSON(), "sqlite")
        .with_variant(mysql.JSON(), "mysql", "mariadb")
    )
    extra = mapped_column(sqlite.JSON())
