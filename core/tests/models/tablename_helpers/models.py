"""Table names computed by the application's helper in a `declared_attr` (mage-ai's
`camel_to_snake_case(cls.__name__)`, the common `re.sub` chain; prefect's compiled
look-around pattern `CAMEL_TO_SNAKE.sub("_", cls.__name__)`), and string methods on the class
name."""
import re

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


CAMEL_TO_SNAKE = re.compile(r"(?<!^)(?=[A-Z])")


def camel_to_snake_case(name):
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    name = re.sub("__([A-Z])", r"_\1", name)
    name = re.sub("([a-z0-9])([A-Z])", r"\1_\2", name)
    return name.lower()


class Base(DeclarativeBase):
    pass


class BaseModel(Base):
    __abstract__ = True

    @declared_attr.directive
    def __tablename__(cls) -> str:
        return camel_to_snake_case(cls.__name__)

    id: Mapped[int] = mapped_column(primary_key=True)


class PipelineRun(BaseModel):
    name: Mapped[str] = mapped_column(String(100))


class OAuth2Application(BaseModel):
    client_id: Mapped[str] = mapped_column(String(64), unique=True)


class HTTPLogEntry(BaseModel):
    run_id: Mapped[int] = mapped_column(ForeignKey("pipeline_run.id"))


class Legacy(Base):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return ("_tbl-" + cls.__name__).replace("-", "_").lower().strip("_")

    id: Mapped[int] = mapped_column(primary_key=True)


class PrefectBase(Base):
    __abstract__ = True

    @declared_attr.directive
    def __tablename__(cls) -> str:
        return CAMEL_TO_SNAKE.sub("_", cls.__name__).lower()

    id: Mapped[int] = mapped_column(primary_key=True)


class TaskRunStateCache(PrefectBase):
    cache_key: Mapped[str] = mapped_column(String(64))


class WorkQueue(PrefectBase):
    name: Mapped[str] = mapped_column(String(64))
