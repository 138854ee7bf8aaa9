"""What destabilises if a structure is injured, and everything that follows from it.

A package with one module per stage; each declared rule (data/rules/impact.ttl) has exactly one
function registered with ``@implements`` (checked both ways when the engine starts).
"""

from .context import REGISTRY, Grade
from .engine import ImpactEngine
from .models import (
    SECTIONS,
    AffectedStructure,
    DestabilisedMotion,
    ExpectedPositiveTest,
    Finding,
    ImpactReport,
    IncreasedLoad,
    LostRestraint,
    Reach,
    RestraintLoss,
    Stability,
    Strength,
    WeakenedMotion,
)

__all__ = [
    "REGISTRY", "SECTIONS", "AffectedStructure", "DestabilisedMotion", "ExpectedPositiveTest", "Finding", "Grade",
    "ImpactEngine", "ImpactReport", "IncreasedLoad", "LostRestraint", "Reach", "RestraintLoss", "Stability",
    "Strength", "WeakenedMotion",
]  # fmt: skip
