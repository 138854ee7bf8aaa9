"""The impact engine: applies the declared rules (data/rules/impact.ttl) in their stages.

1. lesion and expansion (expansion.py): what kind of lesion each named injury is and what it reaches;
2. loss (mechanics.py): restraint and action lost by grade, for a loss of continuity or an unloaded unit;
3. consequences: destabilised motions (mechanics.py), weakened ones (weakness.py), load transfer (load.py),
   expected positive tests (clinical_tests.py), numbness and what is at risk (sensation.py), conditions and
   long-term risks (conditions.py, with the grades a condition covers in grades.py), symptoms (symptoms.py).

Each conclusion carries ``because`` (every fact and expansion step it rests on, with sources),
``rules`` (the declared rules applied) and ``basis`` (how its weakest fact is known).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import partial

from ...knowledge.base import KnowledgeBase
from ..rules import RuleBook
from . import (
    alternatives,
    clinical_tests,
    conditions,
    expansion,
    forms,
    fractures,
    larger,
    mechanics,
    possible,
    sensation,
    symptoms,
    tenderness,
    terms,
    treatments,
    weakness,
    wholes,
    work_up,
)
from . import load as load_transfer
from . import ungraded as ungraded_reading
from .context import Affected, Context, Grade, check_registry
from .models import DAMAGED, SECTIONS, AffectedStructure, ImpactReport, Reach, Strength

#: weakened motions whose prime movers are intact go to their own section (not weak in the clinic)
ASSISTED = Strength.ASSISTANTS_LOST


class ImpactEngine:
    """Applies the impact rules to a knowledge base; stateless between calls."""

    def __init__(self, kb: KnowledgeBase, rules: RuleBook) -> None:
        check_registry(rules)  # fail at start-up, not at the first request
        self.kb = kb
        self.rules = rules
        self.ctx = Context(kb, rules)

    def impact(
        self, injuries: Sequence[tuple[str, Grade]], position: str | None = None, ungraded: Collection[str] = ()
    ) -> ImpactReport:
        """Impact of injuring each (entity CURIE, grade); ``position`` limits the answer to one.

        A named condition of one of several structures is read once per alternative, and only what every
        reading concludes is reported (rule alternatives-intersect); so is a condition in ``ungraded``, named
        without a grade, once per grade its name covers (rule ungraded-condition-intersects); a condition asked at
        a grade that one of its recorded graded forms covers is that form (rule grade-names-its-form)."""
        injuries, asked = forms.read_as_forms(self.ctx, injuries, ungraded)
        report = self._as_named(injuries, position, ungraded)
        forms.say_forms(self.ctx, report, asked)
        self._finish(report)
        return report

    def _as_named(
        self, injuries: Sequence[tuple[str, Grade]], position: str | None, ungraded: Collection[str]
    ) -> ImpactReport:
        levels = ungraded_reading.levels(self.ctx, injuries, ungraded) if ungraded else [list(injuries)]
        reports = [self._intersected(level, position) for level in levels]
        if not ungraded:
            return reports[0]
        top, forms_read = forms.read_as_forms(self.ctx, levels[-1], ())  # the highest grade names its form too
        highest = (self._intersected(top, position), {c: f for f, (c, _) in forms_read.items()}) if forms_read else None
        read = partial(self._intersected, position=None)
        return ungraded_reading.merge(self.ctx, reports, levels, ungraded, read, highest)

    def _intersected(self, injuries: Sequence[tuple[str, Grade]], position: str | None) -> ImpactReport:
        readings = alternatives.readings(self.ctx, injuries)
        return alternatives.intersect(self.ctx, [self._read(injuries, position, x) for x in readings], injuries)

    def readings(self, injuries: Sequence[tuple[str, Grade]], position: str | None = None) -> list[ImpactReport]:
        """Each reading of a named condition's alternatives on its own (a Maisonneuve injury with its deltoid
        ligament torn; with its medial malleolus broken), for the differential, which asks whether any one reading
        explains the findings; the answer to the impact question is what every reading concludes (:meth:`impact`).
        A request with no such condition has one reading, the impact answer itself. Each condition is read as
        named: the differential reads every condition at grade III as the hypothesis it names, not as its graded
        form (rule grade-names-its-form is for a grade a question gives), which is a candidate of its own."""
        excluded = alternatives.readings(self.ctx, injuries)
        reports = [self._as_named(injuries, position, ())] if len(excluded) == 1 else [
            self._read(injuries, position, left_out) for left_out in excluded
        ]
        for report in reports:
            self._finish(report)
        return reports

    def _finish(self, report: ImpactReport) -> None:
        # a test its condition is diagnosed by, yet expected negative at this grade, says so where it is listed
        # (review r26 I12: the Thompson test 'used to diagnose Achilles tendon rupture' beside 'expected negative')
        negative = {t.entity.id for t in report.expected_negative_tests}
        for f in report.work_up:
            if f.entity.id in negative:
                f.detail += "; expected negative at this grade (see the expected negative tests)"
        self._list_rules(report)

    def _read(
        self, injuries: Sequence[tuple[str, Grade]], position: str | None, excluded: expansion.Excluded
    ) -> ImpactReport:
        ctx = self.ctx
        affected = expansion.expand(ctx, injuries, excluded)
        restraint_loss = mechanics.restraint_loss(ctx, affected)
        displaced = fractures.displaced_buttresses(ctx, affected, restraint_loss)
        parts = wholes.parts_carry(ctx, restraint_loss)
        action_loss = mechanics.action_loss(ctx, affected)
        def motion_groups(at: str | None) -> list[mechanics.Group]:
            found = mechanics.destabilised_groups(ctx, restraint_loss, at, displaced.restraints, parts)
            return mechanics.with_steps(ctx, found, affected, displaced.steps, parts, displaced.how)

        groups = motion_groups(position)
        # a clinical test is done in its own position, whatever position the question asked about (a CFL tear asked
        # in dorsiflexion still tilts in the talar tilt test, done in neutral: review r16)
        tested = groups if position is None else motion_groups(None)
        weak = weakness.weaknesses_with_steps(ctx, weakness.weaknesses(ctx, action_loss), affected)
        numb = sensation.numbness(ctx, affected)
        loosened = frozenset(g.joint for g in tested if mechanics.gives_way(ctx, g))
        amounts = conditions.conditions_of(ctx, affected, loosened)
        injured = frozenset(c for c, state in affected.items() if state.reached in DAMAGED)
        left = alternatives.left_out(ctx, injuries)
        all_lost = possible.all_lost(ctx, injuries, excluded, left, position)
        unsure = load_transfer.not_known_intact(ctx, frozenset(s for _, s in left))
        load = load_transfer.increased_load(ctx, groups, restraint_loss, injured, unsure) + (
            load_transfer.synergists(ctx, weak, action_loss, unsure))
        tests = clinical_tests.expected_tests(ctx, tested, affected, amounts)
        report = ImpactReport(
            injuries=[],
            position=self.kb.ref(position) if position else None,
            conditions=conditions.amounts_to(ctx, amounts, affected),
            destabilised_motions=mechanics.kinds_said(ctx, sorted(
                (possible.if_torn_too(ctx, mechanics.destabilised_item(ctx, g, position), g, left, all_lost)
                 for g in groups),
                key=lambda d: (-d.score, d.joint.label, d.motion.label, d.position.label if d.position else ""),
            )),
            weakened_motions=[weakness.weakened_item(ctx, w) for w in weak if w.status is not ASSISTED],
            assistants_lost=[weakness.weakened_item(ctx, w) for w in weak if w.status is ASSISTED],
            increased_load=sorted(
                load, key=lambda i: (-i.score, i.kind, i.structure.label, i.joint.label, i.motion.label)
            ),
            expected_positive_tests=[t for t in tests if not t.equivocal],
            tests_may_be_positive=[t for t in tests if t.equivocal],
            symptoms=symptoms.symptoms(ctx, affected, groups, weak, numb, amounts),
            numbness_areas=numb,
            tender_sites=tenderness.tender_sites(ctx, affected, amounts),
            nerves_at_risk=sensation.nerves_at_risk(ctx, affected),
            supply_at_risk=sensation.supply_at_risk(ctx, affected, amounts),
            # a condition the injury already amounts to is not also a risk of it (review r18b N3)
            long_term_risks=conditions.condition_findings(
                ctx, amounts, terms.MAY_LEAD_TO, "may follow {}", 0.5, skip={*affected, *(a[0] for a in amounts)}
            ).result(ctx),
            work_up=work_up.work_up(ctx, affected, amounts),
            treatments=treatments.treatments(ctx, amounts, tested, affected),
            look_alikes=work_up.look_alikes(ctx, affected, amounts),
            possible_causes=[],
            larger_injuries=larger.larger_injuries(ctx, affected, amounts),
            stable_fractures=fractures.stable_fractures(ctx, affected, displaced),
            rules_applied=[],
        )
        # the pointers to a named structure's other conditions leave out those the answer lists already
        listed = {f.entity.id for f in (*report.conditions, *report.long_term_risks, *report.larger_injuries)}
        report.expected_negative_tests = clinical_tests.expected_negative_tests(
            ctx, affected, [*report.expected_positive_tests, *report.tests_may_be_positive]
        )
        report.possible_causes = work_up.possible_causes(
            ctx, affected, amounts, listed | {f.entity.id for f in report.look_alikes}
        )
        report.injuries = self._affected_items(affected, listed)
        report.unrecorded = self._unrecorded(affected)
        report.if_involved = possible.unlisted(ctx, all_lost, left, report.destabilised_motions)
        return report

    def _unrecorded(self, affected: dict[str, Affected]) -> list[str]:
        """Named ligaments torn past a stretch whose restraint nothing records (not their own, their parts' or their
        wholes'): the answer's silence on stability is the graph's (review r28 P5: the bifurcate ligament)."""
        ctx, restraints = self.ctx, self.kb.restraints_by_structure
        gaps = []
        for c, state in sorted(affected.items()):
            if state.reached is not Reach.NAMED or state.lesion != terms.LOSS_OF_CONTINUITY or state.grade < 2:
                continue
            related = [c, *(p for p, _ in ctx.parts(c)), *(w for w, _ in ctx.wholes(c))]
            if ctx.is_any(c, (terms.LIGAMENT,)) and not any(restraints.get(s) for s in related):
                gaps.append(f"no restraint of the {self.kb.label(c)} (nor of its parts or wholes) is recorded: nothing "
                            "destabilised is concluded from it, which is not to say that nothing is")
        return gaps

    def _list_rules(self, report: ImpactReport) -> None:
        applied = {r.id for a in report.injuries for r in a.rules}
        for name in SECTIONS:
            for item in getattr(report, name):
                applied.update(r.id for r in item.rules)
        report.rules_applied = [self.ctx.described[r] for r in sorted(applied)]

    def _affected_items(self, affected: dict[str, Affected], listed: set[str]) -> list[AffectedStructure]:
        order = list(Reach)
        return [
            AffectedStructure(
                structure=self.kb.ref(curie),
                grade=state.grade,
                reached=state.reached,
                lesion=self.kb.ref(state.lesion) if state.lesion else None,
                via=self.kb.ref(state.via) if state.via else None,
                because=self.ctx.facts(state.chain),
                rules=self.ctx.rule_refs(*state.rules),
                other_lesions=[self.kb.ref(c) for c in expansion.other_lesions(self.ctx, curie, state.lesion)
                               if c not in listed]
                if state.reached is Reach.NAMED and not self.kb.is_a(curie, terms.CONDITION) else [],
                narrower_conditions=[self.kb.ref(c) for c in conditions.narrower_conditions(self.ctx, curie)]
                if state.reached is Reach.NAMED and self.kb.is_a(curie, terms.CONDITION) else [],
                mechanism=self._mechanism(curie) if state.reached is Reach.NAMED else None,
            )
            for curie, state in sorted(affected.items(), key=lambda kv: (order.index(kv[1].reached), kv[0]))
        ]

    def _mechanism(self, curie: str) -> str | None:
        """How a named condition typically arises (its akg:mechanism sentence), so that the answer says what the
        lesion is before what it does (reviews r19-r20: a peroneal subluxation without its mechanism)."""
        term = self.kb.terms.get(curie)
        found = [v for p, v in term.annotations if p == terms.MECHANISM] if term else []
        return str(found[0]) if found else None
