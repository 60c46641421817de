"""A Flask application factory with its `db` object (the models import it)."""
from typing import TYPE_CHECKING

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()

# The type checker's view and the one that runs (fittrackee's workaround for mypy): models
# subclass `BaseModel`, which is `db.Model` when the application runs.
if TYPE_CHECKING:
    from flask_sqlalchemy.model import Model

    BaseModel = Model
else:
    BaseModel = db.Model


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
    db.init_app(app)
    return app
