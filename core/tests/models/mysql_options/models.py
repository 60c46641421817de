# MySQL / MariaDB: types, inline ENUM, comments, table options, index prefix lengths.
import datetime
import enum
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Status(enum.Enum):
    draft = "draft"
    published = "published"


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        sa.Index("ix_articles_title", "title", mysql_length=20, mysql_using="btree"),
        sa.Index("ix_articles_title_slug", "title", "slug", mysql_length={"title": 10}),
        sa.Index(
            "ix_articles_body", "body", mysql_prefix="FULLTEXT", mariadb_prefix="FULLTEXT"
        ),
        {
            "comment": "what's written",
            "mysql_engine": "InnoDB",
            "mysql_charset": "utf8mb4",
            "mariadb_engine": "InnoDB",
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="the key")
    title: Mapped[str] = mapped_column(sa.String(200), comment="a 'quoted' title")
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    body: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[Status] = mapped_column(sa.Enum(Status, name="article_status"))
    kind: Mapped[str] = mapped_column(sa.Enum("a", "b", name="kind", native_enum=False))
    published: Mapped[bool] = mapped_column(sa.Boolean, server_default=sa.false())
    created: Mapped[datetime.datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now()
    )
    score: Mapped[float | None] = mapped_column(sa.Float)
    price: Mapped[float | None] = mapped_column(sa.Numeric(10, 2))
    ratio: Mapped[float | None] = mapped_column(sa.Double)
    meta: Mapped[dict | None] = mapped_column(sa.JSON)
    token: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid)
    blob: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    ttl: Mapped[datetime.timedelta | None] = mapped_column(sa.Interval)
    day: Mapped[datetime.date | None] = mapped_column(sa.Date)
    at: Mapped[datetime.time | None] = mapped_column(sa.Time)
    code: Mapped[str | None] = mapped_column(sa.CHAR(3))
    views: Mapped[int] = mapped_column(sa.BigInteger, server_default="0")
    stamp: Mapped[datetime.datetime | None] = mapped_column(sa.TIMESTAMP)
    touched: Mapped[datetime.datetime | None] = mapped_column(
        sa.TIMESTAMP, server_default=sa.func.now()
    )


class Revision(Base):
    __tablename__ = "revisions"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    note: Mapped[str | None] = mapped_column(sa.String(50))


class Setting(Base):
    __tablename__ = "settings"

    id: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(sa.String(40))
    path: Mapped[str] = mapped_column(sa.String(40), server_default="it's")


tags = sa.Table(
    "article_tags",
    Base.metadata,
    sa.Column("article_id", sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("tag", sa.String(30), primary_key=True),
    comment="tags of articles",
    mysql_engine="InnoDB",
)
