"""The indexed knowledge base: everything an answer needs, built once from the validated store.

The networkx projection it carries (``graph``) is built by the caller's ``project`` function
(app.graph.projection.project_graph), so this package does not depend on the graph package.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import pyoxigraph as ox

from ..models import EntityRef, Fact
from ..ontology.curies import expand, local_name
from ..ontology.mappings import Mapping as XrefMapping
from . import extract, schema
from .lookup import TermIndex
from .model import (
    ClinicalTestSpec,
    LesionPresentation,
    MuscleAction,
    Restraint,
    RestraintRole,
    Statement,
    Term,
    TreatmentEvidence,
)

if TYPE_CHECKING:  # networkx is imported by whoever builds the projection, on first use (a start does not need it)
    import networkx as nx

    from ..graph.links import Links

#: The records a source may be cited by (KnowledgeBase.facts_citing)
Cited = Statement | Restraint | MuscleAction | TreatmentEvidence | LesionPresentation


@dataclass
class KnowledgeBase:
    """Terms, sourced statements and functional facts with the lookups the engine uses."""

    store: ox.Store
    terms: TermIndex
    schema_labels: dict[str, str]
    class_ancestors: dict[str, frozenset[str]]
    statements: list[Statement]
    restraints: list[Restraint]
    actions: list[MuscleAction]
    clinical_tests: list[ClinicalTestSpec]
    treatment_evidence: list[TreatmentEvidence]
    lesion_presentations: list[LesionPresentation]
    motion_kinds: dict[str, frozenset[str]]
    opposite_motions: dict[str, frozenset[str]]
    #: builds (or reads from a snapshot) the networkx projection; called once, on first use of :attr:`graph`
    graph_source: Callable[[], nx.MultiDiGraph] = field(repr=False)
    #: builds (or reads from a snapshot) the projection's links; called once, on first use of :attr:`links`
    links_source: Callable[[], Links] | None = field(default=None, repr=False)
    #: The SSSOM mapping set of the xrefs (app.ontology.mappings), derived at load.
    mappings: tuple[XrefMapping, ...] = ()
    mapping_by_pair: dict[tuple[str, str], XrefMapping] = field(default_factory=dict, repr=False)
    by_subject: dict[str, list[Statement]] = field(default_factory=dict, repr=False)
    restraints_by_structure: dict[str, list[Restraint]] = field(default_factory=dict, repr=False)
    restraints_by_motion: dict[tuple[str, str], list[Restraint]] = field(default_factory=dict, repr=False)
    actions_by_muscle: dict[str, list[MuscleAction]] = field(default_factory=dict, repr=False)
    actions_by_motion: dict[tuple[str, str], list[MuscleAction]] = field(default_factory=dict, repr=False)
    treatments_by_entity: dict[str, list[TreatmentEvidence]] = field(default_factory=dict, repr=False)
    restraints_by_target: dict[str, list[Restraint]] = field(default_factory=dict, repr=False)
    restraints_by_id: dict[str, Restraint] = field(default_factory=dict, repr=False)
    _citing: dict[str, list[Cited]] | None = field(default=None, repr=False)
    _defined_by: dict[str, list[str]] | None = field(default=None, repr=False)
    _refs: dict[str, EntityRef] = field(default_factory=dict, repr=False)
    _facts: dict[object, Fact] = field(default_factory=dict, repr=False)
    _types: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _graph: nx.MultiDiGraph | None = field(default=None, repr=False)
    _links: Links | None = field(default=None, repr=False)
    #: the store's triples, counted when a snapshot is written: counting an on-disk store reads all of it (1.2 s and
    #: ~4.7 MiB of its pages kept at 10 copies of the graph), and it never changes once loaded
    _triples: int | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.by_subject = _group(self.statements, lambda s: s.subject)
        self.mapping_by_pair = {(m.subject_id, m.object_id): m for m in self.mappings}
        self.restraints_by_id = {r.id: r for r in self.restraints}
        self.restraints_by_structure = _group(self.restraints, lambda r: r.structure)
        self.restraints_by_motion = _group(self.restraints, lambda r: (r.joint, r.motion))
        self.actions_by_muscle = _group(self.actions, lambda a: a.muscle)
        self.actions_by_motion = _group(self.actions, lambda a: (a.joint, a.motion))
        # what restrains a joint, a motion or a motion in a position (an entity page lists them)
        for r in self.restraints:
            for curie in dict.fromkeys((r.joint, r.motion, *sorted(r.positions))):
                self.restraints_by_target.setdefault(curie, []).append(r)
        # a graded treatment fact belongs to both its condition and its treatment
        for t in self.treatment_evidence:
            for curie in (t.condition, t.treatment):
                self.treatments_by_entity.setdefault(curie, []).append(t)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The networkx projection (exports, centrality), projected on first use: an answer that does not need it
        never waits for it, nor for networkx's import. Paths and neighbourhoods walk :attr:`links` instead."""
        if self._graph is None:
            self._graph = self.graph_source()
        return self._graph

    @property
    def links(self) -> Links:
        """The projection's links in arrays (app.graph.links: paths, neighbourhoods), built or read on first use."""
        if self._links is None:
            if self.links_source is None:
                raise RuntimeError("this knowledge base was built without a links_source (app.graph.projection)")
            self._links = self.links_source()
        return self._links

    def __getstate__(self) -> dict[str, Any]:
        """Records and indices only (app/snapshot.py): the store is kept as N-Quads beside them, the projection in
        a file of its own, read when first needed."""
        state = dict(self.__dict__)
        state.update(store=None, graph_source=None, _graph=None, links_source=None, _links=None,
                     _triples=self._triple_count())
        # the answer caches fill again on use; unpickling their pydantic objects took most of a snapshot's read
        state.update(_refs={}, _facts={}, _types={}, _citing=None, _defined_by=None)
        return state

    def counts(self) -> dict[str, int]:
        """Sizes of the loaded graph, for /health and the README."""
        return {
            "triples": self._triple_count(),
            "entities": len(self.terms),
            "statements": sum(1 for s in self.statements if not s.inferred),
            "restraints": len(self.restraints),
            "muscle_actions": len(self.actions),
            "clinical_tests": len(self.clinical_tests),
            "treatment_evidence": len(self.treatment_evidence),
            "lesion_presentations": len(self.lesion_presentations),
        }

    def _triple_count(self) -> int:
        if self._triples is None:
            self._triples = len(self.store)
        return self._triples

    # -- naming -------------------------------------------------------------------------------
    def label(self, curie: str) -> str:
        term = self.terms.get(curie)
        if term is not None:
            return term.label
        return self.schema_labels.get(curie, curie)

    def ref(self, curie: str) -> EntityRef:
        """The {id, label, iri} of any entity or schema term (built once: answers reuse it)."""
        cached = self._refs.get(curie)
        if cached is None:
            term = self.terms.get(curie)
            if term is not None:
                cached = EntityRef(id=curie, label=term.label, iri=term.iri)
            else:
                cached = EntityRef(id=curie, label=self.schema_labels.get(curie, curie), iri=_iri(curie))
            self._refs[curie] = cached
        return cached

    def all_types(self, term: Term) -> frozenset[str]:
        """The term's classes with all their superclasses (cached per term)."""
        cached = self._types.get(term.id)
        if cached is None:
            result: set[str] = set()
            for cls in term.types:
                result |= self.class_ancestors.get(cls, {cls})
            cached = self._types[term.id] = frozenset(result)
        return cached

    def types_of(self, curie: str) -> frozenset[str]:
        """The classes of the entity ``curie`` with their superclasses (empty for no entity): one dict lookup once
        cached, as the engine asks it some two hundred times per answer."""
        cached = self._types.get(curie)
        if cached is None:
            term = self.terms.get(curie)
            return frozenset() if term is None else self.all_types(term)
        return cached

    def is_a(self, curie: str, cls: str) -> bool:
        return cls in self.types_of(curie)

    # -- facts as answers -----------------------------------------------------------------------
    def statement_fact(self, st: Statement) -> Fact:
        """The statement as an answer's fact (cached; facts are never mutated once built)."""
        cached = self._facts.get(st)
        if cached is None:
            cached = self._facts[st] = self._statement_fact(st)
        return cached

    def _statement_fact(self, st: Statement) -> Fact:
        known = next((v for k, v in st.qualifiers if k == schema.KNOWN_BY), None)
        return Fact(
            subject=self.ref(st.subject),
            predicate=self.ref(st.predicate),
            object=self.ref(st.object),
            qualifiers=self._statement_qualifiers(st),
            inferred=st.inferred,
            sources=[self.ref(s) for s in st.sources],
            known_by=self.ref(known) if known else None,
        )

    def _statement_qualifiers(self, st: Statement) -> dict[str, list[EntityRef] | str]:
        """Axiom annotations by name; positions as entities (as a restraint's), the others as their values."""
        qualifiers: dict[str, list[EntityRef] | str] = {}
        for k, v in st.qualifiers:
            if k == schema.KNOWN_BY:
                continue  # the fact's own field (known_by)
            if k == schema.POSITION_BASIS:
                qualifiers["position_basis"] = [self.ref(v)]  # as a restraint's: weighed in a conclusion's basis
                continue
            if k == schema.FACT_POSITION:
                refs = qualifiers.get("positions")
                qualifiers["positions"] = [*(refs if isinstance(refs, list) else []), self.ref(v)]
            else:
                qualifiers[local_name(k)] = v
        return qualifiers

    def restraint_fact(self, r: Restraint) -> Fact:
        """The fact as the data states it: built from the loaded restraint of that id, never from a copy an engine
        adjusted for its own matching (the reasoning drops an editor's reading of a position when a position is
        asked; the fact still says what the editor read), so the cache never depends on who asked first."""
        cached = self._facts.get(r.id)
        if cached is None:
            cached = self._facts[r.id] = self._restraint_fact(self.restraints_by_id.get(r.id, r))
        return cached

    def _restraint_fact(self, r: Restraint) -> Fact:
        role = "primary" if r.role is RestraintRole.PRIMARY else "secondary"
        qualifiers: dict[str, list[EntityRef] | str] = {
            "joint": [self.ref(r.joint)],
            "positions": [self.ref(p) for p in sorted(r.positions)] if r.positions else "not stated by the source",
            "role": role,
        }
        if r.contribution is not None:
            qualifiers["relative_contribution"] = f"{r.contribution:g}"
        if r.role_basis:
            qualifiers["role_basis"] = [self.ref(r.role_basis)]
        if r.position_basis and r.positions:
            qualifiers["position_basis"] = [self.ref(r.position_basis)]
        if r.disputed_by:
            qualifiers["disputed_by"] = [self.ref(s) for s in r.disputed_by]
        return Fact(
            subject=self.ref(r.structure),
            predicate=EntityRef(id=schema.RESTRAINT, label=f"is a {role} restraint to", iri=_iri(schema.RESTRAINT)),
            object=self.ref(r.motion),
            qualifiers=qualifiers,
            fact=EntityRef(id=r.id, label=self.restraint_sentence(r), iri=_iri(r.id)),
            sources=[self.ref(s) for s in r.sources],
            note=r.note,
            known_by=self.ref(r.known_by) if r.known_by else None,
        )

    def restraint_sentence(self, r: Restraint) -> str:
        """The restraint in words, saying which of its role and positions are only the editor's reading: "(primary;
        neutral position, the editor's reading)" is not a measurement, and a reader must not take it for one."""
        positions = ", ".join(self.label(p) for p in sorted(r.positions)) or "position not stated"
        reading = ", the editor's reading"
        role = r.role.value + (reading if r.role_basis == schema.EDITOR_INFERENCE else "")
        if r.positions and r.position_basis == schema.EDITOR_INFERENCE:
            positions += reading
        what = f"{self.label(r.structure)} restrains {self.label(r.motion)} of the {self.label(r.joint)}"
        against = "".join(f"; disputed by {self.label(s)}" for s in r.disputed_by)  # never read as support
        return f"{what} ({role}; {positions}{against})"

    def action_fact(self, a: MuscleAction) -> Fact:
        cached = self._facts.get(a.id)
        if cached is None:
            cached = self._facts[a.id] = self._action_fact(a)
        return cached

    def _action_fact(self, a: MuscleAction) -> Fact:
        return Fact(
            subject=self.ref(a.muscle),
            predicate=EntityRef(
                id=schema.MUSCLE_ACTION,
                label=f"is {_article(a.role.value)} {a.role.value} of",
                iri=_iri(schema.MUSCLE_ACTION),
            ),
            object=self.ref(a.motion),
            qualifiers={"joint": [self.ref(a.joint)], "role": a.role.value}
            | ({"role_basis": [self.ref(a.role_basis)]} if a.role_basis else {}),
            fact=EntityRef(
                id=a.id,
                label=self.action_sentence(a),
                iri=_iri(a.id),
            ),
            sources=[self.ref(s) for s in a.sources],
            note=a.note,
            known_by=self.ref(a.known_by) if a.known_by else None,
        )

    def action_sentence(self, a: MuscleAction) -> str:
        """The action in words, saying when its role is only the editor's reading, as a restraint's does (review r25
        E2: "tibialis anterior produces inversion ... (assistant)" read as the textbook's own word)."""
        role = a.role.value + (", the editor's reading" if a.role_basis == schema.EDITOR_INFERENCE else "")
        return f"{self.label(a.muscle)} produces {self.label(a.motion)} at the {self.label(a.joint)} ({role})"

    def treatment_fact(self, t: TreatmentEvidence) -> Fact:
        """Neutral wording: a graded fact may advise against a treatment (the note says which way)."""
        cached = self._facts.get(t.id)
        if cached is None:
            level = self.label(t.evidence_level)
            cached = self._facts[t.id] = Fact(
                subject=self.ref(t.condition),
                predicate=EntityRef(
                    id=schema.TREATMENT_EVIDENCE,
                    label="has graded evidence on",
                    iri=_iri(schema.TREATMENT_EVIDENCE),
                ),
                object=self.ref(t.treatment),
                qualifiers=_treatment_qualifiers(self, t),
                fact=EntityRef(
                    id=t.id,
                    label=f"evidence on {self.label(t.treatment)} for {self.label(t.condition)}: {level}"
                    + (f", {self.label(t.direction)}" if t.direction else ""),
                    iri=_iri(t.id),
                ),
                sources=[self.ref(s) for s in t.sources],
                note=t.recommendation,
            )
        return cached

    def presentation_fact(self, p: LesionPresentation) -> Fact:
        """'a ligament, stretched or torn, presents with pain (from grade II)' with its sources."""
        cached = self._facts.get(p.id)
        if cached is None:
            grade = f" (from grade {'I' * p.from_grade})" if p.from_grade else ""
            cached = self._facts[p.id] = Fact(
                subject=self.ref(p.kind),
                predicate=self.ref(schema.PRESENTS_WITH),
                object=self.ref(p.symptom),
                qualifiers={"lesion": [self.ref(p.lesion)]},
                fact=EntityRef(
                    id=p.id,
                    label=f"a {self.label(p.kind)} ({self.label(p.lesion)}) presents with {self.label(p.symptom)}"
                    + grade,
                    iri=_iri(p.id),
                ),
                sources=[self.ref(s) for s in p.sources],
                note=p.note,
                known_by=self.ref(p.known_by) if p.known_by else None,
            )
        return cached

    # -- from a source to what rests on it ---------------------------------------------------------
    def facts_citing(self, source: str) -> list[Fact]:
        """Every asserted fact that cites ``source``: relations (not their inferred mirrors),
        restraints, muscle actions, graded treatments and lesion presentations. The index of which records cite
        which source is built once, on first use; the facts of one source when asked (building every fact of 100
        copies of the graph took 6 s on the first entity asked for)."""
        if self._citing is None:
            citing: dict[str, list[Cited]] = {}
            groups: tuple[Iterable[Cited], ...] = (
                (st for st in self.statements if not st.inferred), self.restraints, self.actions,
                self.treatment_evidence, self.lesion_presentations,
            )  # fmt: skip
            for group in groups:
                for record in group:
                    for cited in dict.fromkeys(record.sources):
                        citing.setdefault(cited, []).append(record)
            self._citing = citing
        as_fact: dict[type, Callable[[Any], Fact]] = {
            Statement: self.statement_fact, Restraint: self.restraint_fact, MuscleAction: self.action_fact,
            TreatmentEvidence: self.treatment_fact, LesionPresentation: self.presentation_fact,
        }  # fmt: skip
        return [as_fact[type(record)](record) for record in self._citing.get(source, ())]

    def definitions_from(self, source: str) -> list[str]:
        """The entities whose definition ``source`` gives."""
        if self._defined_by is None:
            defined: dict[str, list[str]] = {}
            for term in sorted(self.terms.values(), key=lambda t: t.label):
                if term.definition_source:
                    defined.setdefault(term.definition_source, []).append(term.id)
            self._defined_by = defined
        return self._defined_by.get(source, [])

    def test_fact(self, test: ClinicalTestSpec, predicate: str, target: str) -> Fact:
        """The test examines this joint or motion (cached like the other facts: answers share it)."""
        key = (test.id, predicate, target)
        cached = self._facts.get(key)
        if cached is None:
            by_target = test.joint_sources if predicate == schema.EXAMINES_JOINT else test.motion_sources
            sources = by_target.get(target, ())
            cached = self._facts[key] = Fact(
                subject=self.ref(test.id),
                predicate=self.ref(predicate),
                object=self.ref(target),
                sources=[self.ref(s) for s in sources],
            )
        return cached


