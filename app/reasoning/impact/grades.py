"""The grades a condition covers (akg:injuryGrade): which injury it describes, and whose symptoms it can vouch for."""

from __future__ import annotations

from . import terms
from .context import Context


def grades(ctx: Context, condition: str) -> frozenset[int]:
    """The grades a graded condition covers (none: ungraded), read once per engine."""

    def read() -> frozenset[int]:
        term = ctx.kb.terms.get(condition)
        return frozenset(int(v) for p, v in term.annotations if p == terms.INJURY_GRADE) if term else frozenset()

    return ctx.derived(("grades", condition), read)


def graded(ctx: Context, condition: str) -> bool:
    """The condition is a grade of an injury (a grade II sprain), not the injury at any grade."""
    return bool(grades(ctx, condition))


def said_of_a_higher_grade(ctx: Context, condition: str, grade: int) -> bool:
    """The condition's symptoms may have been said of a higher grade than this injury's: it is ungraded (any grade up
    to a complete tear) or covers several grades (a tendon rupture, partial or complete: review r35 I06), and this
    injury is below the highest. A condition of one grade describes its own."""
    covered = grades(ctx, condition)
    return len(covered) != 1 and grade < max(covered, default=3)


def grade_fits(ctx: Context, condition: str, grade: int) -> bool:
    """A graded condition (sprain grade II) is what an injury of that grade amounts to, not another."""
    covered = grades(ctx, condition)
    return not covered or grade in covered
