"""The answer records of an impact report: what the injury reaches and what follows from it."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from ...models import EDUCATIONAL_NOTICE, EntityRef, Fact, RuleRef, source_labels
from ...tables import Cell, Table, Tabular
from . import terms


class Stability(StrEnum):
    """How much a joint motion is still restrained after the injury."""

    UNSTABLE = "unstable"
    LAXITY = "increased laxity"
    REDUCED = "reduced restraint"


class Strength(StrEnum):
    """How much of a motion the muscles can still produce."""

    LOST = "lost"
    PRIME_MOVERS_LOST = "prime movers lost"
    WEAK = "weak"
    #: every prime mover intact, only assisting muscles lost: not weak in the clinic (a deep fibular nerve lesion
    #: takes fibularis tertius, yet eversion stays strong: the sign that tells it from a common fibular lesion)
    ASSISTANTS_LOST = "assistants lost"


class Reach(StrEnum):
    """How a structure came to be affected; only those in DAMAGED carry a lesion of their own."""

    NAMED = "named"
    PART = "part of an injured whole"
    CONDITION = "affected by the named condition"
    BRANCH = "branch of an injured nerve"
    SITE = "site of the named condition (intact)"
    FORCE = "muscle-tendon unit without force (not itself injured)"
    PART_TORN = "muscle with a torn part (the whole not itself torn)"
    SUBLUXED = "tendon no longer held by its torn retinaculum"
    DETACHED = "carried off with its fractured bony anchor (not itself torn)"
    DENERVATED = "denervated"
    #: a muscle whose compressed nerve's conduction its condition's weakness sign says is blocked (read as a grade 1
    #: lesion, neurapraxia; a long-standing compression may also denervate it, which is not concluded: review r48 C2)
    BLOCKED = "its nerve's conduction blocked by a compression (not itself injured)"
    ISCHAEMIC = "ischaemic in a swollen compartment (not itself torn)"
    COMPRESSED = "compressed (swelling or entrapment)"
    ALTERNATIVE = "one of the named condition's alternatives (its source does not say which)"
    POSSIBLE = "possibly involved in the named condition (its source does not say always)"


class RestraintLoss(StrEnum):
    """How a restraint came to be lost: a buttress whose ties are torn is intact, not injured (reviews r26 I7, r27
    C11: the lateral malleolus read as 'lost' beside a torn AITFL and deltoid)."""

    INJURED = "injured"
    DISPLACED = "fractured, the fracture unstable"
    CARRIED = "carried off with a fracture fragment (not itself torn)"
    UNHELD = "intact, no longer held by its torn ties"
    #: its ties torn enough to leave its joint with its neighbour lax (the AITFL and the interosseous ligament), the
    #: others still holding its bone (no full diastasis), yet the ring broken on the other side (r31 C07, r39 C03)
    LOOSENED = (
        "intact, loosened: its torn ties leave its joint with its neighbour lax while the others still hold its bone; "
        "a buttress holds only while the rest of the ring does, and the other side is lost too"
    )


#: Grades as the sources write them
ROMAN = {1: "I", 2: "II", 3: "III"}

#: Reaches whose structure carries the lesion itself (not a site, an unloaded unit, a denervated or ischaemic muscle).
DAMAGED = frozenset({Reach.NAMED, Reach.PART, Reach.CONDITION, Reach.BRANCH, Reach.SUBLUXED, Reach.COMPRESSED})


class Conclusion(BaseModel):
    """What every conclusion carries: the facts it rests on, the rules applied, and how it is known."""

    score: float
    because: list[Fact]
    rules: list[RuleRef]
    basis: EntityRef | None = Field(
        default=None,
        description="The weakest way any fact behind the conclusion is known (the editor's reading, stated by the "
        "source, measured): a conclusion that rests on one inferred step says so here.",
    )


class NamedAs(BaseModel):
    """How the name a question used stands to the term answered for, when it is not the term's own name."""

    name: str = Field(description="The name as the question gave it.", examples=["os trigonum syndrome"])
    relation: str = Field(
        description="How the graph records the name: a narrower name (a more specific form), a broader name (a "
        "wider class it is one of) or a related name of the term.",
        examples=["related name"],
    )
    note: str


