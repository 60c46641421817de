from .team import Team
from .hero import Hero, HeroBase

__all__ = ["Team", "Hero", "HeroBase"]
