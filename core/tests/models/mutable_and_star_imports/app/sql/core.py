import json

import sqlalchemy as sa
from sqlalchemy import types as sql_types

__all__ = ["JsonBlob", "Text"]

Text = sa.Text


class JsonBlob(sql_types.TypeDecorator):
    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return json.dumps(value)

    def process_result_value(self, value, dialect):
        return json.loads(value) if value is not None else None
