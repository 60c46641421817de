from sqlmodel import Field

from app.core.base import AppModel
from .shared import TimestampMixin


class Invoice(AppModel, TimestampMixin, table=True):
    id: int = Field(primary_key=True)
    number: str
