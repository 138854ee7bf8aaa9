"""rule:condition-consequences: conditions of the injured structures bring their symptoms and long-term risks.

Definition: a condition is what the injury amounts to when a structure it affects is damaged by the lesion the
condition describes for it and every structure it is defined by (akg:definingStructure) is involved, damaged as
described or reached as its intact site (a whole counts when one of its parts is; the condition may name the injured
structure or a whole it belongs to; a graded condition only for an injury of its grade). It brings its symptoms
(akg:hasSymptom) and long-term consequences (akg:mayLeadTo). Instability or giving way comes from a loss-of-
continuity condition only when rule motion-destabilised fires too; weakness only when rule motion-weakened does.
When a graded condition fits the injury's grade, a general condition of the same structures brings its long-term
risks but not its symptoms. A condition that declares no lesion is concluded from none. A sequel of a concluded
condition is a risk, unless a named structure its cause does not affect is damaged as it describes (then not listed
again as a risk). A structure a condition only possibly involves makes it what the injury amounts to only when named
(not compressed by another condition or a swollen space); an instability of a joint (the joint as a rule, its
ligaments in some cases) only when the injury also loosens a motion of the joint. A nerve compressed by a swollen
space amounts only to the conditions recorded at that space; a branch torn with the named nerve above it, to none of
its own.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import ImpactReport, Reach, Stability
from tests.reasoning.rules.fixture import INSTABILITY, RULES, WEAKNESS, affected, findings, rule_ids, run

RULE = "rule:condition-consequences"
L1, L2, L3, L4, L5, COMPLEX, BAND = (f"ANKLE:99918{n:02d}" for n in range(1, 8))
SPRAIN, CHRONIC, WIDE, ARTHRITIS, COMPLEX_SPRAIN, IMPINGEMENT = (f"ANKLE:99918{n}" for n in range(11, 17))
ACHE, STIFFNESS, BRUISING = "ANKLE:9991821", "ANKLE:9991822", "ANKLE:9991823"
TENDON, TENDINOPATHY, RUPTURE, CALCIFIC, RE_RUPTURE = (f"ANKLE:99918{n}" for n in range(31, 36))
NERVE, RETINACULUM, TUNNEL, ENTRAPMENT, NEUROPATHY = (f"ANKLE:99918{n}" for n in range(36, 41))
MORNING_STIFFNESS, GAP, NIGHT_PAIN = "ANKLE:9991841", "ANKLE:9991842", "ANKLE:9991843"
GRADED_LIGAMENT, GRADE_1_SPRAIN, GRADE_3_SPRAIN, GENERAL_SPRAIN, CHRONIC_INSTABILITY = (
    f"ANKLE:99918{n}" for n in range(51, 56)
)
MILD_SWELLING, HAEMATOMA, WEIGHT_BEARING_PAIN = "ANKLE:9991844", "ANKLE:9991845", "ANKLE:9991846"
COMPARTMENT, UNDECLARED, LATER = "ANKLE:9991873", "ANKLE:9991874", "ANKLE:9991876"
QUIET_LIGAMENT, QUIET_SPRAIN, TENDERNESS = "ANKLE:9991856", "ANKLE:9991857", "ANKLE:9991847"
BONE, LANDMARK, BONE_FRACTURE, BONE_PAIN = "ANKLE:9991861", "ANKLE:9991862", "ANKLE:9991863", "ANKLE:9991848"


def symptoms(report: ImpactReport) -> set[str]:
    return set(findings(report.symptoms))


def risks(report: ImpactReport) -> set[str]:
    return set(findings(report.long_term_risks))


def test_the_rule_declares_no_overlap_threshold_any_more() -> None:
    assert "overlap_threshold" not in RULES[RULE].parameters  # defining structures replaced the 60% rule


@pytest.mark.parametrize(
    ("injuries", "concluded", "not_concluded"),
    [
        ([(L1, 3)], {(ACHE, CHRONIC)}, {(STIFFNESS, ARTHRITIS)}),  # either ligament torn is the sprain
        ([(L1, 3), (L2, 2)], {(ACHE, CHRONIC)}, {(STIFFNESS, ARTHRITIS)}),
        ([(L3, 3)], set(), {(ACHE, CHRONIC), (STIFFNESS, ARTHRITIS)}),  # one of the two defining ligaments
        ([(L1, 3), (L3, 3)], {(ACHE, CHRONIC)}, {(STIFFNESS, ARTHRITIS)}),
        ([(L3, 3), (L4, 3)], {(STIFFNESS, ARTHRITIS)}, {(ACHE, CHRONIC)}),  # both defining ligaments
        ([(L5, 3)], set(), {(ACHE, CHRONIC), (STIFFNESS, ARTHRITIS)}),  # affected, but the defining ones are intact
        # the condition names only the complex; its band is injured: "a whole counts when one of its parts is"
        ([(BAND, 3)], {(BRUISING, IMPINGEMENT)}, {(ACHE, CHRONIC)}),
    ],
    ids=["one-of-two", "two-of-two", "one-defining", "sprain-and-one-defining", "both-defining", "not-defining",
         "part-counts-for-whole"],
)  # fmt: skip
def test_affected_and_defining_structures(
    injuries: list[tuple[str, int]], concluded: set[tuple[str, str]], not_concluded: set[tuple[str, str]]
) -> None:
    report = run(RULE, *injuries)
    by_symptom, by_risk = findings(report.symptoms), findings(report.long_term_risks)
    for symptom, risk in concluded:
        assert RULE in rule_ids(by_symptom[symptom])
        assert RULE in rule_ids(by_risk[risk])
    for symptom, risk in not_concluded:
        assert symptom not in by_symptom
        assert risk not in by_risk


def test_a_named_condition_brings_its_own_consequences() -> None:
    report = run(RULE, (WIDE, 2))
    assert STIFFNESS in symptoms(report)
    assert ARTHRITIS in risks(report)


def test_a_consequence_already_present_is_not_a_risk() -> None:
    assert CHRONIC not in risks(run(RULE, (L1, 3), (CHRONIC, 3)))


def test_the_lesion_must_be_the_one_the_condition_describes() -> None:
    torn = run(RULE, (TENDON, 3))
    assert {GAP} <= symptoms(torn) and {RE_RUPTURE} <= risks(torn)  # a tear is a rupture ...
    assert MORNING_STIFFNESS not in symptoms(torn) and CALCIFIC not in risks(torn)  # ... not a tendinopathy
    degenerated = run(RULE, (TENDINOPATHY, 3))
    assert GAP not in symptoms(degenerated) and RE_RUPTURE not in risks(degenerated)  # and the reverse


def test_an_entrapment_site_the_injury_never_reached_does_not_count() -> None:
    # the swollen tunnel compresses the nerve, but the entrapment's retinaculum was not reached: compression
    # elsewhere along the nerve is not this entrapment (anterior compartment swelling is not an anterior tarsal
    # tunnel syndrome)
    report = run(RULE, (TUNNEL, 3))
    assert affected(report)[NERVE].reached is Reach.COMPRESSED
    assert NIGHT_PAIN not in symptoms(report)
    assert NEUROPATHY not in risks(report)


def test_a_concluded_condition_the_named_one_covers_is_said_to_be_part_of_it() -> None:
    """Named, the wide condition (ligaments 1, 3, 4, 5) concludes the wider one (3, 4, 5: all its own) as part of it,
    and the sprain (1 and 2: ligament 2 is not the wide condition's) as itself (review r17: a Maisonneuve injury
    'amounts to' a high ankle sprain, read as a contradiction)."""
    details = {c.entity.id: c.detail for c in run(RULE, (WIDE, 3)).conditions}
    assert details[WIDER].startswith("part of the named fixture wide condition: ")
    assert not details[SPRAIN].startswith("part of")


def test_a_sequel_reached_through_a_structure_its_cause_does_not_affect_is_current() -> None:
    """The second ligament torn: a sprain, and the later instability it may lead to only as a risk; the fifth ligament
    (no part of the sprain) torn too: the instability now (review r18 N3: a torn interosseous talocalcaneal ligament
    beside a torn CFL is subtalar instability, not only the sprain's sequel)."""
    alone = run(RULE, (L2, 3))
    assert LATER not in {c.entity.id for c in alone.conditions} and LATER in risks(alone)
    both = run(RULE, (L2, 3), (L5, 3))
    assert LATER in {c.entity.id for c in both.conditions}
    assert LATER not in risks(both)  # present now, not listed again as the sprain's risk (review r18b N3)


def test_a_condition_that_declares_no_lesion_is_concluded_from_none() -> None:
    """Subtalar instability was concluded from subtalar arthritis before it declared its lesion (review r17)."""
    torn = run(RULE, (L1, 3))
    assert SPRAIN in {c.entity.id for c in torn.conditions}  # the same ligament torn: its sprain, which declares one
    assert UNDECLARED not in {c.entity.id for c in torn.conditions}


@pytest.mark.parametrize("injury", [ENTRAPMENT, TUNNEL], ids=["named-entrapment", "swollen-tunnel"])
def test_a_condition_that_only_possibly_involves_a_compressed_nerve_is_not_concluded_from_it(injury: str) -> None:
    """Compressed by another condition or a swollen space, the nerve is no sign of a compartment syndrome that only
    may compress it (a tarsal tunnel syndrome is no compartment syndrome of the foot; review r17 I18)."""
    report = run(RULE, (injury, 3))
    assert affected(report)[NERVE].reached in (Reach.CONDITION, Reach.COMPRESSED)
    assert COMPARTMENT not in {c.entity.id for c in report.conditions}


@pytest.mark.parametrize("injury", [NERVE, RETINACULUM], ids=["cut-nerve", "torn-retinaculum"])
def test_a_tear_at_the_site_is_not_an_entrapment(injury: str) -> None:
    report = run(RULE, (injury, 3))
    assert NIGHT_PAIN not in symptoms(report)
    assert NEUROPATHY not in risks(report)


@pytest.mark.parametrize(
    ("grade", "brought", "withheld"),
    [
        (1, {MILD_SWELLING}, {HAEMATOMA, WEIGHT_BEARING_PAIN}),  # the grade I sprain describes it
        (2, {WEIGHT_BEARING_PAIN}, {MILD_SWELLING, HAEMATOMA}),  # no graded condition fits: the general one
        (3, {HAEMATOMA}, {MILD_SWELLING, WEIGHT_BEARING_PAIN}),  # the grade III sprain describes it
    ],
)
def test_a_graded_condition_describes_its_grade(grade: int, brought: set[str], withheld: set[str]) -> None:
    report = run(RULE, (GRADED_LIGAMENT, grade))
    assert brought <= symptoms(report)
    assert not withheld & symptoms(report)
    assert CHRONIC_INSTABILITY in risks(report)  # the general condition's long-term risk, at every grade


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_the_general_condition_gives_way_only_when_it_describes_the_grade_and_the_motion_gives_way(grade: int) -> None:
    report = run(RULE, (GRADED_LIGAMENT, grade))
    # a motion gives way when unstable, or lax with every passive primary restraint wholly lost (rule
    # motion-destabilised; the fixture's motions have one primary, so a lost one is every one): the mild laxity of a
    # grade II tear does not (review r31 C01)
    shaky = [d for d in report.destabilised_motions if d.status is Stability.UNSTABLE or (d.status is Stability.LAXITY
             and any(r.role == "primary" and r.restraint_lost >= 1.0 for r in d.lost_restraints))]
    instability = findings(report.symptoms).get(INSTABILITY)
    assert (instability is not None) is bool(shaky) is (grade == 3)  # grade I: no laxity; grade II: mild laxity only
    from_condition = instability is not None and RULE in rule_ids(instability)
    assert not from_condition  # grade III: the graded sprain describes it; only the mechanics give way


def test_no_giving_way_from_a_sprain_when_no_motion_gives_way() -> None:
    report = run(RULE, (QUIET_SPRAIN, 3))
    assert report.destabilised_motions == []
    assert TENDERNESS in symptoms(report)
    assert INSTABILITY not in symptoms(report)


STRAINED_MUSCLE = "ANKLE:9991896"


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_strain_is_weak_only_when_it_takes_a_prime_mover(grade: int) -> None:
    """A grade I strain (stretched, losing nothing) keeps its strength: the strain's weakness is not listed for it,
    while its tenderness is (review r32 C10); from grade II the prime mover is lost in part and the motion weak."""
    report = run(RULE, (STRAINED_MUSCLE, grade))
    assert TENDERNESS in symptoms(report)
    assert (WEAKNESS in symptoms(report)) is (grade > 1) is bool(report.weakened_motions)
    # an ungraded condition's symptoms, listed for a partial lesion, say that their sources name no grade (r32 C10)
    hedged = "its sources do not say at which grade" in findings(report.symptoms)[TENDERNESS].detail
    assert hedged is (grade < 3)


def test_a_fractured_landmark_is_a_fractured_bone() -> None:
    # "a whole counts when one of its parts is damaged as described (a fracture of the lateral malleolus is a
    # fracture of the fibula)"
    assert BONE_PAIN in symptoms(run(RULE, (LANDMARK, 2)))
    assert BONE_PAIN in symptoms(run(RULE, (BONE, 2)))


def test_no_condition_no_consequence() -> None:
    report = run(RULE, (L5, 3))
    assert report.long_term_risks == []
    assert report.symptoms == []


ACUTE_LIGAMENT, ACUTE_SPRAIN, CHRONIC_LAXITY = "ANKLE:9991858", "ANKLE:9991859", "ANKLE:9991860"


def test_a_condition_another_may_lead_to_is_a_risk_not_what_the_injury_is_now() -> None:
    report = run(RULE, (ACUTE_LIGAMENT, 3))
    assert [c.entity.id for c in report.conditions] == [ACUTE_SPRAIN]
    assert CHRONIC_LAXITY in risks(report)


def test_a_condition_that_may_lead_to_the_named_one_is_a_cause_not_what_it_is() -> None:
    report = run(RULE, (CHRONIC_LAXITY, 3))
    assert ACUTE_SPRAIN not in {c.entity.id for c in report.conditions}


def test_a_condition_naming_some_parts_is_not_concluded_from_the_others() -> None:
    # "A condition that names some parts of a whole is concluded from those parts, not from the whole's others"
    amounts = {c.entity.id for c in run(RULE, ("ANKLE:9991808", 3)).conditions}
    assert COMPLEX_SPRAIN in amounts  # names the complex only: any band counts
    assert "ANKLE:9991809" not in amounts
    assert "ANKLE:9991809" in {c.entity.id for c in run(RULE, (BAND, 3)).conditions}


def test_the_named_condition_describes_the_symptoms() -> None:
    # the wide condition named: the sprain it overlaps (ligament 1) is concluded, adds its risk, not its symptom
    report = run(RULE, (WIDE, 3))
    assert SPRAIN in {c.entity.id for c in report.conditions}
    assert CHRONIC in risks(report)
    assert ACHE not in symptoms(report)


def test_a_space_named_swollen_is_the_site_of_a_compression_syndrome() -> None:
    # "(or a space the user named swollen is the site of a compression the condition describes)"
    report = run(RULE, (TUNNEL, 2))
    assert "ANKLE:9991817" in {c.entity.id for c in report.conditions}
    # and the nerve it compresses is no entrapment its sources place elsewhere along the nerve (review r23)
    assert affected(report)[NERVE].reached is Reach.COMPRESSED
    assert "ANKLE:9991892" not in {c.entity.id for c in report.conditions}
    assert "ANKLE:9991824" in symptoms(report)
    assert "ANKLE:9991817" not in {c.entity.id for c in run(RULE, (NERVE, 3)).conditions}  # a cut nerve is not it


SUBLUXING_TENDON, RETINACULUM_OVER_IT, TENDON_SUBLUXATION = "ANKLE:9991870", "ANKLE:9991871", "ANKLE:9991872"


def test_a_defining_structure_counts_when_any_way_it_was_damaged_is_the_described_lesion() -> None:
    """The torn retinaculum lets its tendon sublux; a tendon torn as well is still subluxed (another way it was
    reached), so the subluxation stands; the retinaculum alone, the tendon intact, is it too."""
    both = run(RULE, (SUBLUXING_TENDON, 3), (RETINACULUM_OVER_IT, 3))
    assert TENDON_SUBLUXATION in findings(both.conditions)
    assert TENDON_SUBLUXATION in findings(run(RULE, (RETINACULUM_OVER_IT, 3)).conditions)
    assert TENDON_SUBLUXATION not in findings(run(RULE, (SUBLUXING_TENDON, 3)).conditions)  # held in place


WIDER = "ANKLE:9991864"


@pytest.mark.parametrize("named", [False, True], ids=["concluded", "named"])
def test_a_condition_defined_within_a_larger_one_is_part_of_it(named: bool) -> None:
    """The three defining ligaments torn (or the wider condition named): the wide condition, defined by two of them,
    is part of the wider one (a bimalleolar fracture within a trimalleolar one), not what the injury amounts to by
    itself, and brings nothing of its own; with only its two defining ligaments torn it is."""
    injuries = [(WIDER, 3)] if named else [("ANKLE:9991803", 3), ("ANKLE:9991804", 3), ("ANKLE:9991805", 3)]
    report = run(RULE, *injuries)
    concluded = set(findings(report.conditions))
    assert "ANKLE:9991813" not in concluded
    assert (WIDER in concluded) is not named  # a named condition is not listed as what it amounts to
    assert STIFFNESS not in symptoms(report) and ARTHRITIS not in risks(report)
    assert "ANKLE:9991813" in set(findings(run(RULE, ("ANKLE:9991803", 3), ("ANKLE:9991804", 3)).conditions))


def test_a_condition_that_damages_nothing_here_gives_way_as_its_sources_say() -> None:
    """Named, a condition whose ligament is only possibly involved (laxity or functional deficits, or both) tears
    nothing, so no mechanics fire; its giving way is its own symptom, not gated on them."""
    report = run(RULE, ("ANKLE:9991865", 3))
    assert affected(report)[GRADED_LIGAMENT].reached is Reach.POSSIBLE
    assert report.destabilised_motions == []
    assert INSTABILITY in symptoms(report)
    assert RULE in rule_ids(findings(report.symptoms)[INSTABILITY])


FRACTURE_SPRAIN = "ANKLE:9991877"


def test_a_concluded_pattern_of_several_structures_covers_the_conditions_of_its_parts() -> None:
    """The bone broken and the complex torn: the fracture-sprain pattern, naming both lesions, with the bone's fracture
    and the complex's sprain as parts of it (review r18b N8: a bimalleolar-equivalent fracture listed beside a
    'medial ankle sprain' as if a second injury); a grade the pattern carries is no sprain grade (no 'grading:')."""
    details = {c.entity.id: c.detail for c in run(RULE, (BONE, 3), (COMPLEX, 3)).conditions}
    pattern = details[FRACTURE_SPRAIN]
    assert "fixture bone" in pattern and "fixture ligament complex" in pattern and "grading:" not in pattern
    assert details[BONE_FRACTURE].startswith("part of the fixture fracture-sprain: ")
    assert details[COMPLEX_SPRAIN].startswith("part of the fixture fracture-sprain: ")
    alone = {c.entity.id: c.detail for c in run(RULE, (BONE, 3)).conditions}
    assert FRACTURE_SPRAIN not in alone and not alone[BONE_FRACTURE].startswith("part of")


INSERTIONAL = "ANKLE:9991878"


def test_a_general_condition_of_a_named_form_is_said_in_general_and_not_the_reverse() -> None:
    """The insertional tendinopathy named: the tendinopathy is that condition in general, its risk recorded for it in
    general (review r20 I16: 'part of' the insertional form, its risk read as the named one's own). The general
    tendinopathy named does not amount to the insertional form (a pointer to it instead: rule condition-lesions)."""
    report = run(RULE, (INSERTIONAL, 3))
    details = {c.entity.id: c.detail for c in report.conditions}
    assert details[TENDINOPATHY].startswith("the named fixture insertional tendinopathy, in general: ")
    risk = {f.entity.id: f.detail for f in report.long_term_risks}[CALCIFIC]
    assert "recorded for fixture tendinopathy in general, not for the named fixture insertional tendinopathy" in risk
    general = run(RULE, (TENDINOPATHY, 3))
    assert INSERTIONAL not in {c.entity.id for c in general.conditions}
    named = next(i for i in general.injuries if i.structure.id == TENDINOPATHY)
    assert [c.id for c in named.narrower_conditions] == [INSERTIONAL]


USUAL_LIGAMENT, OCCASIONAL_LIGAMENT, USUAL_SPRAIN = "ANKLE:9991881", "ANKLE:9991882", "ANKLE:9991883"


def test_a_condition_reached_through_a_structure_it_only_may_involve_says_what_it_tears_as_a_rule() -> None:
    """A CFL named alone amounts to a lateral ankle sprain, which tears the ATFL as a rule: the answer says to look
    for it (review r21 J2: an isolated CFL tear with no pointer to the ATFL)."""
    detail = findings(run(RULE, (OCCASIONAL_LIGAMENT, 3)).conditions)[USUAL_SPRAIN].detail
    assert detail.endswith("; not named, which it involves as a rule (look for it): the fixture usual ligament")
    assert "look for" not in findings(run(RULE, (USUAL_LIGAMENT, 3)).conditions)[USUAL_SPRAIN].detail


def test_what_it_involves_as_a_rule_is_named_first_and_what_it_may_involve_says_so() -> None:
    """A tibialis posterior tendon rupture reached through the spring ligament it may involve read 'a tear of the
    spring ligament and the tendon' (review r21 J7): the tendon first, the ligament 'in some cases'."""
    detail = findings(run(RULE, (OCCASIONAL_LIGAMENT, 3), (USUAL_LIGAMENT, 3)).conditions)[USUAL_SPRAIN].detail
    assert "of the fixture usual ligament and the fixture occasional ligament (in some cases)" in detail
    assert "look for" not in detail  # nothing it involves as a rule is missing


GRADE_III_SPRAIN, UMBRELLA = "ANKLE:9991885", "ANKLE:9991886"


def test_a_graded_condition_says_to_look_for_what_it_tears_as_a_rule_and_an_umbrella_does_not() -> None:
    """'So does a graded condition, whose grade is defined by the tears it names (...); an ungraded condition's
    structures are those it may affect (...) and are not listed so': one ligament torn alone."""
    found = findings(run(RULE, (USUAL_LIGAMENT, 3)).conditions)
    assert found[GRADE_III_SPRAIN].detail.endswith(
        "; not named, which it involves as a rule (look for it): the fixture second ligament"
    )
    assert "look for" not in found[UMBRELLA].detail
    both = findings(run(RULE, (USUAL_LIGAMENT, 3), ("ANKLE:9991884", 3)).conditions)
    assert "look for" not in both[GRADE_III_SPRAIN].detail


@pytest.mark.parametrize(
    ("ligament", "grade", "concluded"),
    [("ANKLE:9991888", 3, True), ("ANKLE:9991888", 1, False), ("ANKLE:9991889", 3, False)],
    ids=["primary-torn-loosens-the-joint", "primary-stretched-loosens-nothing", "secondary-torn-only-reduces"],
)
def test_an_instability_of_a_joint_reached_through_a_ligament_it_may_involve_needs_the_joint_loosened(
    ligament: str, grade: int, concluded: bool
) -> None:
    """A condition that involves a joint as a rule and its ligaments only in some cases (subtalar instability) is what
    a named ligament's injury amounts to only when the injury makes a motion of that joint unstable or lax."""
    report = run(RULE, (ligament, grade))
    loosened = {d.joint.id for d in report.destabilised_motions if d.status is not Stability.REDUCED}
    assert ("ANKLE:9990002" in loosened) is concluded  # the fixture's own mechanics, not the rule under test
    assert ("ANKLE:9991887" in findings(report.conditions)) is concluded


def test_a_branch_torn_with_the_nerve_above_it_brings_no_condition_of_its_own() -> None:
    """The branch torn on its own is its palsy; torn with the named nerve above it, it is that nerve's lesion at a
    higher level (blinded review r25 C10: a sciatic lesion read as 'common fibular nerve palsy')."""
    alone = run(RULE, ("ANKLE:9991894", 3))
    assert "ANKLE:9991895" in findings(alone.conditions)
    above = run(RULE, ("ANKLE:9991893", 3))
    assert affected(above)["ANKLE:9991894"].reached is Reach.BRANCH
    assert "ANKLE:9991895" not in findings(above.conditions)
