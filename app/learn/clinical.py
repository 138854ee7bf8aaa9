"""Clinical questions, answered by the reasoning engines rather than by one fact: which test an injury makes
positive (the impact engine), and which injured structure explains a set of findings (the differential).

Only conclusions whose weakest fact is not the editor's reading are asked (the engines' own ``basis``); a
distractor test examines nothing the injury reaches, and a distractor structure leaves a finding unexplained.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from ..knowledge import schema
from ..models import Fact
from ..reasoning.differential import Candidate, ClinicalFindings, DifferentialEngine
from ..reasoning.impact import ImpactEngine, ImpactReport, terms
from .drafts import Choice, Draft, draft, rests_on_editor, sourced
from .graph import LearnGraph, capital, join
from .models import QuestionType

EXAMINES = schema.EXAMINES_STRUCTURE
#: The kinds a case's answer and its distractors are drawn from (a space or a bone is not "the injured structure").
KINDS = (schema.LIGAMENT, schema.TENDON, schema.NERVE, schema.MUSCLE, schema.RETINACULUM)


def _known(conclusion: object) -> bool:
    basis = getattr(conclusion, "basis", None)
    return basis is None or basis.id != terms.EDITOR_INFERENCE


def _injury_phrase(graph: LearnGraph, injury: str, report: ImpactReport) -> tuple[str, str]:
    """How the stem names the injury: ("After", "a complete tear (grade III) of the calcaneal tendon")."""
    name = graph.label(injury)
    if graph.kb.is_a(injury, schema.CONDITION):
        return "In", name
    lesion = report.injuries[0].lesion if report.injuries else None
    if lesion is None or lesion.id == terms.LOSS_OF_CONTINUITY:
        noun = "lesion" if graph.kb.is_a(injury, terms.NERVE) else "tear"
        return "After", f"a complete {noun} (grade III) of the {name}"
    if lesion.id == terms.COMPRESSION:
        return "With", f"swelling in the {name} that compresses its contents"
    return "After", f"a {lesion.label} of the {name}"


def positive_test_drafts(graph: LearnGraph, engine: ImpactEngine) -> list[Draft]:
    """Asks "after <injury>, which test is expected to be positive?" for each structure a test examines and
    each condition of the graph."""
    kb = graph.kb
    specs = {t.id: t for t in kb.clinical_tests}
    examined = sorted({s for t in kb.clinical_tests for s in t.structures})
    conditions = sorted(
        {st.subject for st in graph.with_predicate(schema.AFFECTS) if kb.is_a(st.subject, schema.CONDITION)}
    )
    drafts = []
    for injury in examined + conditions:
        report = engine.impact([(injury, 3)])
        positive = {t.test.id for t in report.expected_positive_tests}
        reached = {a.structure.id for a in report.injuries}
        lead, phrase = _injury_phrase(graph, injury, report)
        places = frozenset({injury}).union(*(graph.places(s) for s in reached))
        for test in report.expected_positive_tests:
            facts = sourced(test.because)
            if not _known(test) or not facts or test.test.id not in specs:
                continue
            said = f"{capital(_say_all(graph, facts))}; so {lead.lower()} {phrase}, it is expected to be positive."
            joints = set(specs[test.test.id].joints)
            drafts.append(
                draft(
                    graph,
                    QuestionType.POSITIVE_TEST,
                    key=f"positive-test:{injury}:{test.test.id}",
                    focus=injury,
                    stem=f"{lead} {phrase}, which clinical test is expected to be positive?",
                    answer=Choice(test.test.id, said, facts),
                    tiers=[sorted(t for t, s in specs.items() if joints & set(s.joints)), sorted(specs)],
                    true_answers=positive,
                    explain=partial(_test_elsewhere, graph, reached=reached, phrase=phrase),
                    places=places,
                )
            )
    return drafts


def _test_elsewhere(graph: LearnGraph, test: str, reached: set[str], phrase: str) -> Choice | None:
    """Why a test is not expected positive: it examines only structures the injury does not reach."""
    examined = graph.objects(test, EXAMINES)
    if not examined or any(graph.overlaps(st.object, reached) for st in examined):
        return None  # it examines something the injury reaches: not a clear-cut wrong answer
    them = "it" if len(examined) == 1 else "any of them"
    text = f"{capital(graph.clauses(examined))}; {phrase} does not reach {them}, so the test is not expected to be " \
           "positive."  # fmt: skip
    return Choice(test, text, sourced(map(graph.fact, examined)))


def injury_case_drafts(graph: LearnGraph, engine: ImpactEngine, differential: DifferentialEngine) -> list[Draft]:
    """Asks "an examination finds ...: which structure, if injured, explains all of it?" The findings are what an
    injured structure predicts (positive tests, numb skin) short of the editor's reading; the answer is the
    differential's first candidate, and only if it explains every finding by facts that are not his reading."""
    candidates = differential.candidates()
    seen: set[tuple[str, ...]] = set()
    drafts = []
    for structure in candidates:
        report = engine.impact([(structure, 3)])
        tests = tuple(sorted({t.test.id for t in report.expected_positive_tests if _known(t)}))
        areas = tuple(sorted({f.entity.id for f in report.numbness_areas if _known(f)}))
        if (tests or areas) and tests + areas not in seen:
            seen.add(tests + areas)
            draft = _case(graph, differential, structure, tests, areas)
            drafts += [draft] if draft else []
    return drafts


