"""Answer assembly: the entity, entity-page, neighbourhood and path answers, built from resolved terms.

The Python API (app.kg) resolves the names a person typed and hands the terms here; the REST API
returns these same models, so a notebook and the service give the same answers.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlencode

from .graph.algorithms import neighbourhood, shortest_paths
from .knowledge.base import KnowledgeBase
from .knowledge.model import Term
from .knowledge.schema import CLINICAL_ENTITY, INJURABLE_TYPES
from .models import (
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
from .ontology.curies import local_name

__all__ = ["Answers"]


class Answers:
    """Builds answer models over one knowledge base (entity summaries are built once and reused).

    Options have no defaults here: the public defaults are those of app.kg.AnkleKG, in one place.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._summaries: dict[str, EntitySummary] = {}

    def summary(self, term: Term) -> EntitySummary:
        cached = self._summaries.get(term.id)
        if cached is None:
            refs = [self.kb.ref(t) for t in term.types]
            cached = self._summaries[term.id] = EntitySummary(id=term.id, label=term.label, iri=term.iri, types=refs)
        return cached

    def entity_page(self, *, types: Collection[str] | None, limit: int, offset: int) -> EntityPage:
        """A page of entities, ordered by id, optionally of given classes (subclasses included)."""
        kb = self.kb
        wanted = set(types) if types else None
        matching = sorted(
            (t for t in kb.terms.values() if wanted is None or kb.all_types(t) & wanted), key=lambda t: t.id
        )
        next_query = None
        if offset + limit < len(matching):
            type_part = "".join(f"&type={t}" for t in sorted(wanted)) if wanted else ""
            next_query = f"?limit={limit}&offset={offset + limit}{type_part}"
        return EntityPage(
            items=[self.summary(t) for t in matching[offset : offset + limit]],
            total=len(matching),
            limit=limit,
            offset=offset,
            next=next_query,
        )

    def entity_detail(self, term: Term) -> EntityDetail:
        """Everything about one entity, relations grouped by predicate, each with its sources."""
        kb = self.kb
        annotations: dict[str, list[str]] = {}
        for prop, value in term.annotations:
            annotations.setdefault(prop, []).append(value)
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
            relations=self._relations(term),
            restraints=[kb.restraint_fact(r) for r in kb.restraints_by_structure.get(term.id, ())],
            actions=[kb.action_fact(a) for a in kb.actions_by_muscle.get(term.id, ())],
            restrained_by=[kb.restraint_fact(r) for r in kb.restraints_by_target.get(term.id, ())],
            treatments=[kb.treatment_fact(t) for t in kb.treatments_by_entity.get(term.id, ())],
            supports=kb.facts_citing(term.id),
            defines=[kb.ref(d) for d in kb.definitions_from(term.id)],
            impact=f"/v1/impact?{urlencode({'injured': term.id}, safe=':')}" if injurable else None,
            notice=EDUCATIONAL_NOTICE if kb.is_a(term.id, CLINICAL_ENTITY) else None,
        )

    def _relations(self, term: Term) -> list[RelationGroup]:
        kb = self.kb
        groups: dict[str, list[RelationTarget]] = {}
        for st in kb.by_subject.get(term.id, ()):
            groups.setdefault(st.predicate, []).append(
                RelationTarget(
                    target=kb.ref(st.object),
                    inferred=st.inferred,
                    qualifiers={local_name(k): v for k, v in st.qualifiers},
                    sources=[kb.ref(s) for s in st.sources],
                )
            )
        return [
            RelationGroup(predicate=kb.ref(p), targets=sorted(targets, key=lambda t: t.target.label))
            for p, targets in sorted(groups.items(), key=lambda kv: kb.label(kv[0]))
        ]

    def neighbourhood(self, term: Term, *, depth: int, predicates: Collection[str] | None) -> Neighbourhood:
        """Node-link JSON of everything within ``depth`` hops of an entity."""
        kb = self.kb
        sub = neighbourhood(kb.graph, term.id, depth, predicates)
        return Neighbourhood(
            center=kb.ref(term.id),
            depth=depth,
            nodes=[
                GraphNode(id=n, label=data.get("label", n), types=list(data.get("types", ())), entity=n in kb.terms)
                for n, data in sorted(sub.nodes(data=True))
            ],
            links=[
                GraphLink(
                    source=u,
                    target=v,
                    predicate=kb.ref(k),
                    inferred=bool(data.get("inferred")),
                    sources=[kb.ref(s) for s in data.get("sources", ())],
                )
                for u, v, k, data in sorted(sub.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
            ],
        )

    def paths(
        self, start: Term, end: Term, *, max_length: int, predicates: Collection[str] | None, limit: int
    ) -> Paths:
        """The shortest connections between two entities, each edge with its sources."""
        kb = self.kb
        found = shortest_paths(kb.graph, start.id, end.id, max_hops=max_length, predicates=predicates, limit=limit)
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
        length = len(found[0]) if found else None
        return Paths(source=kb.ref(start.id), target=kb.ref(end.id), length=length, paths=steps)
