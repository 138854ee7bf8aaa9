"""Textbook clinical cases, run on the real data (kg.impact) and checked against the literature.

Each case names its literature basis. A case the data cannot support yet is marked xfail(strict=True) with
the missing fact; a case that fails because of the engine says so. Every case is also checked for
provenance: each conclusion rests on sourced facts and names the rule(s) that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.kg import AnkleKG
from app.reasoning.impact import SECTIONS, ImpactReport

TALOCRURAL = "talocrural joint"
SUBTALAR = "subtalar joint"


@dataclass(frozen=True)
class Case:
    id: str
    injuries: list[tuple[str, int]]
    basis: str
    positive_tests: tuple[str, ...] = ()
    negative_tests: tuple[str, ...] = ()
    any_positive_test: tuple[str, ...] = ()  # at least one of these
    # (joint, motion, position or None for any, allowed statuses)
    destabilised: tuple[tuple[str, str, str | None, frozenset[str]], ...] = ()
    # (joint, motion, status or None for 'lost' or 'weak')
    weakened: tuple[tuple[str, str, str | None], ...] = ()
    residual: tuple[tuple[str, str], ...] = ()  # weakened but not abolished: fraction lost < 1
    no_weakness: bool = False
    symptoms: tuple[str, ...] = ()
    numb: tuple[str, ...] = ()
    long_term: tuple[str, ...] = ()
    xfail: str | None = None


UNSTABLE = frozenset({"unstable"})
GIVES_WAY = frozenset({"unstable", "increased laxity"})

CASES = [
    # The ATFL is the primary restraint to anterior talar translation, most in plantarflexion (Tohyama 1995,
    # cadaver sectioning; Golano 2010); the anterior drawer test examines it. The talar tilt test increases
    # only when the CFL is cut as well (Hollis 1995; Hertel 2002, J Athl Train 37:364): an isolated ATFL tear
    # leaves the tilt test negative.
    Case(
        "atfl-tear",
        [("anterior talofibular ligament", 3)],
        basis="Tohyama 1995; Hollis 1995; Hertel 2002",
        positive_tests=("anterior drawer test",),
        negative_tests=("talar tilt test",),
        # increased laxity or unstable: the deep deltoid is a secondary restraint of anterior talar excursion
        # (Harper 1987), so the ATFL's loss alone leaves the drawer lax, the test positive
        destabilised=((TALOCRURAL, "anterior talar translation", "plantarflexed position", GIVES_WAY),),
    ),
    # ATFL + CFL (grade III lateral sprain): talar tilt increases (Hollis 1995; Hertel 2002; van Dijk 1996).
    Case(
        "atfl-cfl-tear",
        [("anterior talofibular ligament", 3), ("calcaneofibular ligament", 3)],
        basis="Hollis 1995; Hertel 2002",
        positive_tests=("anterior drawer test", "talar tilt test"),
        destabilised=((TALOCRURAL, "talar tilt", "neutral position", UNSTABLE),),
    ),
    # The deltoid ligament is the primary restraint to valgus tilt and eversion of the talus (Harper 1987,
    # Foot Ankle 8:19; Rasmussen 1985).
    Case(
        "deltoid-tear",
        [("deltoid ligament", 3)],
        basis="Harper 1987; Rasmussen 1985",
        destabilised=(
            (TALOCRURAL, "valgus talar tilt", None, GIVES_WAY),
            (TALOCRURAL, "eversion", None, GIVES_WAY),
        ),
    ),
    # The AITFL is the main restraint of the syndesmosis (Ogilvie-Harris 1994: 35%); syndesmotic injury is
    # tested by the squeeze test (Hopkinson 1990) and the external rotation stress test (Boytim 1991; Sman 2013).
    Case(
        "aitfl-tear",
        [("anterior inferior tibiofibular ligament", 3)],
        basis="Ogilvie-Harris 1994; Hopkinson 1990; Boytim 1991; Sman 2013",
        any_positive_test=("squeeze test", "external rotation stress test"),
    ),
    Case(
        "aitfl-and-interosseous-tear",
        [("anterior inferior tibiofibular ligament", 3), ("interosseous tibiofibular ligament", 3)],
        basis="Ogilvie-Harris 1994; Hopkinson 1990; Boytim 1991; Sman 2013",
        positive_tests=("squeeze test", "external rotation stress test"),
        destabilised=(("inferior tibiofibular joint", "syndesmotic widening", None, GIVES_WAY),),
    ),
    # Achilles rupture: the calf squeeze no longer plantarflexes the foot (Thompson & Doherty 1962); the triceps
    # surae is the prime plantarflexor, so active plantarflexion is weak (Maffulli 1998).
    Case(
        "achilles-rupture",
        [("calcaneal tendon", 3)],
        basis="Thompson & Doherty 1962; Maffulli 1998",
        positive_tests=("Thompson test",),
        weakened=((TALOCRURAL, "plantarflexion", None),),
    ),
    # Tibialis posterior tendon dysfunction: the patient cannot do a single-leg heel rise (the tendon inverts and
    # locks the hindfoot) and the forefoot abducts, showing 'too many toes' (Johnson & Strom 1989, Clin Orthop
    # 239:196); tibialis posterior is the prime invertor.
    Case(
        "tibialis-posterior-tendon",
        [("tendon of tibialis posterior", 3)],
        basis="Johnson & Strom 1989",
        positive_tests=("single-leg heel rise test",),
        weakened=((SUBTALAR, "inversion", None),),
    ),
    # The forefoot abducts as the deformity develops: 'Rupture of the posterior tibial tendon can cause a valgus
    # deformity of the hindfoot and an abduction deformity of the forefoot' (Kim & Hwang 1997); stage I has 'no
    # deformity' (Bluman 2007). The torn tendon leaves forefoot abduction less checked, not lax, and the deformity
    # the too-many-toes sign shows may follow (fifteenth session, editor41: the sign had been recorded as detecting
    # the tendon's lesion itself, so every stage predicted it).
    Case(
        "tibialis-posterior-too-many-toes",
        [("tendon of tibialis posterior", 3)],
        basis="Kim & Hwang 1997; Bluman, Title & Myerson 2007",
        long_term=("adult-acquired flatfoot deformity",),
    ),
    # Common fibular nerve palsy: paralysis of the anterior (dorsiflexors) and lateral (evertors) compartments
    # gives foot drop; sensory loss over the dorsum of the foot and the first web space (Gray's Anatomy 42e;
    # Poage 2016, Curr Rev Musculoskelet Med 9:131).
    Case(
        "common-fibular-nerve",
        [("common fibular nerve", 3)],
        basis="Gray's Anatomy 42e; Poage 2016",
        weakened=((TALOCRURAL, "dorsiflexion", "lost"), (SUBTALAR, "eversion", "lost")),
        symptoms=("foot drop",),
        numb=("skin of dorsum of foot", "skin of first web space of foot"),
    ),
    # Deep fibular nerve: sensation of the first web space only; it supplies the dorsiflexors (Gray's 42e).
    Case(
        "deep-fibular-nerve",
        [("deep fibular nerve", 3)],
        basis="Gray's Anatomy 42e",
        weakened=((TALOCRURAL, "dorsiflexion", None),),
        numb=("skin of first web space of foot",),
    ),
    # Superficial fibular nerve: the dorsum of the foot (sparing the first web space) goes numb and eversion is
    # weak (fibularis longus and brevis); fibularis tertius (deep fibular nerve) still everts a little
    # (Gray's 42e; Styf 1989).
    Case(
        "superficial-fibular-nerve",
        [("superficial fibular nerve", 3)],
        basis="Gray's Anatomy 42e; Styf 1989",
        weakened=((SUBTALAR, "eversion", None),),
        residual=((SUBTALAR, "eversion"),),
        numb=("skin of dorsum of foot",),
    ),
    # Tarsal tunnel: swelling compresses the tibial nerve and its plantar branches: burning pain, numbness of the
    # sole and a positive Tinel sign behind the medial malleolus (Ahmad 2012, Foot Ankle Surg 18:149; McSweeney
    # 2015).
    Case(
        "tarsal-tunnel-swelling",
        [("tarsal tunnel", 2)],
        basis="Ahmad 2012; McSweeney 2015",
        positive_tests=("Tinel sign at the tarsal tunnel",),
        symptoms=("burning pain", "numbness"),
        numb=("skin of medial part of sole", "skin of lateral part of sole"),
        no_weakness=True,
    ),
    Case(
        "tarsal-tunnel-syndrome",
        [("tarsal tunnel syndrome", 2)],
        basis="Ahmad 2012; McSweeney 2015",
        positive_tests=("Tinel sign at the tarsal tunnel",),
        symptoms=("burning pain", "numbness"),
        numb=("skin of medial part of sole", "skin of lateral part of sole"),
        no_weakness=True,
    ),
    # Sural nerve: purely sensory, to the lateral border of the foot (Gray's 42e; Fabre 2000).
    Case(
        "sural-nerve",
        [("sural nerve", 3)],
        basis="Gray's Anatomy 42e; Fabre 2000",
        numb=("skin of lateral border of foot",),
        no_weakness=True,
    ),
    # The Ottawa ankle rules are a decision rule for radiography (Stiell 1992; Bachmann 2003), never a test that
    # turns positive; an isolated lateral malleolus fracture tears no ligament, so no laxity or syndesmosis test
    # is expected positive (issue 9).
    Case(
        "lateral-malleolus-fracture-landmark",
        [("lateral malleolus", 3)],
        basis="Stiell 1992; Bachmann 2003",
        negative_tests=("Ottawa ankle rules", "anterior drawer test", "talar tilt test", "squeeze test"),
    ),
    Case(
        "lateral-malleolus-fracture-condition",
        [("lateral malleolus fracture", 3)],
        basis="Stiell 1992; Bachmann 2003",
        negative_tests=("Ottawa ankle rules", "anterior drawer test", "talar tilt test", "squeeze test",
                        "external rotation stress test"),
    ),
    # Up to 40% of lateral ankle sprains go on to chronic ankle instability (Gribble 2016, Br J Sports Med 50:1496;
    # Doherty 2017).
    Case(
        "lateral-ankle-sprain",
        [("lateral ankle sprain", 2)],
        basis="Gribble 2016; Doherty 2017",
        long_term=("chronic ankle instability",),
        # (the drawer is no longer expected positive for certain at grade II: a partial tear's mild laxity may or may
        # not show, as sources grade it differently; blinded review r31 C01. None of this case's sources speaks of it)
    ),
]


@pytest.fixture(scope="module")
def reports(kg: AnkleKG) -> dict[str, ImpactReport]:
    return {case.id: kg.impact(case.injuries) for case in CASES}


def _params(with_marks: bool) -> list:
    return [
        pytest.param(
            case,
            id=case.id,
            marks=[pytest.mark.xfail(strict=True, reason=case.xfail)] if with_marks and case.xfail else [],
        )
        for case in CASES
    ]


@pytest.mark.parametrize("case", _params(with_marks=True))
def test_clinical_case(case: Case, reports: dict[str, ImpactReport]) -> None:
    report = reports[case.id]
    tests = {t.test.label for t in report.expected_positive_tests}  # "may be positive" is neither
    for name in case.positive_tests:
        assert name in tests, f"{name} expected positive; positive: {sorted(tests)}"
    for name in case.negative_tests:
        assert name not in tests, f"{name} expected negative"
    if case.any_positive_test:
        assert tests & set(case.any_positive_test), f"none of {case.any_positive_test} positive"

    for joint, motion, position, statuses in case.destabilised:
        found = [
            d
            for d in report.destabilised_motions
            if d.joint.label == joint and d.motion.label == motion
            and position in (None, d.position.label if d.position else None)
        ]
        assert found, f"{motion} of the {joint} not destabilised"
        assert {d.status.value for d in found} & statuses, f"{motion}: {[d.status.value for d in found]}"

    weak = {(w.joint.label, w.motion.label): w for w in report.weakened_motions}
    for joint, motion, status in case.weakened:
        assert (joint, motion) in weak, f"{motion} at the {joint} not weakened; weakened: {sorted(weak)}"
        if status is not None:
            assert weak[(joint, motion)].status.value == status
    for joint, motion in case.residual:
        assert weak[(joint, motion)].fraction_lost < 1.0
    if case.no_weakness:
        assert report.weakened_motions == []

    symptoms = {s.entity.label for s in report.symptoms}
    assert set(case.symptoms) <= symptoms, f"symptoms: {sorted(symptoms)}"
    numb = {n.entity.label for n in report.numbness_areas}
    assert set(case.numb) <= numb, f"numb: {sorted(numb)}"
    risks = {r.entity.label for r in report.long_term_risks}
    assert set(case.long_term) <= risks, f"long-term risks: {sorted(risks)}"


@pytest.mark.parametrize("case", _params(with_marks=False))
def test_every_conclusion_is_sourced_and_names_a_rule(case: Case, reports: dict[str, ImpactReport]) -> None:
    report = reports[case.id]
    for section in SECTIONS:
        for item in getattr(report, section):
            assert item.rules, f"{section}: an item names no rule"
            assert item.because, f"{section}: an item rests on no fact"
            for fact in item.because:
                assert fact.sources, f"{section}: {fact.subject.label} {fact.predicate.label} has no source"
