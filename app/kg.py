"""The Python API of AnkleKG: load the graph once, then ask it questions.

The REST API calls these same methods, so a notebook and the service give the same answers::

    >>> from app.kg import AnkleKG  # installed: from anklekg import AnkleKG
    >>> kg = AnkleKG.load()
    >>> kg.entity("ATFL").label
    'anterior talofibular ligament'
    >>> [m.motion.label for m in kg.impact("ATFL").destabilised_motions][:1]
    ['anterior talar translation']
    >>> label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    >>> [row["l"].value for row in kg.sparql(f"SELECT ?l WHERE {{ <{kg.resolve('ATFL').iri}> {label} ?l }}")]
    ['anterior talofibular ligament']
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .answers import Answers, note_names
from .errors import AmbiguousTerm, InvalidArgument, OntologyInvalid, UnknownTerm
from .knowledge.base import KnowledgeBase
from .knowledge.lookup import SearchHit
from .knowledge.model import Term
from .knowledge.resolver import Injury, Resolver
from .knowledge.schema import (
    ANATOMICAL_STRUCTURE,
    CLINICAL_TEST,
    DECISION_RULE,
    INJURABLE_TYPES,
    JOINT_POSITION,
    MOTION,
    SKIN_AREA,
    SYMPTOM,
)
from .loader import load_knowledge
from .models import EntityDetail, EntityPage, Neighbourhood, Paths, SearchResults
from .ontology.validation import ValidationReport
from .reasoning.impact import ImpactEngine, ImpactReport
from .reasoning.rules import load_rules
from .settings import Settings
from .sparql.dataset import build_dataset, parse_dataset_option
from .sparql.engine import run_query
from .version import __version__

if TYPE_CHECKING:
    import networkx as nx

    from .diagrams import Diagram, DiagramList, Diagrams
    from .learn import BrowseAxis, BrowseGroup, BrowseGroups, Quiz, QuizGenerator
    from .reasoning.criticality import CriticalityAnalysis, CriticalityReport
    from .reasoning.differential import DifferentialEngine, DifferentialReport, Profiles
    from .snapshot import StoredAnswers

#: The most questions one quiz holds (GET /v1/quiz?count=).
MAX_QUIZ_QUESTIONS = 20

logger = logging.getLogger(__name__)

__all__ = ["INJURABLE_TYPES", "AmbiguousTerm", "AnkleKG", "InvalidArgument", "OntologyInvalid", "UnknownTerm"]


@dataclass
class AnkleKG:
    """A loaded, validated and indexed AnkleKG: a facade over the name resolver (app.knowledge.resolver),
    the answers (app.answers), the reasoning engines (app.reasoning) and SPARQL (app.sparql)."""

    kb: KnowledgeBase
    engine: ImpactEngine
    settings: Settings
    validation: ValidationReport | None = None
    load_seconds: float = 0.0
    diagrams: Diagrams | None = None
    version: str = __version__
    #: where the graph came from: "snapshot <folder>" or "full load (<why there was no snapshot>)"
    source: str = "built in process"
    #: the SPARQL dataset as the snapshot keeps it (N-Quads), which the workers load; None: built from the store
    dataset_file: Path | None = None
    #: the differential's profiles as the snapshot keeps them (None: computed on first use)
    stored_profiles: Callable[[], Profiles | None] | None = field(default=None, repr=False)
    #: the browse groups as the snapshot keeps them (None, or a reader giving None: run from the store)
    stored_browse: Callable[[], BrowseGroups | None] | None = field(default=None, repr=False)
    #: opens the finished answers the snapshot keeps (see :attr:`impact_answers`); None: no snapshot
    stored_answers: Callable[[], StoredAnswers | None] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.resolver = Resolver(self.kb)
        self.answers = Answers(self.kb)
        # read at load, so that a group the service cannot use stops it like any other data file; a snapshot's were
        # read when it was built from the same data and kept in it, so a start from one reads them in warm()
        if not self.source.startswith("snapshot"):
            _ = self.browse_groups

    @cached_property
    def browse_groups(self) -> BrowseGroups:
        """The explorer's browse groups (data/browse/): the snapshot's, else read from the store on first use."""
        stored = self.stored_browse() if self.stored_browse is not None else None
        if stored is not None:
            return stored
        from .learn import browse_groups  # the quiz and the browse groups: imported when first used (a start's CPU)
        from .learn.browse import BROWSE_DIR_NAME

        return browse_groups(self.kb, self.settings.data_dir / BROWSE_DIR_NAME)

    @classmethod
    def load(cls, settings: Settings | None = None) -> AnkleKG:
        """Parse, validate (unless disabled) and index the ontology named by ``settings``.

        Raises OntologyLoadError on a syntax error and OntologyInvalid on ERROR-level violations.
        """
        settings = settings or Settings()
        started = time.perf_counter()
        loaded = load_knowledge(settings)
        kb = loaded.kb
        engine = ImpactEngine(kb, load_rules(settings.data_dir / "rules"))
        # a snapshot's diagrams were laid out when it was built: a start from one lays them out in warm()
        diagrams = None if loaded.source.startswith("snapshot") else _load_diagrams(settings.diagram_layout, kb)
        return cls(kb, engine, settings, loaded.report, time.perf_counter() - started, diagrams=diagrams,
                   source=loaded.source, dataset_file=loaded.dataset_file, stored_profiles=loaded.profiles,
                   stored_browse=loaded.browse, stored_answers=loaded.answers)  # fmt: skip

    def warm(self) -> None:
        """Build (or read from the snapshot) what some answers need and a start does not: the projection's links
        (paths, neighbourhoods) and the differential's per-structure profiles. The server calls this after its port
        opens; until it returns, /health says the service is not ready."""
        _ = self.kb.links
        _ = self.differential_engine.profiles
        _ = self.views
        _ = self.browse_groups
        _ = self._counts
        _ = self.impact_answers

    def dataset_source(self) -> ox.Store | Path:
        """What the SPARQL workers load: the snapshot's dataset file, else the dataset built from the store."""
        return self.dataset_file if self.dataset_file is not None else self.dataset

    @property
    def store(self) -> ox.Store:
        return self.kb.store

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The networkx projection (nodes are CURIEs; edges keyed by predicate with sources)."""
        return self.kb.graph

    @cached_property
    def dataset(self) -> ox.Store:
        """The SPARQL dataset (built on first use): asserted triples in the default graph and in
        the named graph ``…/graph/asserted``, entailments in ``…/graph/inferred``, and the extra
        files of ``settings.sparql_datasets`` in their own named graphs (app.sparql.dataset)."""
        if self.dataset_file is not None:  # the snapshot's, blank nodes named as build_dataset names them
            store = ox.Store()
            store.extend(ox.parse(path=str(self.dataset_file), format=ox.RdfFormat.N_QUADS))
            return store
        extra = [parse_dataset_option(value) for value in self.settings.sparql_datasets]
        return build_dataset(self.store, extra)

    def sparql(
        self, query: str, *, default_graphs: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a read-only SPARQL 1.1 query over :attr:`dataset`, as the /sparql endpoint does.

        Returns pyoxigraph's result (rows, a boolean or triples); raises
        ``app.sparql.engine.InvalidQuery`` (with line and column) or ``QueryRefused`` (an update
        or SERVICE). Unlike the endpoint there is no deadline: this runs in your process.
        """
        return run_query(self.dataset, query, default_graphs=default_graphs, named_graphs=named_graphs)

    # -- lookup (app.knowledge.resolver) and answers (app.answers) ----------------------------------
    def resolve(self, ref: str, *, types: Collection[str] | None = None, parameter: str = "ref") -> Term:
        """The term ``ref`` names, of ``types`` if given; see :meth:`Resolver.resolve`."""
        return self.resolver.resolve(ref, types=types, parameter=parameter)

    def resolve_classes(self, names: Collection[str], *, parameter: str = "type") -> set[str]:
        return self.resolver.resolve_classes(names, parameter=parameter)

    def resolve_predicates(self, names: Collection[str], *, parameter: str = "predicate") -> set[str]:
        return self.resolver.resolve_predicates(names, parameter=parameter)

    def search(
        self, query: str, *, types: Collection[str] | None = None, limit: int = 10, offset: int = 0
    ) -> list[SearchHit]:
        """Ranked search: exact, prefix, word, then fuzzy matches (typos), anatomy first within each; references
        only when ``types`` names them. A page of :meth:`search_page`."""
        return self.search_page(query, types=types, limit=limit, offset=offset)[0]

    def search_page(
        self, query: str, *, types: Collection[str] | None = None, limit: int = 10, offset: int = 0
    ) -> tuple[list[SearchHit], int]:
        """One page of the ranked hits, and how many hits there are in all."""
        hits = self.resolver.search(query, types=types)
        return hits[offset : offset + limit], len(hits)

    def search_results(
        self, query: str, *, types: Collection[str] | None = None, limit: int = 10, offset: int = 0, base: str = ""
    ) -> SearchResults:
        """A page of :meth:`search_page` as the REST API answers it (the list envelope; ``base`` as in
        :meth:`entities`)."""
        hits, total = self.search_page(query, types=types, limit=limit, offset=offset)
        return self.answers.search_results(query, hits, total, types=types, limit=limit, offset=offset, base=base)

    def entities(
        self, *, types: Collection[str] | None = None, limit: int = 50, offset: int = 0, base: str = ""
    ) -> EntityPage:
        """A page of entities, ordered by id, optionally of given classes (subclasses included).

        ``next``/``prev`` are the REST API's URLs for the neighbouring pages, under ``base`` (the service's root,
        e.g. ``http://127.0.0.1:8000``; root-relative when empty)."""
        return self.answers.entity_page(types=types, limit=limit, offset=offset, base=base)

    def entity(self, ref: str) -> EntityDetail:
        """Everything about one entity, relations grouped by predicate, each with its sources."""
        return self.answers.entity_detail(self.resolve(ref))

    def neighbours(
        self, ref: str, *, depth: int = 1, predicates: Collection[str] | None = None, limit: int = 500,
        offset: int = 0, base: str = "",
    ) -> Neighbourhood:
        """Node-link JSON of everything within ``depth`` hops of an entity: a page of its links (``items``)
        and the nodes they join."""
        return self.answers.neighbourhood(
            self.resolve(ref), depth=depth, predicates=predicates, limit=limit, offset=offset, base=base
        )

    def paths(
        self,
        source: str,
        target: str,
        *,
        max_length: int = 4,
        predicates: Collection[str] | None = None,
        limit: int = 10,
        offset: int = 0,
        base: str = "",
    ) -> Paths:
        """The shortest connections between two entities (any names), shortest first, each edge with its sources;
        a page of ``limit`` paths after ``offset``."""
        start, end = self.resolve(source, parameter="from"), self.resolve(target, parameter="to")
        return self.answers.paths(
            start, end, max_length=max_length, predicates=predicates, limit=limit, offset=offset, base=base
        )

    # -- reasoning (app.reasoning) ------------------------------------------------------------------
    def impact(
        self, injured: str | Sequence[Injury], *, grade: int | None = None, position: str | None = None
    ) -> ImpactReport:
        """What destabilises if these structures are injured: one name, or names and (name, grade) pairs. A
        structure named without a grade is taken as completely torn (grade 3); a condition named without one is read
        at every grade its name covers, and the answer keeps what all of them conclude."""
        named = self.resolver.injuries(injured, grade)
        at = None if position is None else self.resolve(position, types=(JOINT_POSITION,), parameter="position").id
        return note_names(self.engine.impact(named.pairs, at, named.ungraded), named.names)

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
        strong_motions: Sequence[str] = (),
        normal_sensation: Sequence[str] = (),
        tender_sites: Sequence[str] = (),
    ) -> DifferentialReport:
        """Ranked candidate injured structures for the findings (names in any form), with reasons. Normal findings
        (a motion of normal strength, skin of normal sensation) count against the candidates that predict
        otherwise; alone they rank nothing."""
        ids = self.resolver.resolve_ids
        from .reasoning.differential import ClinicalFindings

        findings = ClinicalFindings(
            # a decision rule too (the Ottawa ankle rules): positive, it calls for imaging; negative, it counts
            # against the fractures it screens for (blinded reviews r31 C24, r32 D19)
            positive_tests=ids(positive_tests, (CLINICAL_TEST, DECISION_RULE), "positive_tests"),
            negative_tests=ids(negative_tests, (CLINICAL_TEST, DECISION_RULE), "negative_tests"),
            symptoms=ids(symptoms, SYMPTOM, "symptoms"),
            numbness_areas=ids(numbness_areas, SKIN_AREA, "numbness_areas"),
            weak_motions=ids(weak_motions, MOTION, "weak_motions"),
            unstable_motions=ids(unstable_motions, MOTION, "unstable_motions"),
            mechanism=self.resolver.resolve_mechanism(mechanism) if mechanism else None,
            strong_motions=ids(strong_motions, MOTION, "strong_motions"),
            normal_sensation=ids(normal_sensation, SKIN_AREA, "normal_sensation"),
            tender_sites=ids(tender_sites, ANATOMICAL_STRUCTURE, "tender_sites"),
        )
        if not findings.count() and not findings.negative_tests:
            raise InvalidArgument("findings", {}, "give at least one finding (a positive test, a symptom, ...)")
        return self.differential_engine.rank(findings, limit=limit)

    @cached_property
    def differential_engine(self) -> DifferentialEngine:
        """Built on first use (the server builds it after its port opens, see :meth:`warm`): one impact profile per
        candidate structure, read from the snapshot or computed (~0.1 s on the bundled graph)."""
        profiles = self.stored_profiles() if self.stored_profiles is not None else None
        from .reasoning.differential import DifferentialEngine  # with the profiles: after the port opens

        return DifferentialEngine(self.kb, self.engine, profiles)

    @cached_property
    def impact_answers(self) -> StoredAnswers | None:
        """The finished single-injury impact answers ``anklekg build`` kept in the snapshot (the REST API's bytes,
        app/api/stored.py), opened on first use (the server's warm-up opens them): None without a snapshot, or
        when it keeps none, which is said once in the log. :meth:`impact` never reads them: it computes."""
        opened = self.stored_answers() if self.stored_answers is not None else None
        if opened is None and not self.source.startswith("snapshot"):  # a snapshot's reader says why itself
            logger.info("no stored impact answers (%s): single-injury answers are computed on a miss", self.source)
        return opened

    # -- learning (app.learn) ------------------------------------------------------------------------
    @cached_property
    def quiz_generator(self) -> QuizGenerator:
        """Built on first use: drafting every question asks the engines (about a second)."""
        from .learn import QuizGenerator

        return QuizGenerator(self.kb, self.engine, self.differential_engine)

    def quiz(
        self,
        *,
        types: Sequence[str] = (),
        region: str | None = None,
        count: int = 10,
        seed: int | None = None,
        keys: Sequence[str] = (),
        difficulties: Sequence[str] = (),
    ) -> Quiz:
        """A self-test: ``count`` questions of ``types`` (all kinds when empty) about ``region`` (any name of an
        entity: the questions whose structure lies in, spans, attaches to or is part of it), the questions named
        by ``keys`` first. The same arguments and ``seed`` give the same quiz; without a seed one is chosen and
        returned in the answer. ``difficulties`` keeps the questions of those levels (all when empty)."""
        from .learn import Difficulty, QuestionType

        if not 1 <= count <= MAX_QUIZ_QUESTIONS:
            raise InvalidArgument("count", count, f"ask for 1 to {MAX_QUIZ_QUESTIONS} questions")
        known = {kind.value: kind for kind in QuestionType}
        for name in types:
            if name not in known:
                raise InvalidArgument("type", name, f"not a kind of question; use one of: {', '.join(known)}")
        levels = {level.value: level for level in Difficulty}
        for name in difficulties:
            if name not in levels:
                raise InvalidArgument("difficulty", name, f"not a level; use one of: {', '.join(levels)}")
        where = self.resolve(region, parameter="region").id if region else None
        chosen = secrets.randbelow(2**31) if seed is None else seed
        return self.quiz_generator.quiz(
            types=[known[t] for t in types],
            region=where,
            count=count,
            seed=chosen,
            keys=keys,
            difficulties=[levels[d] for d in difficulties],
        )

    def browse(self, *, by: BrowseAxis | None = None) -> BrowseGroups:
        """The explorer's browse groups (data/browse/), by region and by kind, or only those of ``by``."""
        from .learn import BrowseGroups

        groups = self.browse_groups.groups
        return BrowseGroups(groups=[g for g in groups if by is None or g.by == by])

    def browse_group(self, group: str) -> BrowseGroup | None:
        """One browse group by its id (None when there is no such group)."""
        return next((g for g in self.browse_groups.groups if g.id == group), None)
    # -- diagrams (app.diagrams) ---------------------------------------------------------------------------
    @property
    def views(self) -> Diagrams:
        """The schematic views, built at load (or on first use, when this AnkleKG was made without them)."""
        if self.diagrams is None:
            self.diagrams = _load_diagrams(self.settings.diagram_layout, self.kb)
        return self.diagrams

    def diagram_list(self, entity: str | None = None) -> DiagramList:
        """The schematic views; with ``entity`` (any name), only those it appears in, with what to highlight."""
        return self.views.summaries(self.resolve(entity, parameter="entity").id if entity else None)

    def diagram(self, view: str) -> Diagram:
        """One schematic view: bones, bands placed by their attachments in the graph, and what it leaves out."""
        return self.views.view(view)

    @cached_property
    def criticality_analysis(self) -> CriticalityAnalysis:
        from .reasoning.criticality import CriticalityAnalysis

        return CriticalityAnalysis(self.kb, self.engine, self.differential_engine)

    def criticality(
        self, *, types: Collection[str] | None = None, limit: int = 20, offset: int = 0, base: str = ""
    ) -> CriticalityReport:
        """Structures ranked by the breadth of their injury's impact, with betweenness centrality (a page)."""
        types = self.resolver.expand_types(types) if types else None
        return self.criticality_analysis.rank(types=types, limit=limit, offset=offset, base=base)

    def counts(self) -> dict[str, int]:
        """Sizes of the loaded graph, for /health and the README (counted once: the graph never changes, and an
        on-disk store counts its triples by reading them, 1.2 s at 100 copies; warm() counts them)."""
        return dict(self._counts)

    @cached_property
    def _counts(self) -> dict[str, int]:
        return self.kb.counts()


def _load_diagrams(layout: Path, kb: KnowledgeBase) -> Diagrams:
    """The schematic views (app.diagrams, imported here: a start from a snapshot lays them out after the port opens,
    and its imports are a start's CPU too)."""
    from .diagrams import load_diagrams

    return load_diagrams(layout, kb)
