from app.sql.core import *  # noqa
from .custom import *  # noqa