class UngradedReading(BaseModel):
    """A condition named without a grade, read at each grade its name covers (rule ungraded-condition-intersects)."""

    grades: list[int] = Field(description="The grades it was read at, lowest first.", examples=[[1, 2, 3]])
    note: str


class GradedFormOf(BaseModel):
    """A condition asked at a grade, read as its recorded graded form of that grade (rule grade-names-its-form)."""

    condition: EntityRef = Field(description="The condition the question named.")
    grade: int = Field(description="The grade the question gave.", examples=[3])
    note: str


class AffectedStructure(BaseModel):
    structure: EntityRef
    grade: int
    reached: Reach
    lesion: EntityRef | None = Field(default=None, description="The lesion mechanism (loss of continuity, ...).")
    via: EntityRef | None = Field(default=None, description="The named injury this one was reached from.")
    because: list[Fact] = Field(default_factory=list)
    rules: list[RuleRef] = Field(default_factory=list)
    other_lesions: list[EntityRef] = Field(
        default_factory=list,
        description="For a structure named on its own (taken with its kind's default lesion: a nerve torn along its "
        "whole course, above its branches), the recorded conditions that damage it by another lesion (the "
        "superficial fibular nerve entrapped where it pierces the fascia, sparing its muscular branches) or that "
        "involve it by no lesion of its kind (an os trigonum: posterior ankle impingement), except those the answer "
        "lists already: a pointer, not a conclusion; name one to ask what it does.",
    )
    narrower_conditions: list[EntityRef] = Field(
        default_factory=list,
        description="For a condition named: the recorded conditions of a part of what it affects, by one of its "
        "lesions (a fifth metatarsal base fracture: the avulsion fracture of its tuberosity), its more specific "
        "forms: a pointer, not a conclusion; name one to ask what it does.",
    )
    mechanism: str | None = Field(
        default=None,
        description="For a condition named: how it typically arises, as its term records it (akg:mechanism: a "
        "sentence that names its sources; a peroneal tendon subluxation, forced dorsiflexion of the everted foot). "
        "A description of the condition, not a conclusion of the engine.",
    )
    named_as: NamedAs | None = Field(
        default=None,
        description="For an injury the question named by a narrower, broader or related name of its term (not its "
        "label, an exact synonym, an abbreviation or its id): that name and how it stands to the term, since the "
        "answer is about the term ('os trigonum syndrome', a related name of posterior ankle impingement).",
    )
    ungraded: UngradedReading | None = Field(
        default=None,
        description="For a condition named without a grade whose name covers several (a lateral ankle sprain: I, II "
        "or III): the grades it was read at; the answer keeps only what every one concludes, each at its weakest, "
        "and lists the injuries at the lowest.",
    )
    graded_form_of: GradedFormOf | None = Field(
        default=None,
        description="For a condition the question named at a grade that one of its recorded graded forms covers (a "
        "lateral ankle sprain at grade III): the condition and grade asked; this entry is that form (the lateral ankle "
        "sprain grade III), which the answer is for.",
    )
    alternatively: list[Reach] = Field(
        default_factory=list,
        description="How the other readings of a condition of alternatives reach it (the deltoid ligament torn in "
        "one reading of a Maisonneuve injury, carried off with a fractured medial malleolus in the other): which "
        "one holds, the condition's source does not say.",
    )


class LostRestraint(BaseModel):
    structure: EntityRef
    role: str
    restraint_lost: float = Field(description="Share of this structure's restraint lost (by grade).")
    lost_as: RestraintLoss = Field(
        default=RestraintLoss.INJURED,
        description="How its restraint is lost: injured itself, or (rule unstable-fracture) a fractured buttress of a "
        "broken ring, a ligament carried off with that fragment, an intact buttress whose ties are torn (all of them: "
        "unheld; enough to leave its joint with its neighbour lax, the others holding its bone: loosened).",
    )
    in_one_reading: bool = Field(
        default=False,
        description="Lost in some readings of a named condition's alternatives only (a Maisonneuve injury's deltoid "
        "ligament or medial malleolus: which one, the source does not say; rule alternatives-intersect).",
    )
    alternatively: list[RestraintLoss] = Field(
        default_factory=list,
        description="How other readings of a named condition's alternatives lose it, where they differ (torn in one, "
        "carried off with a fractured anchor in the other).",
    )


