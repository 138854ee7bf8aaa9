"""The differential's questions and answers: the clinical findings given, the candidates ranked, the report."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, Field

from ...models import EDUCATIONAL_NOTICE, EntityRef, Fact, source_labels
from ...tables import Cell, Table, Tabular


class FindingKind(StrEnum):
    POSITIVE_TEST = "positive test"
    NEGATIVE_TEST = "negative test"
    STRONG_MOTION = "motion of normal strength"
    NORMAL_SENSATION = "area of normal sensation"
    SYMPTOM = "symptom"
    NUMBNESS = "numbness area"
    TENDER = "tenderness over"
    WEAK_MOTION = "weak motion"
    UNSTABLE_MOTION = "unstable motion"
    MECHANISM = "mechanism"


@dataclass(frozen=True)
class ClinicalFindings:
    """What the clinician observed, as CURIEs (resolved by the caller)."""

    positive_tests: tuple[str, ...] = ()
    negative_tests: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    numbness_areas: tuple[str, ...] = ()
    weak_motions: tuple[str, ...] = ()
    unstable_motions: tuple[str, ...] = ()
    mechanism: tuple[str, str | None] | None = None  # (motion, position)
    #: normal findings: a motion of normal strength, skin of normal sensation (they count against candidates that
    #: predict otherwise: a common fibular lesion when eversion is strong)
    strong_motions: tuple[str, ...] = ()
    normal_sensation: tuple[str, ...] = ()
    #: structures found tender on palpation (point tenderness over the ATFL, the base of the fifth metatarsal)
    tender_sites: tuple[str, ...] = ()

    def count(self) -> int:
        supportive = (self.positive_tests, self.symptoms, self.numbness_areas, self.weak_motions, self.unstable_motions,
                      self.tender_sites)
        return sum(len(x) for x in supportive) + (1 if self.mechanism else 0)


class Evidence(BaseModel):
    finding: EntityRef
    kind: FindingKind
    because: list[Fact]
    weight: float = Field(
        default=1.0,
        description="How much it counts for (or against) the candidate: 1, or less where the candidate only may "
        "predict it (0.5: a test its partial tear may make positive; a mechanism it resists only secondarily; a "
        "positive decision rule that screens for a fracture of it, which calls for imaging: its negative counts 1 "
        "against).",
    )


class Candidate(BaseModel):
    structure: EntityRef
    score: float = Field(
        description="(supported - contradicted) / findings; ties go first to structures whose own facts explain "
        "the findings, then to a mechanism its sources place in the reported position (a position only the editor "
        "read places nothing), then to a condition its source calls common (`frequency`), then to the narrower "
        "explanation."
    )
    supported_by: list[Evidence]
    contradicted_by: list[Evidence]
    unexplained: list[EntityRef] = Field(description="Findings this candidate does not account for.")
    lesion: EntityRef | None = Field(
        default=None,
        description="The named condition whose lesion of the structure explains the findings best (the tibial nerve "
        "as compressed in a tarsal tunnel syndrome); none when the structure's own injury does (a torn ligament).",
    )
    other_lesions: list[EntityRef] = Field(
        default_factory=list,
        description="Other named conditions whose lesion of the structure explains the findings as well: the "
        "findings do not tell them apart (the tibial nerve compressed in a tarsal tunnel syndrome or by ankle oedema, "
        "when no Tinel sign is reported). When `lesion` is null, the structure injured on its own explains them as "
        "well as these.",
    )
    grade: int | None = Field(
        default=None,
        description="The grade of the tear read: 3, complete; 2, a partial tear, read only when it explains the "
        "findings better than a complete one (a grade II Achilles tendon tear for weak plantarflexion with a negative "
        "Thompson test, which a complete rupture would make positive). Null for a lesion grades do not apply to "
        "(a compression, a fracture).",
    )
    frequency: Fact | None = Field(
        default=None,
        description="How common the source of the condition it is read as calls that condition (common, uncommon, "
        "rare: a source's word about the population it speaks of, not a prevalence); used only to order candidates "
        "with the same score.",
    )
    ruled_out: list[RuledOut] = Field(
        default_factory=list,
        description="Other lesions of the structure that explain some findings but that reported findings count "
        "against (a tear of the tibial nerve when plantarflexion is strong), each with what contradicts it: what "
        "the findings say of the lesion's kind and level.",
    )


class RuledOut(BaseModel):
    """Another lesion of the same structure that the findings count against: what localises the lesion (a tibial
    nerve torn would weaken plantarflexion, reported strong; compressed at the ankle it does not)."""

    condition: EntityRef | None = Field(
        description="The named condition whose lesion this is; none for the structure injured on its own."
    )
    lesion: EntityRef | None = Field(description="The lesion mechanism (loss of continuity, compression, ...).")
    grade: int | None = Field(default=None, description="3 for a complete tear, 2 for a partial one; null when the "
                              "lesion is not graded.")
    score: float
    contradicted_by: list[Evidence]


class SecondInjury(BaseModel):
    """What the first candidate leaves unexplained, and what explains that on its own: a second injury to look for
    (an ATFL sprain that does not weaken eversion, beside a torn fibularis brevis tendon: review r26 D7)."""

    first: EntityRef = Field(description="The first candidate, whose unexplained findings these are.")
    findings: list[EntityRef] = Field(description="The findings the first candidate does not account for.")
    candidates: list[Candidate] = Field(
        description="The candidates that explain those findings best on their own, ranked as a differential of them "
        "with every negative test, strong motion and area of normal sensation reported (the first candidate left "
        "out). A listing for the work-up: the two injuries together are not scored as one explanation."
    )


#: The columns of a differential as a table, one row per candidate.
DIFFERENTIAL_COLUMNS = (
    "rank",
    "label",
    "id",
    "lesion",
    "score",
    "supported_by",
    "contradicted_by",
    "unexplained",
    "sources",
)


class TellingFinding(BaseModel):
    """A finding that would tell tied candidates apart: those listed predict it, the other tied ones do not."""

    finding: EntityRef
    kind: FindingKind
    predicted_by: list[EntityRef] = Field(description="The tied candidates (structures) whose reading predicts it.")


class DifferentialReport(Tabular, BaseModel):
    notice: str = EDUCATIONAL_NOTICE
    findings: dict[str, list[EntityRef]]
    candidates: list[Candidate]
    tied_at_top: int = Field(
        default=0,
        description="How many different explanations share the best score (some may lie beyond `limit`; a part and "
        "its whole with the same lesion, the talus and its trochlea, or a muscle and its own tendon count once): "
        "more than one means the findings do not tell them apart.",
    )
    note: str | None = Field(
        default=None,
        description="What the ranking cannot say: the findings point to no one structure (several share the best "
        "score), and which findings would tell them apart; or that the candidates sharing it are one explanation "
        "named at several levels (a nerve and the nerves it branches from), counted once.",
    )
    telling_findings: list[TellingFinding] = Field(
        default_factory=list,
        description="When several candidates share the best score: findings not reported that some of them predict "
        "and the others do not (a test to do, a skin area or a motion to check), the most evenly splitting first.",
    )
    second_injury: SecondInjury | None = Field(
        default=None,
        description="When the first candidate leaves reported findings unexplained: what explains them on its own, "
        "a second injury to look for; null when the first candidate explains every finding.",
    )

    def as_table(self) -> Table:
        """One row per candidate, best first: what supports it, what contradicts it, what it leaves unexplained."""
        rows: list[dict[str, Cell]] = [
            {
                "rank": rank,
                "label": c.structure.label,
                "id": c.structure.id,
                "lesion": c.lesion.label if c.lesion else None,
                "score": c.score,
                "supported_by": "; ".join(f"{e.kind.value}: {e.finding.label}" for e in c.supported_by),
                "contradicted_by": "; ".join(f"{e.kind.value}: {e.finding.label}" for e in c.contradicted_by),
                "unexplained": "; ".join(u.label for u in c.unexplained),
                "sources": source_labels(fact for e in c.supported_by for fact in e.because),
            }
            for rank, c in enumerate(self.candidates, 1)
        ]
        findings = self.findings.items()
        given = "; ".join(f"{kind}: {', '.join(f.label for f in found)}" for kind, found in findings if found)
        return Table(
            title="What could explain these findings",
            columns=DIFFERENTIAL_COLUMNS,
            rows=rows,
            notice=self.notice,
            lead=[*([f"Findings — {given}"] if given else []), *([self.note] if self.note else [])],
        )
