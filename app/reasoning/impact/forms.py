"""A condition asked at a grade that one of its recorded graded forms covers is read as that form.

"A lateral ankle sprain of grade III" is the lateral ankle sprain grade III the graph records: a complete tear of the
ATFL and, as a rule, of the CFL. Read as the general condition at grade 3, it was an isolated complete ATFL tear,
the CFL only possibly involved (blinded reviews r47 C1, r48: a grade III high ankle sprain read as an isolated AITFL
tear, stable, and steered to non-operative care). The grade the question gives names the form; the form's own
structures, symptoms, tests and treatments answer it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from . import terms
from .conditions import narrower_conditions
from .context import Context, Grade, implements
from .grades import grades
from .models import ROMAN, GradedFormOf, ImpactReport, Reach

RULE = "rule:grade-names-its-form"


@implements(RULE)
def read_as_forms(
    ctx: Context, injuries: Sequence[tuple[str, Grade]], ungraded: Collection[str]
) -> tuple[list[tuple[str, Grade]], dict[str, tuple[str, Grade]]]:
    """The injuries with each condition asked at a grade read as its one recorded graded form of that grade, and
    which (form -> (condition asked, grade)). A condition named without a grade (``ungraded``), one that is itself of
    one grade, and one with no form or several forms of that grade are read as asked."""
    read: list[tuple[str, Grade]] = []
    asked: dict[str, tuple[str, Grade]] = {}
    for condition, grade in injuries:
        form = None if condition in ungraded else form_at(ctx, condition, grade)
        if form is not None:
            asked.setdefault(form, (condition, grade))
        pair = (form or condition, grade)
        if pair not in read:
            read.append(pair)
    return read, asked


def form_at(ctx: Context, condition: str, grade: Grade) -> str | None:
    """The condition's one recorded graded form covering the grade (rule condition-lesions' more specific forms
    with akg:injuryGrade), if there is exactly one and the condition is not itself of one grade."""
    if not ctx.kb.is_a(condition, terms.CONDITION) or len(grades(ctx, condition)) == 1:
        return None
    found = [f for f in narrower_conditions(ctx, condition) if grade in grades(ctx, f)]
    return found[0] if len(found) == 1 else None


def say_forms(ctx: Context, report: ImpactReport, asked: dict[str, tuple[str, Grade]]) -> None:
    """Each form read for an asked condition says so on its named entry, with the rule."""
    for item in report.injuries:
        if item.reached is not Reach.NAMED or item.structure.id not in asked:
            continue
        condition, grade = asked[item.structure.id]
        general, form = ctx.kb.label(condition), item.structure.label
        item.graded_form_of = GradedFormOf(
            condition=ctx.kb.ref(condition), grade=grade,
            note=f"The {general} was asked at grade {ROMAN[grade]}, and the graph records that grade as a form of its "
                 f"own, the {form}: this answer is for the {form} (its structures, symptoms, tests and treatments).",
        )  # fmt: skip
        item.rules = [*item.rules, *(r for r in ctx.rule_refs(RULE) if r not in item.rules)]
