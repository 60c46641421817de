import enum


class Status(str, enum.Enum):
    draft = "draft"
    published = "published"
    archived = "archived"


class Priority(enum.IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