class DestabilisedMotion(Conclusion):
    joint: EntityRef
    motion: EntityRef
    position: EntityRef | None = Field(description="null: no restraint of this motion has a position in its source.")
    fraction_lost: float = Field(
        description="Share of the recorded restraint of this motion that is lost (0-1), weighted by the restraints' "
        "measured contributions when the sources give one for each, else by their roles (primary 1, secondary 0.5: "
        "a convention of the engine, see `weighting`). Not a measured loss of stiffness."
    )
    restraint_remaining: float
    restraints_recorded: int = Field(description="How many restraints of this motion in this position are recorded.")
    restraints_lost: int = Field(description="How many of them the injury reaches (wholly or in part).")
    restraints_lost_in_part: int = Field(
        default=0, description="How many of those it reaches only in part (a partial tear, a whole through some of its "
        "parts). A whole whose parts restrain the motion too is counted through them, not beside them: its share "
        "lost is in `lost_restraints`.",
    )
    weighting: Literal["measured contributions", "role weights"] = Field(
        description="What `fraction_lost` is weighted by: contributions the sources measured, or the engine's "
        "role weights."
    )
    status: Stability
    lost_restraints: list[LostRestraint]
    note: str | None = Field(
        default=None,
        description="What the fraction does not say: when no primary restraint of the motion is recorded, it is a "
        "share of the recorded (secondary) restraint only, not of all that checks the motion; when only muscles or "
        "tendons are lost, they restrain by pulling and no passive restraint is lost.",
    )


class WeakenedMotion(Conclusion):
    joint: EntityRef
    motion: EntityRef
    fraction_lost: float = Field(
        description="Share of the recorded muscle actions of this motion that is lost, weighted by role (prime mover "
        "1, assistant 0.5: a convention of the engine, rule:motion-weakened), not a measured share of strength."
    )
    status: Strength
    lost_actions: list[EntityRef]
    prime_movers_recorded: int = Field(default=0, description="Muscles recorded as prime movers of this motion.")
    prime_movers_lost: int = Field(default=0, description="Of those, how many this injury takes (wholly or in part).")
    assistants_recorded: int = Field(default=0, description="Muscles recorded as assisting this motion.")
    assistants_lost_count: int = Field(default=0, description="Of those, how many this injury takes.")
    partly_lost: list[EntityRef] = Field(
        default_factory=list,
        description="Of the muscles in lost_actions, those that lose only part of their action (a partial tendon "
        "tear, a grade I or II nerve lesion, one head of a muscle torn): weakened, not lost.",
    )
    note: str | None = Field(
        default=None,
        description="The level the answer assumed: a named nerve is taken as injured along its whole course, above "
        "its branches to the muscles it names (each under the branch of the nerve that reaches it); a lesion between "
        "them takes the muscles of the branches below it, one below all of them spares the motion.",
    )


#: Why an intact structure carries more: it restrains the motion, stabilises it by pulling the other way, or produces it
LoadKind = Literal["restraint", "dynamic stabiliser", "synergist"]


class IncreasedLoad(Conclusion):
    structure: EntityRef
    kind: LoadKind
    joint: EntityRef
    motion: EntityRef
    positions: list[EntityRef]


class ExpectedPositiveTest(Conclusion):
    test: EntityRef
    joint: EntityRef | None = None
    motion: EntityRef | None = None
    structure: EntityRef | None = Field(default=None, description="The injured structure the test examines.")
    condition: EntityRef | None = Field(
        default=None,
        description="For a test that only reproduces a condition's pain (it examines no motion and detects no "
        "lesion: the impingement tests): the condition its sources diagnose by it, which the injury amounts to.",
    )
    positions: list[EntityRef] = Field(default_factory=list)
    equivocal: bool = Field(
        default=False,
        description="May be positive, not expected for certain: the motion it examines is lax from partial tears only "
        "(mild laxity, which the sources grade differently on stress testing: negative in a partial tear in one table, "
        "the mark of a grade II sprain in another). Nor is it expected negative.",
    )


