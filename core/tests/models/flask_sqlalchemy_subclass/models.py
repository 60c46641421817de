"""Flask-SQLAlchemy's `db` object made from the application's subclass of `SQLAlchemy` (it
overrides a pool option, as many Flask apps do), through two levels of subclassing: `db.Model`,
`db.Column`, `db.Table` and the automatic snake-case table names work as with `SQLAlchemy()`."""
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData


class PingingAlchemy(SQLAlchemy):
    def apply_pool_defaults(self, app, options):
        options = super().apply_pool_defaults(app, options)
        options["pool_pre_ping"] = True
        return options


class AppAlchemy(PingingAlchemy):
    pass


db = AppAlchemy(metadata=MetaData(naming_convention={"uq": "uq_%(table_name)s_%(column_0_name)s"}))


class BaseModel(db.Model):
    __abstract__ = True
    id = db.Column(db.Integer, primary_key=True)


class UserAccount(BaseModel):
    email = db.Column(db.String(120), unique=True, nullable=False)


user_tags = db.Table(
    "user_tags",
    db.Column("tag_id", db.Integer, db.ForeignKey("tag.id"), primary_key=True),
    db.Column("user_id", db.Integer, db.ForeignKey("user_account.id"), primary_key=True),
)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False, unique=True)
