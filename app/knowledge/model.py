"""Plain, immutable records read once from the graph; every answer is built from these."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any


class Record:
    """Base of the slotted records: pickled as their class and field values, so that unpickling calls ``__init__``
    with them. The dataclasses' own ``__setstate__`` for slotted classes looks the fields up again for every object:
    a snapshot of 100 copies of the graph (~250,000 records) took 6 s to read, about three times as long."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), tuple(getattr(self, f.name) for f in fields(self))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Xref(Record):
    """A cross-reference (UBERON:..., FMA:...) with the release it was read from."""

    curie: str
    source: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Term(Record):
    """A named entity: structure, motion, position, clinical entity or reference."""

    id: str
    iri: str
    label: str
    types: tuple[str, ...]
    definition: str | None = None
    definition_source: str | None = None
    synonyms: tuple[str, ...] = ()
    #: narrower, broader or related names a user may type ("Weber B fracture", "Achilles tendonitis"), each with the
    #: predicate that records it: found, never preferred, and an answer asked by one says so (review r44)
    name_relations: tuple[tuple[str, str], ...] = ()
    abbreviations: tuple[str, ...] = ()
    latin_name: str | None = None
    xrefs: tuple[Xref, ...] = ()
    deprecated: bool = False
    annotations: tuple[tuple[str, str], ...] = ()

    @property
    def related_names(self) -> tuple[str, ...]:
        """The names of :attr:`name_relations`, each once."""
        return tuple(sorted({name for name, _ in self.name_relations}))


@dataclass(frozen=True, slots=True)
class Statement(Record):
    """A binary relation between two entities with its sources.

    ``inferred`` statements come from owl:inverseOf or owl:SymmetricProperty and keep the sources of
    the asserted statement they mirror; ``qualifiers`` carry axiom annotations such as root levels.
    """

    subject: str
    predicate: str
    object: str
    sources: tuple[str, ...]
    inferred: bool = False
    qualifiers: tuple[tuple[str, str], ...] = ()


class RestraintRole(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


class ActionRole(StrEnum):
    PRIME_MOVER = "prime mover"
    ASSISTANT = "assistant"


@dataclass(frozen=True, slots=True)
class Restraint(Record):
    """An n-ary fact: ``structure`` resists ``motion`` of ``joint`` in ``positions``.

    ``positions`` is empty when the source states none; ``known_by``, ``role_basis`` and
    ``position_basis`` say how the fact, its role and its positions are known (akg:Measured, ...).
    """

    id: str
    structure: str
    joint: str
    motion: str
    positions: frozenset[str]
    role: RestraintRole
    contribution: float | None
    sources: tuple[str, ...]
    note: str | None = None
    known_by: str | None = None
    role_basis: str | None = None
    position_basis: str | None = None
    #: sources read that report otherwise (akg:disputedBy): shown beside the sources, never among them
    disputed_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MuscleAction(Record):
    """An n-ary fact: ``muscle`` produces ``motion`` at ``joint``."""

    id: str
    muscle: str
    joint: str
    motion: str
    role: ActionRole
    sources: tuple[str, ...]
    note: str | None = None
    known_by: str | None = None
    role_basis: str | None = None


@dataclass(frozen=True, slots=True)
class ClinicalTestSpec(Record):
    """What a clinical test examines: every (joint, motion) pair, the structures, the position."""

    id: str
    joints: tuple[str, ...]
    motions: tuple[str, ...]
    structures: tuple[str, ...]
    positions: tuple[str, ...]
    joint_sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    motion_sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: lesion mechanism of an examined structure the test is positive for -> lowest grade (None: any)
    detects: dict[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TreatmentEvidence(Record):
    """An n-ary fact: a treatment for a condition with its GRADE level and the review behind it."""

    id: str
    condition: str
    treatment: str
    evidence_level: str
    recommendation: str | None
    sources: tuple[str, ...]
    direction: str | None = None
    level_basis: str | None = None
    graded_by: str | None = None
    #: akg:StableInjury / akg:UnstableInjury: the evidence covers only such an injury, as its source says
    for_stability: str | None = None
    #: the grades the evidence covers (akg:forGrade; empty: any), as its source says
    for_grades: frozenset[int] = frozenset()
    #: the evidence covers the condition only as an isolated injury (akg:forIsolatedInjury), as its source says
    for_isolated: bool = False


@dataclass(frozen=True)
class LesionPresentation:
    """An n-ary fact: a kind of structure damaged by a lesion mechanism presents with a symptom (from a grade)."""

    id: str
    lesion: str
    kind: str
    symptom: str
    from_grade: int | None
    sources: tuple[str, ...]
    note: str | None = None
    known_by: str | None = None