class Finding(Conclusion):
    """A conclusion about one entity (a symptom, a skin area, a nerve, a condition, a structure)."""

    entity: EntityRef
    detail: str


#: The sections of an ImpactReport whose items are conclusions with ``because`` and ``rules``.
SECTIONS = (
    "conditions",
    "destabilised_motions",
    "weakened_motions",
    "assistants_lost",
    "increased_load",
    "expected_positive_tests",
    "tests_may_be_positive",
    "expected_negative_tests",
    "symptoms",
    "numbness_areas",
    "tender_sites",
    "nerves_at_risk",
    "supply_at_risk",
    "long_term_risks",
    "work_up",
    "treatments",
    "look_alikes",
    "possible_causes",
    "larger_injuries",
    "stable_fractures",
)


class ImpactReport(Tabular, BaseModel):
    notice: str = EDUCATIONAL_NOTICE
    injuries: list[AffectedStructure]
    position: EntityRef | None
    conditions: list[Finding] = Field(
        description="The conditions the injury amounts to (a torn superior fibular retinaculum: peroneal tendon "
        "subluxation), each with the facts that link it; a named condition is not repeated here."
    )
    destabilised_motions: list[DestabilisedMotion]
    weakened_motions: list[WeakenedMotion] = Field(
        description="Motions weak in the clinic: a prime mover lost or weakened (status lost, prime movers lost, weak)."
    )
    assistants_lost: list[WeakenedMotion] = Field(
        default_factory=list,
        description="Motions whose prime movers are all intact while an assisting muscle is lost: not weak in the "
        "clinic (a deep fibular nerve lesion takes fibularis tertius, yet eversion stays strong), listed apart so "
        "that a sign that locates a lesion is not read as weakness.",
    )
    increased_load: list[IncreasedLoad]
    expected_positive_tests: list[ExpectedPositiveTest]
    tests_may_be_positive: list[ExpectedPositiveTest] = Field(
        default_factory=list,
        description="Laxity tests of a motion lax from partial tears only (no primary restraint of it wholly lost), "
        "or from a primary restraint wholly lost while another is partly torn: they may be positive, neither expected "
        "positive nor negative, as the sources grade a partial tear's laxity on testing differently (rule "
        "positive-test; blinded review r31 C01).",
    )
    expected_negative_tests: list[Finding] = Field(
        default_factory=list,
        description="Tests that examine a damaged structure but detect its lesion only from a higher grade than the "
        "injury's, as their sources state (the Thompson test in a partial Achilles tendon tear), or that find nothing "
        "in a stretch that costs it nothing (the anterior drawer after a grade I ATFL sprain): rule negative-test. A "
        "test is never listed here only because nothing predicts it positive.",
    )
    symptoms: list[Finding]
    numbness_areas: list[Finding]
    tender_sites: list[Finding] = Field(
        default_factory=list,
        description="Where to feel for tenderness: each damaged structure whose lesion presents with tenderness for "
        "its kind, or that a condition recording tenderness affects ('tenderness in the injured area'; rule "
        "tenderness-localises). A listing of sites, not a finding: whether a deep structure can be felt is not "
        "recorded.",
    )
    nerves_at_risk: list[Finding]
    supply_at_risk: list[Finding] = Field(
        description="What an injured or compressed artery supplies, and bones a concluded condition may starve. At "
        "risk, not lost: the graph records which artery supplies a structure, not the collateral flow that may "
        "keep it supplied."
    )
    long_term_risks: list[Finding]
    stable_fractures: list[Finding] = Field(
        default_factory=list,
        description="Fractured bony buttresses that keep their hold because the rest of the ring is intact, each with "
        "what still checks its motion (an isolated lateral malleolus fracture: the deltoid ligament and the medial "
        "malleolus); an injury of those too would make the fracture unstable (rule unstable-fracture).",
    )
    work_up: list[Finding] = Field(
        default_factory=list,
        description="How what the injury amounts to is confirmed: the tests, decision rules, imaging and procedures "
        "its conditions are recorded to be diagnosed by, and decision rules that screen for a fracture it includes "
        "(the Ottawa ankle rules). A listing, not a prediction: expected results are in expected_positive_tests.",
    )
    treatments: list[Finding] = Field(
        default_factory=list,
        description="Treatments with graded evidence for what the injury amounts to (educational, not advice), each "
        "with its certainty, direction and recommendation; evidence its source gives only for a stable or an "
        "unstable injury is listed when this answer's verdict matches (an unstable syndesmosis: fixation; a stable "
        "one: non-operative care), with the unstable motions as the reason (rule treatment-evidence).",
    )
    look_alikes: list[Finding] = Field(
        default_factory=list,
        description="Conditions its sources say what the injury amounts to may be mistaken for, or that may be "
        "mistaken for it (a lateral ankle sprain: a fracture of the lateral process of the talus, missed as one), "
        "each with the work-up that tells it apart (rule look-alikes). A listing to rule out, not a conclusion.",
    )
    possible_causes: list[Finding] = Field(
        default_factory=list,
        description="Conditions its sources say what the injury amounts to may result from (the inverse of "
        "akg:mayLeadTo: a peroneal tendon tear, chronic ankle instability and a peroneal tendon subluxation), to look "
        "for (rule possible-causes). A listing, not a conclusion.",
    )
    larger_injuries: list[Finding] = Field(
        default_factory=list,
        description="Larger injuries of the sources that damage every structure named, by the same lesion, and more "
        "(a syndesmotic tear and a Maisonneuve injury: look for a fracture of the proximal fibula), each with what it "
        "adds. A listing for the work-up, not a conclusion: nothing of the larger injury is concluded.",
    )
    unrecorded: list[str] = Field(
        default_factory=list,
        description="What the graph does not record about the injured structures, so that silence is not read as a "
        "conclusion: a ligament named torn that no recorded restraint links to any motion (nor its parts or wholes) "
        "destabilises nothing in the answer, which is not to say it destabilises nothing.",
    )
    if_involved: list[str] = Field(
        default_factory=list,
        description="Motions the answer lists nowhere that would be lax or unstable were the structures the named "
        "conditions only may involve torn or broken too (rule possibly-involved): a pointer, not a conclusion (a "
        "chronic ankle instability, whose lateral ligaments are only possibly lengthened).",
    )
    rules_applied: list[RuleRef]

    def named(self) -> str:
        """The named injuries, each with its grade where a grade means something: a structure taken as torn, or a
        condition that tears some of what it affects (not a fracture, nor an entrapment)."""
        torn = terms.LOSS_OF_CONTINUITY
        torn_via = {i.via.id for i in self.injuries if i.via and i.lesion and i.lesion.id == torn}

        def graded(i: AffectedStructure) -> str:
            if i.lesion and i.lesion.id == torn:
                return f"{i.structure.label} (grade {i.grade})"
            if i.structure.id in torn_via:  # a condition is not graded itself: the grade is its tears' (review r20)
                return f"{i.structure.label} (its tears taken as grade {i.grade})"
            return i.structure.label

        return ", ".join(graded(i) for i in self.injuries if i.via is None)

    def as_table(self) -> Table:
        """One row per affected structure and per conclusion, ``section`` naming the report's field it is from."""
        rows: list[dict[str, Cell]] = []

        def row(section: str, what: EntityRef, c: Conclusion | None = None, **more: Cell) -> None:
            rows.append({"section": section, "label": what.label, "id": what.id, **more})
            if c is not None:
                basis = c.basis.label if c.basis else None
                rows[-1].update(basis=basis, score=c.score, sources=source_labels(c.because))

        for i in self.injuries:
            lesion = i.lesion.label if i.lesion else None
            row("injuries", i.structure, grade=i.grade, status=i.reached.value, detail=lesion)
            rows[-1]["sources"] = source_labels(i.because)
        for f in self.conditions:
            row("conditions", f.entity, f, detail=f.detail)
        for d in self.destabilised_motions:
            lost = ", ".join(f"{r.structure.label} ({r.role}" + ("" if r.lost_as is RestraintLoss.INJURED else
                             f"; {r.lost_as.value}") + "".join(f" or {k.value}" for k in r.alternatively)
                             + ("; in one reading" if r.in_one_reading else "") + ")"
                             for r in d.lost_restraints)  # fmt: skip
            detail = f"{d.restraints_lost} of {d.restraints_recorded} recorded restraints lost: {lost}"
            position = d.position.label if d.position else None
            row("destabilised_motions", d.motion, d, joint=d.joint.label, position=position, detail=detail)
            rows[-1].update(status=d.status.value, fraction_lost=d.fraction_lost)
        for section in ("weakened_motions", "assistants_lost"):
            for w in getattr(self, section):
                lost_actions = "lost: " + ", ".join(a.label for a in w.lost_actions)
                row(section, w.motion, w, joint=w.joint.label, status=w.status.value, detail=lost_actions)
                rows[-1]["fraction_lost"] = w.fraction_lost
        for load in self.increased_load:
            positions = ", ".join(p.label for p in load.positions) or None
            detail = f"{load.kind} for {load.motion.label}"
            row("increased_load", load.structure, load, joint=load.joint.label, position=positions, detail=detail)
        for section in ("expected_positive_tests", "tests_may_be_positive"):
            for t in getattr(self, section):
                about = t.motion.label if t.motion else t.structure.label if t.structure else None
                row(section, t.test, t, joint=t.joint.label if t.joint else None, detail=about)
        for section in ("expected_negative_tests", "symptoms", "numbness_areas", "tender_sites", "nerves_at_risk",
                        "supply_at_risk",
                        "long_term_risks", "work_up", "treatments", "look_alikes", "possible_causes",
                        "larger_injuries"):
            for finding in getattr(self, section):
                row(section, finding.entity, finding, detail=finding.detail)
        return Table(
            title=f"If injured: {self.named()}" + (f", in {self.position.label}" if self.position else ""),
            columns=IMPACT_COLUMNS,
            rows=rows,
            notice=self.notice,
            group_by="section",
            captions=IMPACT_CAPTIONS,
        )


