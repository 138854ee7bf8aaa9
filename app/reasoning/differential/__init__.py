"""The reverse question: given findings, which injured structure explains them best?

``models``: the findings given and the report returned; ``profiles``: what each candidate's injury predicts, built
once per graph from the impact engine's forward answers (``store`` holds them, ``facts`` numbers their reasons);
``engine``: the ranking of candidates against the findings; ``ties``: how candidates that share a score are ordered and
counted; ``telling``: which findings would tell tied candidates apart; ``second``: the second injury to look for when
the first leaves signs unexplained.
"""

from .engine import DifferentialEngine
from .models import (
    Candidate,
    ClinicalFindings,
    DifferentialReport,
    Evidence,
    FindingKind,
    RuledOut,
    SecondInjury,
    TellingFinding,
)
from .store import Prediction, Profile, Profiles

__all__ = [
    "Candidate",
    "ClinicalFindings",
    "DifferentialEngine",
    "DifferentialReport",
    "Evidence",
    "FindingKind",
    "Prediction",
    "Profile",
    "Profiles",
    "RuledOut",
    "SecondInjury",
    "TellingFinding",
]
