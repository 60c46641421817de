# Classic declarative_base() + Column, an association Table(), sqlite_autoincrement.
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Table,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

book_tags = Table(
    "book_tags",
    Base.metadata,
    Column("book_id", ForeignKey("books.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", Integer, ForeignKey("tags.id"), primary_key=True),
)


class Author(Base):
    __tablename__ = "authors"
    __table_args__ = {"sqlite_autoincrement": True}

    id = Column(Integer, primary_key=True)
    name = Column(String(120), nullable=False, index=True)
    email = Column(String(255), unique=True)
    created = Column(DateTime, server_default=func.now())


class Book(Base):
    __tablename__ = "books"
    __table_args__ = (UniqueConstraint("author_id", "book_title", name="uq_books_author_title"),)

    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("authors.id"), nullable=False)
    title = Column("book_title", String(200), nullable=False)
    price = Column(Numeric(8, 2))
    in_print = Column(Boolean, default=True, server_default="1")
    author = relationship("Author")


class Tag(Base):
    __tablename__ = "tags"

    id = Column(Integer, primary_key=True, autoincrement=False)
    label = Column(String(50), unique=True, index=True, nullable=False)
