__all__ = ("UTCDateTime",)

from .utcdatetime import UTCDateTime
