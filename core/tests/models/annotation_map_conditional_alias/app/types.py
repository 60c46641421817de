"""A type alias bound differently per Python version (as prefect.types binds `DateTime`)."""

import datetime
import sys
from typing import Any

from typing_extensions import TypeAlias

if sys.version_info >= (3, 13):

    class _DateTime(datetime.datetime):
        """`datetime.datetime` with validation hooks."""

    DateTime: TypeAlias = _DateTime
    Day: TypeAlias = datetime.date
else:

    class DateTime(datetime.datetime):
        """The older implementation."""

    Day = datetime.date

Payload = dict[str, Any]
