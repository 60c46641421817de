"""Names bound in a class body are seen by the rest of that body (Python's class scope):
a nested enum used by its bare name, an alias of it, and a nested class that shadows a
module-level one of the same name."""

import enum

from sqlalchemy import Column, Enum, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Kind(enum.Enum):
    module_level = 1


class Job(Base):
    __tablename__ = "jobs"

    class State(enum.Enum):
        QUEUED = 1
        DONE = 2

    # Shadows the module's `Kind` inside this body.
    class Kind(enum.Enum):
        BATCH = 1
        STREAM = 2

    Phase = State

    id = Column(Integer, primary_key=True)
    state = Column(Enum(State), nullable=False)
    kind = Column(Enum(Kind))
    phase = Column(Enum(Phase, name="job_phase"))

    def kind_name(self):
        return Kind.module_level.name


class Step(Base):
    __tablename__ = "steps"

    id = Column(Integer, primary_key=True)
    job_id = Column(Integer, ForeignKey("jobs.id"))
    # Outside Job's body: the module-level Kind.
    kind = Column(Enum(Kind, name="step_kind"))
    note = Column(String(40))
