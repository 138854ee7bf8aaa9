"""Answer assembly: the entity, entity-page, neighbourhood and path answers, built from resolved terms.

The Python API (app.kg) resolves the names a person typed and hands the terms here; the REST API
returns these same models, so a notebook and the service give the same answers.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlencode

from .graph.algorithms import neighbourhood, shortest_paths
from .knowledge.base import KnowledgeBase
from .knowledge.lookup import SearchHit
from .knowledge.model import Term, Xref
from .knowledge.resolver import NameMatch
from .knowledge.schema import CLINICAL_ENTITY, INJURABLE_TYPES
from .models import (
    EDUCATIONAL_NOTICE,
    EntityDetail,
    EntityEntry,
    EntityPage,
    GraphLink,
    GraphNode,
    Neighbourhood,
    PathOut,
    Paths,
    PathStep,
    RelationGroup,
    RelationTarget,
    SearchHitOut,
    SearchResults,
    XrefOut,
    page_links,
)
from .ontology.curies import expand, local_name
from .reasoning.impact.models import ImpactReport, NamedAs, Reach

__all__ = ["Answers", "note_names"]


class Answers:
    """Builds answer models over one knowledge base (entity summaries are built once and reused).

    Options have no defaults here: the public defaults are those of app.kg.AnkleKG, in one place. ``base`` is
    the absolute root the ``next``/``prev`` links of a page start with ("" for root-relative links).
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._summaries: dict[str, EntityEntry] = {}

    def summary(self, term: Term) -> EntityEntry:
        cached = self._summaries.get(term.id)
        if cached is None:
            refs = [self.kb.ref(t) for t in term.types]
            cached = self._summaries[term.id] = EntityEntry(id=term.id, label=term.label, iri=term.iri, types=refs)
        return cached

    def entity_page(self, *, types: Collection[str] | None, limit: int, offset: int, base: str) -> EntityPage:
        """A page of entities, ordered by id, optionally of given classes (subclasses included)."""
        kb = self.kb
        wanted = set(types) if types else None
        matching = sorted(
            (t for t in kb.terms.values() if wanted is None or kb.all_types(t) & wanted), key=lambda t: t.id
        )
        params = [("type", t) for t in sorted(wanted or ())]
        more = offset + limit < len(matching)
        after, before = page_links(base, "/v1/entities", params, limit=limit, offset=offset, more=more)
        return EntityPage(
            items=[self.summary(t) for t in matching[offset : offset + limit]],
            total=len(matching),
            limit=limit,
            offset=offset,
            next=after,
            prev=before,
        )

    def search_results(
        self, query: str, hits: list[SearchHit], total: int, *, types: Collection[str] | None, limit: int,
        offset: int, base: str,
    ) -> SearchResults:
        """A page of ranked hits (``hits``: this page's, ``total``: how many in all)."""
        params = [("q", query), *(("type", t) for t in sorted(types or ()))]
        after, before = page_links(base, "/v1/search", params, limit=limit, offset=offset, more=offset + limit < total)
        items = [
            SearchHitOut(
                **self.summary(h.term).model_dump(),
                score=h.score,
                match=h.match.public_name,
                matched_field=h.matched_field.public_name,
                matched_text=h.matched_text,
            )
            for h in hits
        ]
        return SearchResults(
            query=query, items=items, total=total, limit=limit, offset=offset, next=after, prev=before
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
            xrefs=[self._xref(term.id, x) for x in term.xrefs],
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

    def _xref(self, subject: str, xref: Xref) -> XrefOut:
        """A cross-reference with its IRI and, for UBERON and FMA, the mapping predicate and justification."""
        kb = self.kb
        mapping = kb.mapping_by_pair.get((subject, xref.curie))
        return XrefOut(
            id=xref.curie,
            iri=expand(xref.curie),
            predicate=mapping.predicate_id if mapping else None,
            justification=mapping.mapping_justification if mapping else None,
            source=kb.ref(xref.source) if xref.source else None,
            note=xref.note,
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

    def neighbourhood(
        self, term: Term, *, depth: int, predicates: Collection[str] | None, limit: int, offset: int, base: str
    ) -> Neighbourhood:
        """The links within ``depth`` hops of an entity (ordered by source, target, predicate), a page at a time,
        with the nodes that page's links join."""
        kb = self.kb
        sub = neighbourhood(kb.links, term.id, depth, predicates)
        edges = sorted(sub.edges, key=lambda e: (e[0], e[1], e[2]))
        shown = edges[offset : offset + limit]
        joined = {term.id} | {u for u, _, _, _ in shown} | {v for _, v, _, _ in shown}
        params = [("depth", depth), *(("predicate", p) for p in sorted(predicates or ()))]
        path = f"/v1/entities/{term.id}/neighbors"
        after, before = page_links(base, path, params, limit=limit, offset=offset, more=offset + limit < len(edges))
        return Neighbourhood(
            center=kb.ref(term.id),
            depth=depth,
            nodes=[self._node(n) for n in sorted(joined)],
            items=[
                GraphLink(
                    source=u,
                    target=v,
                    predicate=kb.ref(k),
                    inferred=data.inferred,
                    sources=[kb.ref(s) for s in data.sources],
                )
                for u, v, k, data in shown
            ],
            total=len(edges),
            limit=limit,
            offset=offset,
            next=after,
            prev=before,
        )

    def _node(self, node: str) -> GraphNode:
        term = self.kb.terms.get(node)
        if term is not None:
            return GraphNode(**self.summary(term).model_dump(), entity=True)
        ref = self.kb.ref(node)
        label, types = self.kb.links.labels.get(node, (ref.label, ()))
        return GraphNode(id=node, label=label, iri=ref.iri, types=[self.kb.ref(t) for t in types], entity=False)

    def paths(
        self, start: Term, end: Term, *, max_length: int, predicates: Collection[str] | None, limit: int,
        offset: int, base: str,
    ) -> Paths:
        """The shortest connections between two entities, each edge with its sources, a page at a time.

        Paths are enumerated shortest first and only as far as this page and one more (all of them may be
        millions): ``total`` is known, and given, only when the enumeration ended within that."""
        kb = self.kb
        wanted = offset + limit + 1
        found = shortest_paths(kb.links, start.id, end.id, max_hops=max_length, predicates=predicates, limit=wanted)
        more = len(found) > offset + limit
        items = [
            PathOut(
                length=len(path),
                steps=[
                    PathStep(
                        subject=kb.ref(s),
                        predicate=kb.ref(p),
                        object=kb.ref(o),
                        inferred=(data := kb.links.edge(s, o, p)).inferred,
                        sources=[kb.ref(x) for x in data.sources],
                    )
                    for s, p, o in path
                ],
            )
            for path in found[offset : offset + limit]
        ]
        params = [("from", start.id), ("to", end.id), ("max_length", max_length)]
        params += [("predicate", p) for p in sorted(predicates or ())]
        after, before = page_links(base, "/v1/paths", params, limit=limit, offset=offset, more=more)
        return Paths(
            source=kb.ref(start.id),
            target=kb.ref(end.id),
            length=len(found[0]) if found else None,
            items=items,
            total=None if more else len(found),
            limit=limit,
            offset=offset,
            next=after,
            prev=before,
        )


#: How each related-name predicate is said in an answer (app.knowledge.extract.RELATED_NAMES)
NAME_RELATIONS = {
    "oboInOwl:hasNarrowSynonym": "narrower name",
    "oboInOwl:hasBroadSynonym": "broader name",
    "oboInOwl:hasRelatedSynonym": "related name",
}


def note_names(report: ImpactReport, matches: Collection[NameMatch]) -> ImpactReport:
    """The report, in place, with each injury the question named by a related name saying so on its named entry:
    the answer is about the term, and what the name means beyond it the graph does not record (review r44)."""
    by_term = {m.term: m for m in matches}
    for item in report.injuries:
        term = item.graded_form_of.condition if item.graded_form_of else item.structure  # the term the name matched
        match = by_term.get(term.id)
        if match is None or item.reached is not Reach.NAMED:
            continue
        relation = NAME_RELATIONS[match.predicate]
        item.named_as = NamedAs(name=match.name, relation=relation, note=_name_note(match.name, relation, term.label))
    return report


def _name_note(name: str, relation: str, label: str) -> str:
    said = {
        "narrower name": f"a more specific form the graph does not record apart: this answer is for the {label} "
                         f"as a whole",
        "broader name": f"a wider class the {label} is the one recorded term of: this answer is for the {label} "
                        f"only",
        "related name": f"not as its synonym: this answer is for the {label}",
    }[relation]
    return f"'{name}' is recorded as a {relation} of the {label}, {said}; what the name means beyond it, the " \
           f"graph does not say."
