"""The Python API of AnkleKG: load the graph once, then ask it questions.

The REST API calls these same methods, so a notebook and the service give the same answers::

    >>> from app.kg import AnkleKG
    >>> kg = AnkleKG.load()                                  # doctest: +SKIP
    >>> kg.entity("ATFL").label                              # doctest: +SKIP
    'anterior talofibular ligament'
    >>> [m.motion.label for m in kg.impact(["ATFL"]).destabilised_motions][:1]  # doctest: +SKIP
    ['anterior talar translation']
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

import networkx as nx
import pyoxigraph as ox

from app import __version__
from app.errors import AmbiguousTerm, InvalidArgument, OntologyInvalid, UnknownTerm
from app.graph.algorithms import neighbourhood, shortest_paths
from app.knowledge.base import KnowledgeBase
from app.knowledge.lookup import SearchHit
from app.knowledge.model import Term
from app.loader import load_knowledge_base
from app.models import (
    EDUCATIONAL_NOTICE,
    EntityDetail,
    EntityPage,
    EntitySummary,
    GraphLink,
    GraphNode,
    Neighbourhood,
    Paths,
    PathStep,
    RelationGroup,
    RelationTarget,
    XrefOut,
)
from app.ontology.validate import ValidationReport
from app.reasoning.criticality import CriticalityAnalysis, CriticalityReport
from app.reasoning.differential import DifferentialEngine, DifferentialReport, Findings
from app.reasoning.impact import Grade, ImpactEngine, ImpactReport
from app.reasoning.rules import load_rules
from app.settings import Settings
from app.sparql.dataset import build_dataset, parse_dataset_option
from app.sparql.engine import run_query

__all__ = ["INJURABLE_TYPES", "AmbiguousTerm", "AnkleKG", "InvalidArgument", "OntologyInvalid", "UnknownTerm"]

#: What the impact engine takes as an injury: a structure (and its subclasses) or a named condition.
INJURABLE_TYPES = ("akg:AnatomicalStructure", "akg:Condition")


@dataclass
class AnkleKG:
    """A loaded, validated and indexed AnkleKG."""

    kb: KnowledgeBase
    engine: ImpactEngine
    settings: Settings
    validation: ValidationReport | None = None
    load_seconds: float = 0.0
    version: str = __version__
    _summaries: dict[str, EntitySummary] = field(default_factory=dict, repr=False)
    _dataset: ox.Store | None = field(default=None, repr=False)
    _differential: DifferentialEngine | None = field(default=None, repr=False)
    _criticality: CriticalityAnalysis | None = field(default=None, repr=False)
    _predicates: frozenset[str] | None = field(default=None, repr=False)

    # -- loading --------------------------------------------------------------------------------
    @classmethod
    def load(cls, settings: Settings | None = None) -> AnkleKG:
        """Parse, validate (unless disabled) and index the ontology named by ``settings``.

        Raises OntologyLoadError on a syntax error and OntologyInvalid on ERROR-level violations.
        """
        settings = settings or Settings()
        started = time.perf_counter()
        kb, report = load_knowledge_base(settings)
        engine = ImpactEngine(kb, load_rules(settings.data_dir / "rules"))
        return cls(kb, engine, settings, report, time.perf_counter() - started)

    @property
    def store(self) -> ox.Store:
        return self.kb.store

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The networkx projection (nodes are CURIEs; edges keyed by predicate with sources)."""
        return self.kb.graph

    @property
    def dataset(self) -> ox.Store:
        """The SPARQL dataset (built on first use): asserted triples in the default graph and in
        the named graph ``…/graph/asserted``, entailments in ``…/graph/inferred``, and the extra
        files of ``settings.sparql_datasets`` in their own named graphs (app.sparql.dataset)."""
        if self._dataset is None:
            extra = [parse_dataset_option(value) for value in self.settings.sparql_datasets]
            self._dataset = build_dataset(self.store, extra)
        return self._dataset

    def sparql(
        self,
        query: str,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a read-only SPARQL 1.1 query over :attr:`dataset`, as the /sparql endpoint does.

        Returns pyoxigraph's result (rows, a boolean or triples); raises
        ``app.sparql.engine.InvalidQuery`` (with line and column) or ``QueryRefused`` (an update
        or SERVICE). Unlike the endpoint there is no deadline: this runs in your process.

            >>> rows = kg.sparql("SELECT ?l WHERE { ?x rdfs:label ?l } LIMIT 1")  # doctest: +SKIP
        """
        return run_query(self.dataset, query, default_graphs=default_graphs, named_graphs=named_graphs)

    # -- lookup ---------------------------------------------------------------------------------
    def resolve(self, ref: str, *, types: Collection[str] | None = None, parameter: str = "ref") -> Term:
        """The term ``ref`` names (CURIE, IRI, label, synonym, abbreviation; any case).

        With ``types``, only terms of those classes (or their subclasses) qualify; a name that is
        ambiguous overall but unique among those types resolves. An unknown or ambiguous name raises
        with ``parameter`` recorded, so the error can say which part of the request to fix.
        """
        if types is None:
            return self.kb.terms.resolve(ref, parameter=parameter)
        try:
            term = self.kb.terms.resolve(ref)
            if self._has_type(term, types):
                return term
            candidates = [term]
        except AmbiguousTerm as exc:
            candidates = exc.candidates
        except UnknownTerm:
            candidates = []
        typed = [t for t in candidates if self._has_type(t, types)]
        if len(typed) == 1:
            return typed[0]
        hits = list(self.kb.terms.search(ref, types=self._expand_types(types), limit=5))
        # A unique best prefix match ("deltoid" -> deltoid ligament) is what the user meant.
        if hits and hits[0].score >= 0.85 and (len(hits) == 1 or hits[0].score > hits[1].score):
            return hits[0].term
        wanted = ", ".join(sorted(self.kb.label(t) for t in types))
        if candidates:
            raise InvalidArgument(
                parameter, ref, f"{ref!r} names {self._describe(candidates)}, which is not a {wanted}"
            )
        # Few terms have these types: rank them all, so the caller always gets something to pick from.
        suggestions = hits or self.kb.terms.search(ref, types=self._expand_types(types), limit=5, fuzzy_cutoff=0)
        raise UnknownTerm(ref, [h.term for h in suggestions], parameter)

    def resolve_classes(self, names: Collection[str], *, parameter: str = "type") -> set[str]:
        """Schema classes named by CURIE (akg:Ligament), local name (Ligament) or label (ligament)."""
        classes = {cls: self.kb.label(cls) for cls in self.kb.class_ancestors if cls.startswith("akg:")}
        resolved = set()
        for name in names:
            key = name.strip().casefold()
            match = [c for c, label in classes.items() if key in (c.casefold(), c[4:].casefold(), label.casefold())]
            if not match:
                known = ", ".join(sorted(c[4:] for c in classes if self._has_instances(c)))
                raise InvalidArgument(parameter, name, f"not a known type; use one of: {known}")
            resolved.update(match)
        return resolved

    def _has_instances(self, cls: str) -> bool:
        return any(cls in self.kb.all_types(t) for t in self.kb.terms.values())

    def resolve_predicates(self, names: Collection[str], *, parameter: str = "predicate") -> set[str]:
        """Edge predicates named by CURIE (akg:partOf), local name (partOf) or label (part of)."""
        known = self.predicate_ids()
        resolved = set()
        for name in names:
            key = name.strip().casefold()
            match = [
                p for p in known if key in (p.casefold(), p.partition(":")[2].casefold(), self.kb.label(p).casefold())
            ]
            if not match:
                listing = ", ".join(sorted(p.partition(":")[2] for p in known))
                raise InvalidArgument(parameter, name, f"no edge has this predicate; use one of: {listing}")
            resolved.update(match)
        return resolved

    def _expand_types(self, types: Collection[str]) -> set[str]:
        return {cls for cls, ancestors in self.kb.class_ancestors.items() if ancestors & set(types)}

    def _has_type(self, term: Term, types: Collection[str]) -> bool:
        return bool(self.kb.all_types(term) & set(types))

    def _describe(self, terms: Sequence[Term]) -> str:
        return " or ".join(f"{t.label} ({t.id}, a {', '.join(self.kb.label(c) for c in t.types)})" for t in terms)

    def summary(self, term: Term) -> EntitySummary:
        cached = self._summaries.get(term.id)
        if cached is None:
            cached = EntitySummary(
                id=term.id, label=term.label, iri=term.iri, types=[self.kb.ref(t) for t in term.types]
            )
            self._summaries[term.id] = cached
        return cached

    def entities(self, *, types: Collection[str] | None = None, limit: int = 50, offset: int = 0) -> EntityPage:
        """A page of entities, ordered by id, optionally of given classes (subclasses included)."""
        wanted = set(types) if types else None
        matching = [t for t in self.kb.terms.values() if wanted is None or self.kb.all_types(t) & wanted]
        matching.sort(key=lambda t: t.id)
        page = matching[offset : offset + limit]
        more = offset + limit < len(matching)
        next_query = None
        if more:
            type_part = "".join(f"&type={t}" for t in sorted(wanted)) if wanted else ""
            next_query = f"?limit={limit}&offset={offset + limit}{type_part}"
        return EntityPage(
            items=[self.summary(t) for t in page],
            total=len(matching),
            limit=limit,
            offset=offset,
            next=next_query,
        )

    def entity(self, ref: str) -> EntityDetail:
        """Everything about one entity, relations grouped by predicate, each with its sources."""
        term = self.resolve(ref)
        kb = self.kb
        groups: dict[str, list[RelationTarget]] = {}
        for st in kb.by_subject.get(term.id, ()):
            groups.setdefault(st.predicate, []).append(
                RelationTarget(
                    target=kb.ref(st.object),
                    inferred=st.inferred,
                    qualifiers={k.partition(":")[2]: v for k, v in st.qualifiers},
                    sources=[kb.ref(s) for s in st.sources],
                )
            )
        relations = [
            RelationGroup(predicate=kb.ref(p), targets=sorted(targets, key=lambda t: t.target.label))
            for p, targets in sorted(groups.items(), key=lambda kv: kb.label(kv[0]))
        ]
        annotations: dict[str, list[str]] = {}
        for prop, value in term.annotations:
            annotations.setdefault(prop, []).append(value)
        restrained_by = [kb.restraint_fact(r) for r in kb.restraints_by_target.get(term.id, ())]
        is_clinical = kb.is_a(term.id, "akg:ClinicalEntity")
        injurable = any(kb.is_a(term.id, t) for t in INJURABLE_TYPES)
        return EntityDetail(
            **self.summary(term).model_dump(),
            definition=term.definition,
            definition_source=kb.ref(term.definition_source) if term.definition_source else None,
            synonyms=list(term.synonyms),
            abbreviations=list(term.abbreviations),
            latin_name=term.latin_name,
            xrefs=[XrefOut(id=x.curie, source=kb.ref(x.source) if x.source else None, note=x.note) for x in term.xrefs],
            deprecated=term.deprecated,
            annotations=annotations,
            relations=relations,
            restraints=[kb.restraint_fact(r) for r in kb.restraints_by_structure.get(term.id, ())],
            actions=[kb.action_fact(a) for a in kb.actions_by_muscle.get(term.id, ())],
            restrained_by=restrained_by,
            treatments=[kb.treatment_fact(t) for t in kb.treatments_by_entity.get(term.id, ())],
            supports=kb.facts_citing(term.id),
            defines=[kb.ref(d) for d in kb.definitions_from(term.id)],
            impact=f"/v1/impact?{urlencode({'injured': term.id}, safe=':')}" if injurable else None,
            notice=EDUCATIONAL_NOTICE if is_clinical else None,
        )

    def search(self, query: str, *, types: Collection[str] | None = None, limit: int = 10) -> list[SearchHit]:
        """Ranked search: exact label, exact synonym/abbreviation, prefix, then fuzzy (typos)."""
        return self.kb.terms.search(query, types=self._expand_types(types) if types else None, limit=limit)

    def neighbours(self, ref: str, *, depth: int = 1, predicates: Collection[str] | None = None) -> Neighbourhood:
        """Node-link JSON of everything within ``depth`` hops of an entity."""
        term = self.resolve(ref)
        sub = neighbourhood(self.kb.graph, term.id, depth, predicates)
        return Neighbourhood(
            center=self.kb.ref(term.id),
            depth=depth,
            nodes=[
                GraphNode(id=n, label=data.get("label", n), types=list(data.get("types", ())))
                for n, data in sorted(sub.nodes(data=True))
            ],
            links=[
                GraphLink(
                    source=u,
                    target=v,
                    predicate=self.kb.ref(k),
                    inferred=bool(data.get("inferred")),
                    sources=[self.kb.ref(s) for s in data.get("sources", ())],
                )
                for u, v, k, data in sorted(sub.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
            ],
        )

    def paths(
        self,
        source: str,
        target: str,
        *,
        max_length: int = 4,
        predicates: Collection[str] | None = None,
        limit: int = 10,
    ) -> Paths:
        """The shortest connections between two entities (any names), each edge with its sources."""
        start = self.resolve(source, parameter="from")
        end = self.resolve(target, parameter="to")
        found = shortest_paths(self.kb.graph, start.id, end.id, max_hops=max_length, predicates=predicates, limit=limit)
        kb = self.kb
        steps = [
            [
                PathStep(
                    subject=kb.ref(s),
                    predicate=kb.ref(p),
                    object=kb.ref(o),
                    inferred=bool(kb.graph.edges[s, o, p].get("inferred")),
                    sources=[kb.ref(x) for x in kb.graph.edges[s, o, p].get("sources", ())],
                )
                for s, p, o in path
            ]
            for path in found
        ]
        return Paths(
            source=kb.ref(start.id), target=kb.ref(end.id), length=len(found[0]) if found else None, paths=steps
        )

    def predicate_ids(self) -> frozenset[str]:
        """Every predicate that labels an edge of the projection (for validating filters; computed once)."""
        if self._predicates is None:
            self._predicates = frozenset(k for _, _, k in self.kb.graph.edges(keys=True))
        return self._predicates

    # -- reasoning ------------------------------------------------------------------------------
    def impact(
        self,
        injured: Sequence[str | tuple[str, Grade]],
        *,
        grade: Grade = 3,
        position: str | None = None,
    ) -> ImpactReport:
        """What destabilises if these structures are injured (names or (name, grade) pairs)."""
        injuries: list[tuple[str, Grade]] = []
        for item in injured:
            name, item_grade = (item, grade) if isinstance(item, str) else item
            if item_grade not in (1, 2, 3):
                raise InvalidArgument("grade", item_grade, "grade must be 1, 2 or 3")
            term = self.resolve(name, types=INJURABLE_TYPES, parameter="injured")
            injuries.append((term.id, item_grade))
        if not injuries:
            raise InvalidArgument("injured", "", "name at least one injured structure, e.g. injured=ATFL")
        position_id = None
        if position is not None:
            position_id = self.resolve(position, types=("akg:JointPosition",), parameter="position").id
        return self.engine.impact(injuries, position_id)

    def differential(
        self,
        *,
        positive_tests: Sequence[str] = (),
        negative_tests: Sequence[str] = (),
        symptoms: Sequence[str] = (),
        numbness_areas: Sequence[str] = (),
        weak_motions: Sequence[str] = (),
        unstable_motions: Sequence[str] = (),
        mechanism: tuple[str, str | None] | None = None,
        limit: int = 10,
    ) -> DifferentialReport:
        """Ranked candidate injured structures for the findings (names in any form), with reasons."""

        def resolve_all(names: Sequence[str], cls: str, parameter: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(self.resolve(n, types=(cls,), parameter=parameter).id for n in names))

        findings = Findings(
            positive_tests=resolve_all(positive_tests, "akg:ClinicalTest", "positive_tests"),
            negative_tests=resolve_all(negative_tests, "akg:ClinicalTest", "negative_tests"),
            symptoms=resolve_all(symptoms, "akg:Symptom", "symptoms"),
            numbness_areas=resolve_all(numbness_areas, "akg:SkinArea", "numbness_areas"),
            weak_motions=resolve_all(weak_motions, "akg:Motion", "weak_motions"),
            unstable_motions=resolve_all(unstable_motions, "akg:Motion", "unstable_motions"),
            mechanism=(
                (
                    self.resolve(mechanism[0], types=("akg:Motion",), parameter="mechanism.motion").id,
                    self.resolve(mechanism[1], types=("akg:JointPosition",), parameter="mechanism.position").id
                    if mechanism[1]
                    else None,
                )
                if mechanism
                else None
            ),
        )
        if not findings.count() and not findings.negative_tests:
            raise InvalidArgument("findings", {}, "give at least one finding (a positive test, a symptom, ...)")
        return self.differential_engine.rank(findings, limit=limit)

    @property
    def differential_engine(self) -> DifferentialEngine:
        """Built on first use: it computes one impact profile per candidate structure (~0.5 s)."""
        if self._differential is None:
            self._differential = DifferentialEngine(self.kb, self.engine)
        return self._differential

    def criticality(self, *, types: Collection[str] | None = None, limit: int = 20) -> CriticalityReport:
        """Structures ranked by the breadth of their injury's impact, with betweenness centrality."""
        if self._criticality is None:
            self._criticality = CriticalityAnalysis(self.kb, self.engine, self.differential_engine)
        return self._criticality.rank(types=self._expand_types(types) if types else None, limit=limit)

    # -- misc -----------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Sizes of the loaded graph, for /health and the README."""
        return self.kb.counts()
