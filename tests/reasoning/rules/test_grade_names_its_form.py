"""rule:grade-names-its-form: a condition asked at a grade that exactly one of its recorded graded forms covers is
read as that form.

Definition: a condition asked at a grade whose more specific recorded forms include exactly one graded form of that
grade is read as that form, whose entry says which condition and grade were asked; a condition named without a
grade, one itself of one grade, and one with no form or several forms of the grade asked are read as asked.
"""

from __future__ import annotations

from tests.reasoning.rules.fixture import TRANSLATION, affected, group, has_group, rule_ids, run

RULE = "rule:grade-names-its-form"
DRAWER_LIGAMENT, TILT_LIGAMENT, TILT = "ANKLE:9993901", "ANKLE:9993902", "ANKLE:9993903"
SPRAIN, SPRAIN_III = "ANKLE:9993910", "ANKLE:9993913"
TWICE, TWICE_III_ONE, TWICE_III_BOTH = "ANKLE:9993920", "ANKLE:9993921", "ANKLE:9993922"
RUPTURE = "ANKLE:9993930"


def test_a_sprain_asked_at_grade_three_is_its_grade_three_form_and_tears_what_the_form_tears() -> None:
    """Read as the general sprain at grade 3, the tilt ligament is only possibly involved and the tilt is not
    destabilised; its grade III form tears both ligaments."""
    report = run(RULE, (SPRAIN, 3))
    named = affected(report)
    assert SPRAIN not in named and SPRAIN_III in named
    form = named[SPRAIN_III].graded_form_of
    assert form is not None and form.condition.id == SPRAIN and form.grade == 3
    assert "asked at grade III" in form.note and RULE in rule_ids(named[SPRAIN_III])
    assert named[TILT_LIGAMENT].grade == 3 and has_group(report, TILT) and has_group(report, TRANSLATION)
    assert RULE in {r.id for r in report.rules_applied}


def test_a_grade_with_no_form_or_two_forms_and_a_condition_without_a_grade_are_read_as_asked() -> None:
    no_form = run(RULE, (SPRAIN, 2))  # grade II: no recorded form
    assert SPRAIN in affected(no_form) and affected(no_form)[SPRAIN].graded_form_of is None
    assert not has_group(no_form, TILT) and group(no_form, TRANSLATION)
    two = run(RULE, (TWICE, 3))  # which of its two grade III forms, the graph does not say
    assert TWICE in affected(two) and TWICE_III_ONE not in affected(two) and TWICE_III_BOTH not in affected(two)
    ungraded = run(RULE, (SPRAIN, 3), ungraded=frozenset({SPRAIN}))  # read at each grade: its own rule
    assert SPRAIN in affected(ungraded) and affected(ungraded)[SPRAIN].graded_form_of is None


def test_a_condition_of_its_own_grades_and_a_form_named_itself_are_read_as_named() -> None:
    rupture = run(RULE, (RUPTURE, 3))
    assert affected(rupture)[RUPTURE].graded_form_of is None and has_group(rupture, TILT)
    form = run(RULE, (SPRAIN_III, 3))
    assert affected(form)[SPRAIN_III].graded_form_of is None


def test_the_sprain_named_and_its_form_asked_together_are_one_injury() -> None:
    report = run(RULE, (SPRAIN, 3), (SPRAIN_III, 3))
    assert [i.structure.id for i in report.injuries].count(SPRAIN_III) == 1
