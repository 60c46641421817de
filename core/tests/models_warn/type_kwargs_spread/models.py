"""A type called with **keywords the application computes (Airflow's **COLLATION_ARGS from its
settings): a warning, not a type read without them."""
import os
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase

def get_args():
    if os.environ.get("X"):
        return {"collation": "utf8mb3_bin"}
    return {}

ARGS = get_args()

class Base(DeclarativeBase):
    pass

class T(Base):
    __tablename__ = "t"
    id = sa.Column(sa.Integer, primary_key=True)
    a = sa.Column(sa.String(length=10, **ARGS))
