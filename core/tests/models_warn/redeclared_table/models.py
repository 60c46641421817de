"""One table name declared in two MetaData objects, differently: the first declaration is
compared, with a warning at the second."""

import sqlalchemy as sa

first = sa.MetaData()
second = sa.MetaData()

sa.Table("settings", first, sa.Column("key", sa.String(50), primary_key=True), sa.Column("value", sa.Text))
sa.Table("settings", second, sa.Column("key", sa.String(80), primary_key=True))
