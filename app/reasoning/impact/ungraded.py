"""A condition named without a grade: read at each grade it is recorded to cover, keeping what every grade concludes.

A lateral ankle sprain is a stretch, a partial or a complete tear (its recorded graded forms, I to III); an Achilles
tendon rupture is partial or complete (akg:injuryGrade II and III). Taken at grade III by default, an ungraded sprain
was answered as a complete tear with instability and a positive drawer (review r45 C18): more than its name says. A
condition whose grades are not recorded (a Maisonneuve injury, defined by its ruptures) keeps grade III, and the answer
says it assumed it, where the grade matters to its lesions. A structure named without a grade keeps the documented
default, a complete tear: "what if the ATFL is injured" asks about its tear.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Sequence

from . import terms
from .alternatives import conclusion_keys, definite, intersect, shared_and_own
from .context import Context, Grade, implements
from .expansion import condition_lesions
from .grades import grades
from .models import ROMAN, ImpactReport, Reach, UngradedReading

RULE = "rule:ungraded-condition-intersects"
GRADES: tuple[Grade, ...] = (1, 2, 3)
#: lesions whose consequences depend on the grade (a stretch or a tear; a fracture undisplaced or free to displace)
GRADED_LESIONS = frozenset({terms.LOSS_OF_CONTINUITY, terms.FRACTURE})


def covered(ctx: Context, condition: str) -> list[Grade]:
    """The grades a condition is recorded to cover: its own (akg:injuryGrade), else those of its graded forms (the
    lateral ankle sprain's grades I, II and III); none when neither is recorded. Once per engine."""

    def read() -> list[Grade]:
        own = grades(ctx, condition) or frozenset().union(*(grades(ctx, f) for f in graded_forms(ctx, condition)))
        return [g for g in GRADES if g in own]

    return ctx.derived(("covered grades", condition), read)


def graded_forms(ctx: Context, condition: str) -> list[str]:
    """The graded conditions (akg:injuryGrade) that are forms of this one: by one of its lesions, of what it
    affects or parts of it, reaching each structure it definitely affects (a lateral ankle sprain grade I, of the
    lateral ankle sprain), not a smaller injury within a larger one (a high ankle sprain's grade, of a Maisonneuve
    injury, does not reach its fibula)."""
    lesions = set(condition_lesions(ctx, condition))
    own = {st.object for st in definite(ctx, condition)}
    cover = {c: {c, *(p for p, _ in ctx.parts(c))} for c in {st.object for st in ctx.objects(condition, terms.AFFECTS)}}
    within = set().union(*cover.values())
    found = []
    for other in sorted({st.object for c in within for st in ctx.objects(c, terms.AFFECTED_BY)} - {condition}):
        theirs = {st.object for st in definite(ctx, other)}
        if (grades(ctx, other) and lesions & set(condition_lesions(ctx, other)) and theirs and theirs <= within
                and all(cover[c] & theirs for c in own)):
            found.append(other)
    return found


@implements(RULE)
def levels(
    ctx: Context, injuries: Sequence[tuple[str, Grade]], ungraded: Collection[str]
) -> list[list[tuple[str, Grade]]]:
    """The injuries once per grade, each condition named without a grade at that grade (or the nearest it covers),
    lowest first; one reading when no such condition covers several recorded grades."""
    spans = {c: covered(ctx, c) for c, _ in injuries if c in ungraded and ctx.kb.is_a(c, terms.CONDITION)}
    spans = {c: span for c, span in spans.items() if len(span) > 1}
    if not spans:
        return [list(injuries)]
    found: list[list[tuple[str, Grade]]] = []
    for grade in GRADES:
        level = [(c, min(spans[c], key=lambda g: (abs(g - grade), g)) if c in spans else g) for c, g in injuries]
        if level not in found:
            found.append(level)
    return found


def merge(
    ctx: Context, reports: list[ImpactReport], levels_read: list[list[tuple[str, Grade]]], ungraded: Collection[str],
    read: Callable[[list[tuple[str, Grade]]], ImpactReport], highest: tuple[ImpactReport, dict[str, str]] | None = None,
) -> ImpactReport:
    """What every grade concludes, each at its weakest (the lowest grade's injuries listed), the named conditions
    saying which grades were read; the highest grade's answer when the grade changes no conclusion. A condition whose
    grades are not recorded says it was taken at grade III where its grade I answer (``read``) concludes otherwise.
    ``highest``: the highest grade read as the graded forms it names (rule grade-names-its-form) and which (condition
    -> form), whose conclusions the note names as what that grade would add, as asking at that grade answers."""
    if len(reports) > 1 and len({_conclusions(r) for r in reports}) > 1:
        first = min(c for c, _ in levels_read[0] if c in ungraded)
        names = [ROMAN[dict(level)[first]] for level in levels_read]
        report = intersect(ctx, reports, levels_read[0], rule_id=RULE, either=lambda ds: _by_grade(ds, names))
        top, forms = highest or (reports[-1], {})
        higher = _only_higher(ctx, report, top, skip=set(forms))  # its form amounts to the condition asked
    else:
        report, higher, forms = reports[-1], [], {}
    read_at: dict[str, list[int]] = {c: sorted({dict(level)[c] for level in levels_read}) for c in ungraded}
    for item in report.injuries:
        label, grades_read = ctx.kb.label(item.structure.id), read_at.get(item.structure.id)
        if item.reached is not Reach.NAMED or grades_read is None:
            continue
        if report is not reports[-1]:
            form = ctx.kb.label(forms[item.structure.id]) if item.structure.id in forms else None
            item.ungraded = UngradedReading(grades=grades_read, note=_intersected(label, grades_read, higher, form))
        elif not covered(ctx, item.structure.id) and _grade_matters(ctx, item.structure.id, read):
            item.ungraded = UngradedReading(grades=[item.grade], note=_assumed(label, item.grade))
        else:
            continue
        item.rules = [*item.rules, *ctx.rule_refs(RULE)]
    return report


def _grade_matters(ctx: Context, condition: str, read: Callable[[list[tuple[str, Grade]]], ImpactReport]) -> bool:
    """The condition alone concludes otherwise at grade I than at grade III (once per engine)."""
    return ctx.derived(
        ("grade matters", condition),
        lambda: GRADED_LESIONS & set(condition_lesions(ctx, condition)) != set()
        and _conclusions(read([(condition, 1)])) != _conclusions(read([(condition, 3)])),
    )


def _conclusions(report: ImpactReport) -> Hashable:
    """What a reading concludes, and how strongly, without its reasons or the grades of its injuries."""
    return tuple(
        (key(item), round(item.score, 6), str(getattr(item, "status", "")))
        for section, key in conclusion_keys().items() for item in getattr(report, section)
    )  # fmt: skip


def _only_higher(ctx: Context, report: ImpactReport, highest: ImpactReport, skip: Collection[str] = ()) -> list[str]:
    """What the highest grade concludes beyond what every grade does, said so the answer does not drop it silently
    (rescore r45 N1: an ungraded Achilles tendon rupture lost its Thompson test): its expected positive tests move to
    the tests that may be positive (neither expected positive nor negative), and each such conclusion is named."""
    said: list[str] = []
    keys = conclusion_keys()
    kept = {section: {keys[section](i): i for i in getattr(report, section)} for section in keys}
    maybe = {t.test.id for t in report.tests_may_be_positive}
    for test in highest.expected_positive_tests:
        if keys["expected_positive_tests"](test) not in kept["expected_positive_tests"]:
            said.append(f"the {test.test.label} expected positive")
            if test.test.id not in maybe:
                report.tests_may_be_positive.append(test.model_copy(update={  # halved, as a mild laxity's test is
                    "equivocal": True, "score": round(test.score / 2, 4), "rules": [*test.rules, *ctx.rule_refs(RULE)],
                }))  # fmt: skip
    for section in ("destabilised_motions", "weakened_motions"):
        for item in getattr(highest, section):
            weakest = kept[section].get(keys[section](item))
            if weakest is None or weakest.status != item.status:
                said.append(f"{item.motion.label} of the {item.joint.label} {item.status.value}")
    for section in ("conditions", "numbness_areas", "long_term_risks"):
        said += [f.entity.label for f in getattr(highest, section)
                 if keys[section](f) not in kept[section] and f.entity.id not in skip]
    return list(dict.fromkeys(said))


def _intersected(label: str, grades_read: list[int], higher: list[str], form: str | None) -> str:
    names = [ROMAN[g] for g in grades_read]
    listed = f"{', '.join(names[:-1])} or {names[-1]}"
    tests = " (its tests listed as may be positive)" if any(h.endswith("expected positive") for h in higher) else ""
    top = f"grade {names[-1]}" + (f" (the {form}, the graph's form of that grade)" if form else "")
    beyond = f" At {top} it would also conclude: {'; '.join(higher)}{tests}." if higher else ""
    return (f"No grade was given, and the {label} is recorded to be of grade {listed}: it was read at each, and only "
            f"what every one of them concludes is kept, each at its weakest (the injuries are listed at grade "
            f"{names[0]}).{beyond} Give a grade to ask about one.")


def _assumed(label: str, grade: int) -> str:
    return (f"No grade was given, and the grades of the {label} are not recorded: it was taken at grade "
            f"{ROMAN[grade]}, the default (a complete lesion: a ligament, tendon or nerve wholly torn, a fracture free "
            f"to displace). Give a grade to ask about a lesser one.")


def _by_grade(details: Iterable[str], names: list[str]) -> str:
    """A conclusion every grade reaches, its details where they differ: what they share, then each grade's own,
    labelled by grade (rescore r45 N4: unlabelled, the alternatives read as nested and/or text)."""
    texts = list(details)
    shared, only = shared_and_own(texts)
    if not only:
        return "; ".join(shared)
    common = _common_start(texts)
    if len(common) * 2 >= max(map(len, texts)):  # one grade adds a remark to the same text: say it once, then it
        rest = [(name, _unwrapped(text[len(common):].strip(" ;"))) for name, text in zip(names, texts, strict=True)]
        said = "; ".join(f"at grade {name}, {extra}" for name, extra in rest if extra)
        return f"{common.rstrip(' ;')} (by the grade, which was not given: {said})"
    own = [(name, [p for p in text.split("; ") if p not in shared]) for name, text in zip(names, texts, strict=True)]
    by_grade = "; ".join(f"at grade {name}, {' and '.join(parts)}" for name, parts in own if parts)
    return "; ".join([*shared, f"by the grade, which was not given ({by_grade})"])


def _unwrapped(remark: str) -> str:
    """A remark without the parentheses that wrap it whole ('(its sources do not say at which grade)'), unless it
    holds clauses of its own, which the parentheses keep apart from the next grade's."""
    if remark.startswith("(") and remark.endswith(")") and "; " not in remark and _closes_at_end(remark):
        return remark[1:-1]
    return remark


def _closes_at_end(text: str) -> bool:
    depth = 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and i < len(text) - 1:
            return False
    return True


#: Where a shared start may end: before a clause ("; ") or a remark (" (") that some grade adds
_BREAKS = ("; ", " (")


def _common_start(texts: list[str]) -> str:
    """The longest start all the texts share that ends where each text ends or goes on with a clause or a remark,
    never inside a name ('... lateral ankle sprain grade' before 'I', 'II', 'III')."""
    start = texts[0]
    for text in texts[1:]:
        while not text.startswith(start):
            start = start[:-1]
    for end in range(len(start), 0, -1):
        if all(len(t) == end or t.startswith(_BREAKS, end) for t in texts):
            return start[:end]
    return ""
