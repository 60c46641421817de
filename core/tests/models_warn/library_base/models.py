"""A class with a table name whose base is a library class schemashift does not know as a
model base (the type checker's view of Flask-SQLAlchemy's db.Model): a warning, not a silent
skip."""
import sqlalchemy as sa
from flask_sqlalchemy.model import Model


class User(Model):
    __tablename__ = "users"
    id = sa.Column(sa.Integer, primary_key=True)


class Mixin:
    """No table name and no library base: not a model, no warning."""

    created = sa.Column(sa.DateTime)
