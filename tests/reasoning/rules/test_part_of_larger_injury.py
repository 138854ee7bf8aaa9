"""rule:part-of-larger-injury: a named injury may be part of a larger one: look for the rest.

Definition: a condition that damages, by the same lesion, every structure named (or that a named condition damages,
or that it possibly involves) and more (not what it only possibly involves), and that the injury does not already
amount to nor may lead to (that is a long-term risk), is listed with the structures it adds (of several structures
named, one another concluded condition accounts for is left to it); of its alternatives, one already there leaves
nothing of them to look for. A listing, not a conclusion.
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import findings, predicates, rule_ids, run

RULE = "rule:part-of-larger-injury"
FIRST, SECOND, BONE, THIRD, SECOND_BONE = (f"ANKLE:99929{n:02d}" for n in range(1, 6))
SMALL, LARGE, WITH_ALTERNATIVES, DEGENERATION, POSSIBLE = (f"ANKLE:99929{n}" for n in range(11, 16))
NERVE, PALSY, GRADE_III = "ANKLE:9992906", "ANKLE:9992916", "ANKLE:9992917"
FOURTH, TOTAL = "ANKLE:9992907", "ANKLE:9992918"
FIFTH = "ANKLE:9992908"
SEQUEL = "ANKLE:9992921"
BAND, WHOLE_ALTERNATIVE = "ANKLE:9992910", "ANKLE:9992922"


def test_a_named_ligament_points_to_the_larger_injuries_it_may_be_part_of() -> None:
    report = run(RULE, (FIRST, 3))
    larger = findings(report.larger_injuries)
    # the small sprain is what the injury amounts to; another lesion (a degeneration) is no larger injury of a tear;
    # a structure only possibly involved is nothing to look for
    assert set(larger) == {LARGE, WITH_ALTERNATIVES, GRADE_III, WHOLE_ALTERNATIVE}
    assert SMALL in {c.entity.id for c in report.conditions}
    assert "fixture bone" in larger[LARGE].detail and "fixture second ligament" in larger[LARGE].detail
    assert "fixture second bone or fixture third ligament (one of them" in larger[WITH_ALTERNATIVES].detail
    assert RULE in rule_ids(larger[LARGE]) and "akg:affects" in predicates(larger[LARGE])
    assert LARGE not in {c.entity.id for c in report.conditions}  # nothing of it is concluded


def test_an_alternative_already_there_leaves_nothing_of_them_to_look_for() -> None:
    larger = findings(run(RULE, (FIRST, 3), (THIRD, 3)).larger_injuries)
    assert WITH_ALTERNATIVES not in larger  # the third ligament is its alternative: nothing more to look for
    assert LARGE not in larger  # it has no third ligament: a larger injury holds every structure named


def test_an_injury_that_already_amounts_to_the_larger_one_lists_nothing_of_it() -> None:
    report = run(RULE, (FIRST, 3), (SECOND, 3), (BONE, 3))
    assert LARGE in {c.entity.id for c in report.conditions}
    assert LARGE not in findings(report.larger_injuries)


def test_a_named_condition_points_through_what_it_damages() -> None:
    assert LARGE in findings(run(RULE, (SMALL, 3)).larger_injuries)


def test_another_lesion_of_the_named_structure_points_to_nothing() -> None:
    assert run(RULE, (DEGENERATION, 3)).larger_injuries == []  # degenerated ligaments are in no larger tear


@pytest.mark.parametrize("grade", [1, 2])
def test_a_graded_larger_injury_only_for_its_grade_and_none_for_a_stretch(grade: int) -> None:
    larger = findings(run(RULE, (FIRST, grade)).larger_injuries)
    assert GRADE_III not in larger  # a grade III sprain is no larger injury of a grade I or II one
    assert (LARGE in larger) is (grade >= 2)  # a stretch is part of no larger tear pattern


def test_a_named_complication_of_the_larger_injury_does_not_hide_it() -> None:
    """The nerve is not the large injury's own, but the large injury may lead to its palsy: naming it with the first
    ligament still points to the large injury, with the facts that excuse the nerve."""
    larger = findings(run(RULE, (FIRST, 3), (NERVE, 3)).larger_injuries)
    assert LARGE in larger
    assert {"akg:mayLeadTo", "akg:affects"} <= predicates(larger[LARGE])
    assert larger[LARGE].detail.startswith("look for the rest of it")  # the nerve excused: its complication
    # the nerve is no complication of the other: its palsy accounts for it, and the larger injury is the first
    # ligament's alone
    assert larger[WITH_ALTERNATIVES].detail.startswith("for the fixture first ligament: ")


def test_a_structure_it_only_possibly_involves_points_to_it_with_what_it_damages() -> None:
    """A PTFL tear named alone: the total rupture that possibly tears it is a larger injury, listing the ligaments it
    definitely tears; naming one it definitely tears lists the others, not the possible one."""
    larger = findings(run(RULE, (FOURTH, 3)).larger_injuries)
    assert larger[TOTAL].detail == "look for the rest of it: fixture first ligament, fixture second ligament"
    assert {"akg:affects"} == predicates(larger[TOTAL])
    second = findings(run(RULE, (SECOND, 3)).larger_injuries)
    assert second[TOTAL].detail == "look for the rest of it: fixture first ligament"  # not the fourth ligament


def test_a_named_structure_another_condition_accounts_for_does_not_hide_a_larger_injury() -> None:
    """An ATFL and an AITFL torn: the ATFL's sprain accounts for it, and the AITFL may still be the ankle end of a
    Maisonneuve injury (review r17 I21); said for which structure. A structure no condition accounts for still
    keeps the larger injury out (the third ligament, above)."""
    larger = findings(run(RULE, (FIRST, 3), (FIFTH, 3)).larger_injuries)
    assert larger[LARGE].detail.startswith("for the fixture first ligament: look for the rest of it: ")
    assert LARGE not in findings(run(RULE, (FIRST, 3), (THIRD, 3)).larger_injuries)


def test_a_larger_injury_names_the_work_up_its_sources_diagnose_it_by() -> None:
    """How to look for the rest: the tests its sources diagnose the larger injury by, with the facts (review r18b:
    a bifurcate ligament tear pointed to the anterior process avulsion without the oblique film)."""
    larger = findings(run(RULE, (FIRST, 3)).larger_injuries)
    assert larger[LARGE].detail.endswith("; the work-up its sources name: fixture radiograph")
    assert "akg:diagnosedBy" in predicates(larger[LARGE])
    assert "work-up" not in larger[WITH_ALTERNATIVES].detail  # its sources name none


def test_a_condition_the_injury_may_lead_to_is_a_risk_not_a_larger_injury() -> None:
    """The small sprain may lead to the sequel, which also damages the first ligament: it is listed among the
    long-term risks, not as a larger injury to look for now (review r20 I7: sinus tarsi syndrome was both)."""
    report = run(RULE, (FIRST, 3))
    assert SEQUEL in {r.entity.id for r in report.long_term_risks}
    assert SEQUEL not in findings(report.larger_injuries)


def test_a_named_part_of_a_structure_it_damages_is_part_of_it_too() -> None:
    """A deep deltoid band and the AITFL torn: the Maisonneuve injury damages the deltoid ligament (or the medial
    malleolus), and a band of it is the deltoid's: look for the proximal fibula, not for the deltoid or the malleolus
    again (review r21 J4: naming the band dropped the look-for)."""
    larger = findings(run(RULE, (FIRST, 3), (BAND, 3)).larger_injuries)
    assert larger[WHOLE_ALTERNATIVE].detail == "look for the rest of it: fixture bone"
    assert "akg:partOf" in predicates(larger[WHOLE_ALTERNATIVE]) or "akg:hasPart" in predicates(
        larger[WHOLE_ALTERNATIVE]
    )
