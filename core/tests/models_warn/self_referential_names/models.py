"""Names bound to expressions of themselves (`url = url.replace(...)`, `node =
node.next_sibling()` in a loop, as Open WebUI's env.py has them): read as unknown, never a
stack overflow."""
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from settings import get_node

URL = "postgres://localhost/app"
if URL.startswith("postgres://"):
    URL = URL.replace("postgres://", "postgresql://")

node = get_node()
while node.has_next():
    node = node.next_sibling()

LENGTH = node.length.value


class Base(DeclarativeBase):
    pass


class Setting(Base):
    __tablename__ = "setting"
    id: Mapped[int] = mapped_column(primary_key=True)
    key = mapped_column(sa.String(LENGTH))
    url = mapped_column(sa.String(200), server_default=URL)