def _case(
    graph: LearnGraph, differential: DifferentialEngine, structure: str, tests: tuple[str, ...], areas: tuple[str, ...]
) -> Draft | None:
    """The case of these findings, answered by ``structure`` when it explains them as well as the differential's
    first candidate (else by that candidate), if every fact behind the answer is known otherwise than by the
    editor's reading."""
    kb = graph.kb
    candidates = differential.candidates()
    ranking = differential.rank(ClinicalFindings(positive_tests=tests, numbness_areas=areas), limit=len(candidates))
    top = ranking.candidates[0] if ranking.candidates else None
    if top is None or top.unexplained or top.contradicted_by:
        return None
    best = [c.structure.id for c in ranking.candidates if not c.unexplained and c.score == top.score]
    fit = [c for c in [structure, *best] if c in best and _kind(graph, c)]
    if not fit:
        return None
    answer, kind = fit[0], _kind(graph, fit[0])
    facts = _case_facts(graph, answer, next(c for c in ranking.candidates if c.structure.id == answer))
    if any(rests_on_editor(f) for f in facts):
        return None
    short = {c.structure.id: c for c in ranking.candidates if c.unexplained}  # explain some findings, not all
    wholes = graph.wholes(answer)
    above = {c.structure.id for c in ranking.candidates if not c.unexplained and c.structure.id in wholes}
    findings = [f"a positive {graph.label(t)}" for t in tests]
    findings += [f"numbness of {join([f'the {graph.label(a)}' for a in areas])}"] if areas else []

    return draft(
        graph,
        QuestionType.INJURY_CASE,
        key="injury-case:" + "+".join(tests + areas),
        focus=answer,
        stem=f"An examination finds {join(findings)}. Which of these structures, if injured, would explain "
        + ("all of these findings?" if len(tests) + len(areas) > 1 else "this finding?"),
        answer=Choice(
            answer,
            f"An injury of the {graph.label(answer)} explains every finding: {_say_all(graph, facts)}.",
            sourced(facts),
        ),
        tiers=[
            [c for c in short if kb.is_a(c, kind)],
            [c for c in candidates if kb.is_a(c, kind) and graph.is_placed(c)],
            [c for c in candidates if kb.is_a(c, kind)],
        ],
        # a nerve above the answer explains its findings too (the sciatic, the sural's numb skin): right, never
        # offered, and not a reason to drop every other branch of it as a distractor (review r25 D4's candidates)
        true_answers={c.structure.id for c in ranking.candidates if not c.unexplained} - above,
        above=above,
        explain=partial(_leaves_unexplained, graph, short=short, found=tests + areas, answer=answer),
        places=graph.places(answer),
    )


def _kind(graph: LearnGraph, curie: str) -> str:
    return next((k for k in KINDS if graph.kb.is_a(curie, k)), "")


def _finding(graph: LearnGraph, finding: str) -> str:
    """A finding as the stem says it: "a positive squeeze test", "numbness of the skin of lateral heel"."""
    if graph.kb.is_a(finding, schema.CLINICAL_TEST):
        return f"a positive {graph.label(finding)}"
    return f"numbness of the {graph.label(finding)}"


def _case_facts(graph: LearnGraph, answer: str, top: Candidate) -> list[Fact]:
    """The facts that tie each finding to the answer (the test's or the skin's own facts, the answer's
    restraints), without the conditions the differential also read them through."""
    facts: list[Fact] = []
    for evidence in top.supported_by:
        finding = evidence.finding.id
        own = [f for f in evidence.because if f.subject.id == answer]  # the sural nerve's own skin, not a branch's
        direct = [f for f in evidence.because if finding in (f.subject.id, f.object.id if f.object else None)]
        facts += [f for f in own or direct or evidence.because if f not in facts]
    return facts


def _say_all(graph: LearnGraph, facts: Sequence[Fact]) -> str:
    """Facts read as clauses, once each: an n-ary fact by its own sentence, relations of one subject and
    predicate together ("the sural nerve carries sensation from the A and the B")."""
    said: dict[str | tuple[str, str], list[str]] = {}
    for fact in facts:
        if fact.fact is not None:
            said.setdefault(fact.fact.label, [])
        elif fact.object is not None:
            objects = said.setdefault((fact.subject.id, fact.predicate.id), [])
            objects += [fact.object.id] if fact.object.id not in objects else []
    clauses = [key if isinstance(key, str) else graph.clause(*key, objects) for key, objects in said.items()]
    return "; ".join(clauses[:5])


def _leaves_unexplained(
    graph: LearnGraph, other: str, short: dict[str, Candidate], found: tuple[str, ...], answer: str
) -> Choice | None:
    """Why a structure is not the answer: the findings its injury does not explain, and what does explain them
    (the test examines other structures; the answer carries sensation from the numb skin)."""
    missing = [ref.id for ref in short[other].unexplained] if other in short else list(found)
    statements = []
    for finding in missing:
        examined = graph.objects(finding, EXAMINES)
        if any(graph.overlaps(st.object, [other]) for st in examined):
            return None  # the test examines it: whether it explains the finding is the engine's subtlety
        skin = graph.subjects(finding, schema.SENSORY_TERRITORY)
        statements += examined or [st for st in skin if st.subject == answer] or skin[:1]
    if not statements:
        return None
    names = join([_finding(graph, m) for m in missing])
    text = f"An injury of the {graph.label(other)} does not explain {names}: {graph.clauses(statements)}."
    return Choice(other, text, sourced(map(graph.fact, statements)))
