from sqlalchemy import types


class UTCDateTime(types.TypeDecorator):
    impl = types.DateTime
    cache_ok = True
