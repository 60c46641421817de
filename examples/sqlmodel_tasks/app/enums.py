import enum


class Priority(str, enum.Enum):
    low = "low"
    normal = "normal"
    high = "high"