def _treatment_qualifiers(kb: KnowledgeBase, t: TreatmentEvidence) -> dict[str, list[EntityRef] | str]:
    """Level, direction and where the level comes from, so 'low certainty' never reads as an endorsement."""
    qualifiers: dict[str, list[EntityRef] | str] = {"evidence_level": [kb.ref(t.evidence_level)]}
    if t.direction:
        qualifiers["direction"] = [kb.ref(t.direction)]
    if t.level_basis:
        qualifiers["level_basis"] = [kb.ref(t.level_basis)]
    if t.graded_by:
        qualifiers["graded_by"] = [kb.ref(t.graded_by)]
    if t.for_stability:
        qualifiers["for_stability"] = [kb.ref(t.for_stability)]
    if t.for_grades:
        qualifiers["for_grades"] = ", ".join(str(g) for g in sorted(t.for_grades))
    return qualifiers


def _article(word: str) -> str:
    """The article of a role: "an assistant", "a prime mover" (the slip "is a assistant of" read on every assistant)."""
    return "an" if word[:1].lower() in "aeiou" else "a"


K = TypeVar("K")
V = TypeVar("V")


def _group(items: Iterable[V], key: Callable[[V], K]) -> dict[K, list[V]]:
    grouped: dict[K, list[V]] = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return dict(grouped)


