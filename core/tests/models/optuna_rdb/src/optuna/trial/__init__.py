# Trimmed from optuna 5.1.0 optuna/trial/__init__.py: only the re-export models.py uses.
from optuna.trial._state import TrialState


__all__ = ["TrialState"]
