# A Flask-style model without `__tablename__` whose `db` object cannot be followed (made by a
# function of the application): its columns make it look like a model, so it is warned about
# rather than silently left out. A plain mixin with columns and no base is not warned about.
from sqlalchemy import Column, DateTime, Integer, String

from .factory import make_db

db = make_db()


class TimestampMixin:
    created_at = Column(DateTime)


class Tag(db.Model, TimestampMixin):
    id = Column(Integer, primary_key=True)
    name = db.Column(String(50))