#: Builds the traversal graph from the records: terms by id, statements, restraints, muscle actions.
Projection = Callable[
    [Mapping[str, Term], Sequence[Statement], Sequence[Restraint], Sequence[MuscleAction]], "nx.MultiDiGraph"
]
#: Builds the projection's links (app.graph.links) from the same records.
LinkProjection = Callable[
    [Mapping[str, Term], Sequence[Statement], Sequence[Restraint], Sequence[MuscleAction]], "Links"
]


def build_knowledge_base(store: ox.Store, project: Projection, mappings: Iterable[XrefMapping] = (),
                         link: LinkProjection | None = None) -> KnowledgeBase:  # fmt: skip
    """Read every record and index out of a loaded (and validated) store; ``project`` gives its graph, ``link`` its
    links (None: a knowledge base that is never walked, as the rule tests' fixtures build)."""
    terms = extract.read_terms(store)
    statements = extract.read_statements(store)
    restraints = extract.read_restraints(store)
    actions = extract.read_actions(store)
    return KnowledgeBase(
        store=store,
        terms=TermIndex(terms.values()),
        schema_labels=extract.read_schema_labels(store),
        class_ancestors=extract.read_class_ancestors(store),
        statements=statements,
        restraints=restraints,
        actions=actions,
        clinical_tests=extract.read_clinical_tests(statements, store),
        treatment_evidence=extract.read_treatment_evidence(store),
        lesion_presentations=extract.read_lesion_presentations(store),
        motion_kinds=extract.read_motion_kinds(store),
        opposite_motions=extract.read_opposite_motions(store),
        graph_source=lambda: project(terms, statements, restraints, actions),
        links_source=None if link is None else (lambda: link(terms, statements, restraints, actions)),
        mappings=tuple(mappings),
    )


def _iri(curie: str) -> str:
    """A reference's IRI: the CURIE expanded (an id that is already an IRI is its own)."""
    return expand(curie) or curie
