"""Public answer records shared by the Python API, the REST API and the CLI.

Every reference to an entity in every answer is an :class:`EntityRef` (``id``, ``label`` and ``iri``),
so a client never has to look an opaque identifier up to show it; an entity listed for itself (an
entity page's item, a search hit, a node of a neighbourhood, an entity's own answer) is an
:class:`EntityEntry`, the same three fields and its ``types`` as references. Every list answer is a
:class:`Page`: ``items``, ``total``, ``limit``, ``offset`` and the ``next``/``prev`` links.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field

from .tables import Cell, Table, Tabular

EDUCATIONAL_NOTICE = (
    "AnkleKG is an educational resource. Its clinical content summarises published sources for "
    "learning and research; it is not medical advice and must not be used to diagnose or treat anyone."
)

#: The configuration of answer models that a start does not need for its first answer (an impact): pydantic builds
#: their validators and serialisers on first use, or in the warm-up after the port opens, instead of at import
#: (docs/performance.md, fourth pass). Nothing else changes: fields, names, JSON and the OpenAPI schema are the same.
DEFERRED = ConfigDict(defer_build=True)


class EntityRef(BaseModel):
    """An entity (or a schema term: a class, a predicate) named by id, label and IRI.

    References inside facts carry no ``types``: the fact's role says what they are, and types on each of
    them would add about a third to an impact answer (1,773 of its 2,891 references are entities).
    """

    model_config = ConfigDict(frozen=True)

    id: str = Field(examples=["ANKLE:0000016"], description="A CURIE.")
    label: str = Field(examples=["anterior talofibular ligament"])
    iri: str = Field(examples=["https://w3id.org/anklekg/ANKLE_0000016"], description="The CURIE expanded.")


class EntityEntry(EntityRef):
    """An entity listed for itself: its reference and its classes, each a reference."""

    model_config = DEFERRED

    types: list[EntityRef] = Field(description="Its classes (as asserted), each a reference.")


ItemT = TypeVar("ItemT")

#: The most items one page of each list holds (a larger ``limit`` is a 422 problem that names it)
MAX_PAGE = {"entities": 500, "search": 100, "neighbors": 2000, "paths": 50, "examples": 50, "criticality": 500}


class Page(BaseModel, Generic[ItemT]):
    """One page of a list: the same envelope on every list endpoint."""

    model_config = DEFERRED

    items: list[ItemT]
    total: int | None = Field(
        description="How many items the whole list holds; null only where they are not counted (paths: there may "
        "be very many, so follow `next`)."
    )
    limit: int = Field(description="The most items this page may hold (the `limit` asked for, or its default).")
    offset: int = Field(description="Items skipped before this page.")
    next: str | None = Field(
        default=None,
        description="Absolute URL of the next page; null on the last page.",
        examples=["http://127.0.0.1:8000/v1/entities?limit=50&offset=50"],
    )
    prev: str | None = Field(
        default=None, description="Absolute URL of the previous page; null on the first page.", examples=[None]
    )


def page_links(
    base: str, path: str, params: Iterable[tuple[str, object]], *, limit: int, offset: int, more: bool
) -> tuple[str | None, str | None]:
    """The next and previous page's URLs: ``base`` (the service's absolute root, or "" for the Python API's
    root-relative links), ``path`` and the canonical parameters (resolved ids, not what was typed, so that
    every replica writes the same bytes for the same question) with ``limit`` and ``offset``."""
    fixed = [(k, str(v)) for k, v in params]

    def url(at: int) -> str:
        return f"{base.rstrip('/')}{path}?{urlencode([*fixed, ('limit', limit), ('offset', at)], safe=':')}"

    return (url(offset + limit) if more else None), (url(max(0, offset - limit)) if offset > 0 else None)


class Fact(BaseModel):
    """One sourced fact of the graph: subject, predicate, object, qualifiers and sources.

    For an n-ary fact (a restraint, a muscle action) ``fact`` names the fact node and
    ``qualifiers`` carry its other roles (joint, positions, role, contribution).
    """

    subject: EntityRef
    predicate: EntityRef
    object: EntityRef | None = None
    value: str | None = None
    qualifiers: dict[str, list[EntityRef] | str] = Field(default_factory=dict)
    fact: EntityRef | None = None
    inferred: bool = False
    sources: list[EntityRef] = Field(default_factory=list)
    note: str | None = None
    known_by: EntityRef | None = Field(
        default=None,
        description="How the fact is known: measured in the cited study, stated by the source, or the editor's "
        "reading of it (akg:knownBy); absent for a relation its source states (a relation that is the editor's "
        "reading of its source says so here).",
    )


def source_labels(facts: Iterable[Fact]) -> str:
    """The sources behind these facts, each once, in order: one cell of a notebook table."""
    return "; ".join(dict.fromkeys(source.label for fact in facts for source in fact.sources))


def fact_detail(fact: Fact) -> str:
    """A fact's qualifiers and note as one line (``joint: talocrural joint; role: primary``), for a fact that has
    no node of its own whose label would say it."""
    parts = [
        f"{key}: {value if isinstance(value, str) else ', '.join(ref.label for ref in value)}"
        for key, value in fact.qualifiers.items()
    ]
    return "; ".join([*parts, *(["inferred"] if fact.inferred else []), *([fact.note] if fact.note else [])])


class RuleRef(BaseModel):
    """An inference rule from data/rules/, as applied to reach a conclusion."""

    id: str
    label: str
    description: str | None = None


class XrefOut(BaseModel):
    model_config = DEFERRED

    id: str = Field(examples=["UBERON:0013725"])
    iri: str | None = Field(default=None, examples=["http://purl.obolibrary.org/obo/UBERON_0013725"])
    predicate: str | None = Field(
        default=None, examples=["skos:exactMatch"], description="The mapping's SKOS predicate (mappings.sssom.tsv)."
    )
    justification: str | None = Field(
        default=None, examples=["semapv:LexicalMatching"], description="How the mapping was made (semapv)."
    )
    source: EntityRef | None = None
    note: str | None = None


class RelationTarget(BaseModel):
    model_config = DEFERRED

    target: EntityRef
    inferred: bool = False
    qualifiers: dict[str, str] = Field(default_factory=dict)
    sources: list[EntityRef] = Field(default_factory=list)


class RelationGroup(BaseModel):
    model_config = DEFERRED

    predicate: EntityRef
    targets: list[RelationTarget]


class EntityDetail(Tabular, EntityEntry):
    """Everything the graph says about one entity, each relation with its sources."""

    definition: str | None = None
    definition_source: EntityRef | None = None
    synonyms: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)
    latin_name: str | None = None
    xrefs: list[XrefOut] = Field(default_factory=list)
    deprecated: bool = False
    annotations: dict[str, list[str]] = Field(
        default_factory=dict, description="Other literal properties (e.g. a reference's title and DOI)."
    )
    relations: list[RelationGroup] = Field(default_factory=list)
    restraints: list[Fact] = Field(default_factory=list, description="Restraints this structure provides.")
    actions: list[Fact] = Field(default_factory=list, description="Motions this muscle produces.")
    restrained_by: list[Fact] = Field(default_factory=list, description="For a motion or joint: what restrains it.")
    treatments: list[Fact] = Field(
        default_factory=list,
        description="Graded treatment facts (educational): for a condition, its treatments; for a treatment, the "
        "conditions it is graded for. Each names the evidence level (GRADE certainty, or the guideline's own scale "
        "mapped to it, as the note says), the recommendation and the review or guideline behind it.",
    )
    supports: list[Fact] = Field(
        default_factory=list,
        description="For a reference: every asserted fact that cites it (relations, restraints, muscle actions, "
        "graded treatments), so a reader can see what rests on a source.",
    )
    defines: list[EntityRef] = Field(
        default_factory=list, description="For a reference: the entities whose definition it gives."
    )
    impact: str | None = Field(
        default=None,
        description="Where to ask what follows if this entity is injured or present (an anatomical structure or "
        "a condition): a path of GET /v1/impact; null for entities the impact engine does not take.",
        examples=["/v1/impact?injured=ANKLE:0000016"],
    )
    notice: str | None = None

    def as_table(self) -> Table:
        """One row per name, cross-reference and fact (relations, restraints, actions, treatments...)."""
        rows: list[dict[str, Cell]] = []

        def row(
            section: str,
            predicate: str,
            label: str | None,
            id: str | None = None,
            detail: str | None = None,
            sources: str | None = None,
        ) -> None:
            values = (section, predicate, label, id, detail, sources)
            rows.append(dict(zip(ENTITY_COLUMNS, values, strict=True)))

        if self.definition:
            source = self.definition_source.label if self.definition_source else None
            row("definition", "definition", self.definition, sources=source)
        for kind, names in (("synonym", self.synonyms), ("abbreviation", self.abbreviations)):
            for name in names:
                row("names", kind, name)
        if self.latin_name:
            row("names", "Latin name", self.latin_name)
        for xref in self.xrefs:
            row("xrefs", "cross-reference", None, xref.id, xref.note, xref.source.label if xref.source else None)
        for group in self.relations:
            for target in group.targets:
                qualifiers = [f"{key}: {value}" for key, value in target.qualifiers.items()]
                detail = "; ".join([*qualifiers, *(["inferred"] if target.inferred else [])])
                sources = "; ".join(source.label for source in target.sources)
                row("relations", group.predicate.label, target.target.label, target.target.id, detail, sources)
        facts = {
            "restraints": self.restraints,
            "actions": self.actions,
            "restrained_by": self.restrained_by,
            "treatments": self.treatments,
            "supports": self.supports,
        }
        for section, listed in facts.items():
            for fact in listed:
                other = fact.object if fact.object and fact.object.id != self.id else fact.subject
                label = fact.value if fact.object is None and fact.value is not None else other.label
                detail = fact.fact.label if fact.fact else fact_detail(fact)
                if section == "treatments" and fact.note:  # the recommendation: whom it covers, why that level
                    detail = f"{detail}. {fact.note}"
                if section in ("restraints", "restrained_by"):  # one line per role: say where each holds (r33 E1)
                    label = f"{label} ({_positions(fact)})"
                row(section, fact.predicate.label, label, other.id, detail, source_labels([fact]))
        for ref in self.defines:
            row("defines", "defines", ref.label, ref.id)
        return Table(
            title=f"{self.label} ({self.id}) — {', '.join(t.label for t in self.types)}",
            columns=ENTITY_COLUMNS,
            rows=rows,
            notice=self.notice or EDUCATIONAL_NOTICE,
            group_by="section",
            captions=ENTITY_SECTIONS,
        )


def _positions(fact: Fact) -> str:
    """The positions a restraint fact holds in, as its qualifiers say ("position not stated" when none)."""
    positions = fact.qualifiers.get("positions")
    if isinstance(positions, list) and positions:
        return ", ".join(p.label for p in positions)
    return "position not stated"


#: The columns of an entity as a table.
ENTITY_COLUMNS = ("section", "predicate", "label", "id", "detail", "sources")
#: Captions of an entity's sections in a notebook.
ENTITY_SECTIONS = {
    "definition": "Definition",
    "names": "Names",
    "xrefs": "Cross-references",
    "relations": "Relations",
    "restraints": "Restraints it provides",
    "actions": "Motions it produces",
    "restrained_by": "What restrains it",
    "treatments": "Graded treatments (educational)",
    "supports": "Facts this source supports",
    "defines": "Entities this source defines",
}


class EntityPage(Page[EntityEntry]):
    """A page of entities, ordered by id."""


class SearchHitOut(EntityEntry):
    """An entity that matched, and how."""

    score: float = Field(
        description="The kind of match (exact 1.0, prefix 0.9, word 0.8, fuzzy up to 0.7), less 0.02 for a name "
        "other than the label and 0.03 for an entity that is not anatomy; hits come in this order."
    )
    match: str = Field(examples=["exact", "prefix", "word", "fuzzy"], description="How the text matched.")
    matched_field: str = Field(examples=["label", "abbreviation", "synonym"])
    matched_text: str


class SearchResults(Page[SearchHitOut]):
    """A page of ranked hits."""

    query: str = Field(description="The text searched for, as given.")


class GraphNode(EntityEntry):
    """A node of a neighbourhood: an entity, or an n-ary fact node (a restraint, a muscle action)."""

    entity: bool = Field(
        default=True,
        description="Whether the node has its own page at /v1/entities/{id}; false for an n-ary fact (a restraint, "
        "a muscle action), which is reached through its participants.",
    )


class GraphLink(BaseModel):
    """An edge of the graph, as stored; ``source`` and ``target`` are ids of ``nodes``."""

    model_config = DEFERRED

    source: str = Field(examples=["ANKLE:0000016"])
    target: str = Field(examples=["ANKLE:0000002"])
    predicate: EntityRef
    inferred: bool
    sources: list[EntityRef]


class Neighbourhood(Page[GraphLink]):
    """The links around one entity, a page at a time, with the nodes they join (node-link JSON: the links are
    ``items``, so networkx reads it with ``node_link_graph(data, edges="items")``)."""

    center: EntityRef
    depth: int
    directed: bool = True
    multigraph: bool = True
    nodes: list[GraphNode] = Field(description="The centre and every node the links of this page join, by id.")


class PathStep(BaseModel):
    """One edge of a path, as stored (it may point against the walking direction)."""

    model_config = DEFERRED

    subject: EntityRef
    predicate: EntityRef
    object: EntityRef
    inferred: bool = False
    sources: list[EntityRef] = Field(default_factory=list)


class PathOut(BaseModel):
    """One path, its steps in walking order."""

    model_config = DEFERRED

    length: int = Field(description="Hops.")
    steps: list[PathStep]


class Paths(Page[PathOut]):
    """The shortest connections between two entities in the graph, shortest first, a page at a time."""

    source: EntityRef
    target: EntityRef
    length: int | None = Field(description="Hops of the shortest path; null when none is within max_length.")
