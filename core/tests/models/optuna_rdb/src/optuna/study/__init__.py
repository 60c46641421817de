# Trimmed from optuna 5.1.0 optuna/study/__init__.py: only the re-export models.py uses.
from optuna.study._study_direction import StudyDirection


__all__ = ["StudyDirection"]
