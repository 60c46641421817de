"""Flask-SQLAlchemy 3 models: `db.Model` classes named after their class in snake case
unless they write `__tablename__`, `db.Column` / `db.String` / `db.ForeignKey` (SQLAlchemy's
names on the `db` object), `db.Table` with or without `db.metadata`, the metadata's naming
convention given to `SQLAlchemy(metadata=...)`, joined and single-table inheritance."""
import enum
from datetime import datetime

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.orm import Mapped, mapped_column

convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=convention))


class Status(enum.Enum):
    draft = "draft"
    published = "published"


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True, nullable=False)
    email = db.Column(db.String(120), index=True)
    is_admin = db.Column(db.Boolean, nullable=False, default=False)
    created_at = db.Column(db.DateTime, server_default=db.func.now())
    posts = db.relationship("BlogPost", backref="author", lazy=True)


class BlogPost(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title = db.Column(db.String(200), nullable=False)
    body = db.Column(db.Text)
    status = db.Column(db.Enum(Status), nullable=False, default=Status.draft)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)

    __table_args__ = (
        db.UniqueConstraint("user_id", "title"),
        db.Index("ix_blog_post_status_user", "status", "user_id"),
    )


class HTTPRequestLog(db.Model):
    __tablename__ = "request_log"
    id = db.Column(db.Integer, primary_key=True)
    path = db.Column(db.String(255), nullable=False)
    at = db.Column(db.DateTime, nullable=False, default=datetime.utcnow)


post_tags = db.Table(
    "post_tags",
    db.Column("post_id", db.Integer, db.ForeignKey("blog_post.id"), primary_key=True),
    db.Column("tag_id", db.Integer, db.ForeignKey("tag.id"), primary_key=True),
)

followers = db.Table(
    "followers",
    db.metadata,
    db.Column("follower_id", db.Integer, db.ForeignKey("user.id")),
    db.Column("followed_id", db.Integer, db.ForeignKey("user.id")),
)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False, unique=True)


# Joined-table inheritance: a primary key of its own, a table of its own.
class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(20))
    name = db.Column(db.String(50))
    __mapper_args__ = {"polymorphic_on": kind, "polymorphic_identity": "employee"}


class Engineer(Employee):
    id = db.Column(db.Integer, db.ForeignKey("employee.id"), primary_key=True)
    language = db.Column(db.String(30))
    __mapper_args__ = {"polymorphic_identity": "engineer"}


# Single-table inheritance: no primary key of its own, its columns join employee.
class Manager(Employee):
    reports = db.Column(db.Integer)
    __mapper_args__ = {"polymorphic_identity": "manager"}


# Names as Flask-SQLAlchemy 3 derives them: api_key, o_auth2_token.
class APIKey(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))


class OAuth2Token(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    api_key_id = db.Column(db.Integer, db.ForeignKey("api_key.id"))
