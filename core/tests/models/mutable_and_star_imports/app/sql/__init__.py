from app.sql.core import *  # noqa