#: The columns of an impact report as a table: one for every section, empty where a section has no such value.
IMPACT_COLUMNS = (
    "section",
    "label",
    "id",
    "grade",
    "joint",
    "position",
    "status",
    "fraction_lost",
    "detail",
    "basis",
    "score",
    "sources",
)

#: Captions of an impact report's sections in a notebook (the keys are its fields).
IMPACT_CAPTIONS = {
    "injuries": "Injured and affected structures",
    "conditions": "What the injury amounts to",
    "destabilised_motions": "Destabilised joint motions",
    "weakened_motions": "Weakened motions",
    "assistants_lost": "Prime movers intact, an assisting muscle lost",
    "increased_load": "Carrying more load",
    "expected_positive_tests": "Expected positive tests",
    "tests_may_be_positive": "Tests that may be positive (mild laxity from partly torn primary restraints, or a "
    "grade the question did not give)",
    "expected_negative_tests": "Expected negative tests (each with the reason it finds nothing here)",
    "symptoms": "Symptoms",
    "numbness_areas": "Numb skin",
    "tender_sites": "Tender over (where to palpate)",
    "nerves_at_risk": "Nerves at risk",
    "supply_at_risk": "Blood supply at risk (collateral flow not modelled)",
    "long_term_risks": "Long-term risks",
    "work_up": "How it is confirmed (a listing, not a prediction)",
    "treatments": "Treatment evidence for what it amounts to (educational, not advice)",
    "look_alikes": "May be mistaken for, or mistaken for it (rule them out; nothing concluded)",
    "possible_causes": "May follow (possible causes to look for; nothing concluded)",
    "larger_injuries": "Larger injuries it may be part of (look for the rest; nothing concluded)",
}
