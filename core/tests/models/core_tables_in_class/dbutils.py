"""The application's Table wrapper (as buildbot's util/sautils.py has it): a dialect option
added to every table."""
import sqlalchemy as sa


def Table(*args, **kwargs):
    kwargs["mysql_character_set"] = "utf8mb4"
    return sa.Table(*args, **kwargs)
