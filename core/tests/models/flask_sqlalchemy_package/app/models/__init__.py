from app.models.user import Role, User  # noqa: F401
from app.models.post import Comment, Post  # noqa: F401
