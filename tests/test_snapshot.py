"""The snapshot `anklekg build` stores (app/snapshot.py): a start on the same data and code loads it instead of parsing,
gives the very answers a full load gives, and any change, or a snapshot that cannot be trusted or read, is a full
load that says why."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.kg import AnkleKG
from app.settings import Settings
from app.snapshot import BROWSE, KNOWLEDGE, LINKS, Snapshot

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("snapshot") / "data"
    shutil.copytree(DATA, target)
    return target


def settings_for(data_dir: Path, cache_dir: Path) -> Settings:
    """As `anklekg build --data-dir DATA --no-shacl` makes them."""
    return Settings(data_dir=data_dir, cache_dir=cache_dir, shacl_on_start=False)


@pytest.fixture(scope="module")
def built(data_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A cache folder into which `anklekg build` stored the snapshot of ``data_copy``."""
    cache = tmp_path_factory.mktemp("cache")
    assert main(["build", "--data-dir", str(data_copy), "--cache-dir", str(cache), "--no-shacl"]) == 0
    return settings_for(data_copy, cache)


def test_build_stores_a_snapshot_that_a_start_loads(built: Settings) -> None:
    snapshot = Snapshot.of(built)
    assert snapshot is not None and snapshot.why_unusable() is None
    kg = AnkleKG.load(built)
    assert kg.source == f"snapshot {snapshot.directory}"
    assert kg.validation is not None and kg.validation.ok  # the report the build validated
    assert kg.dataset_file == snapshot.directory / "dataset.nq" and kg.dataset_file.is_file()


def test_a_snapshot_gives_the_answers_of_a_full_load(built: Settings) -> None:
    from_snapshot = AnkleKG.load(built)
    full = AnkleKG.load(built.model_copy(update={"cache_dir": None}))
    assert full.source.startswith("full load (")
    for kg in (from_snapshot, full):
        kg.warm()  # the graph and the profiles, as the server reads them after its port opens
    assert from_snapshot.counts() == full.counts()
    assert len(from_snapshot.dataset) == len(full.dataset)
    for ask in (
        lambda kg: kg.impact(["ATFL", "CFL"]),
        lambda kg: kg.entity("ATFL"),
        lambda kg: kg.paths("sural nerve", "ATFL"),
        lambda kg: kg.neighbours("ATFL", depth=2),
        lambda kg: kg.neighbours("lateral malleolus", depth=3, predicates=["akg:partOf", "akg:attachesTo"]),
        lambda kg: kg.browse(),
        lambda kg: kg.differential(positive_tests=["anterior drawer test"], mechanism=("inversion", "plantarflexion")),
    ):
        assert ask(from_snapshot).model_dump_json() == ask(full).model_dump_json()
    assert [h.term.id for h in from_snapshot.search("talofib")] == [h.term.id for h in full.search("talofib")]
    # blank nodes keep the loader's names (b0, b1...), so replicas write the same bytes either way
    assert sorted(map(str, from_snapshot.store)) == sorted(map(str, full.store))


def test_a_snapshot_keeps_the_links_and_the_browse_groups_a_start_reads(built: Settings) -> None:
    """The warm-up reads them from the snapshot (the browse groups' queries are not run over the store again), and
    they are those of a full load; the networkx projection is not kept, and is projected from the records alike."""
    snapshot = Snapshot.of(built)
    assert snapshot is not None
    assert (snapshot.directory / LINKS).is_file() and (snapshot.directory / BROWSE).is_file()
    assert not (snapshot.directory / "graph.pickle").exists()
    from_snapshot = AnkleKG.load(built)
    full = AnkleKG.load(built.model_copy(update={"cache_dir": None}))
    assert from_snapshot.stored_browse is not None and from_snapshot.stored_browse() == full.browse_groups
    a, b = from_snapshot.kb.links, full.kb.links
    assert (a.nodes, a.predicates, a.labels) == (b.nodes, b.predicates, b.labels)
    assert all(list(a.out_edges(n)) == list(b.out_edges(n)) and list(a.in_edges(n)) == list(b.in_edges(n))
               for n in a.nodes)  # fmt: skip
    assert sorted(from_snapshot.graph.edges(keys=True)) == sorted(full.graph.edges(keys=True))


def test_one_changed_byte_of_the_data_is_a_full_load(built: Settings, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(built.data_dir, data)
    changed = settings_for(data, built.cache_dir or tmp_path)
    (data / "ankle_ontology.ttl").write_bytes((data / "ankle_ontology.ttl").read_bytes() + b"\n")
    kg = AnkleKG.load(changed)
    assert kg.source.startswith("full load (no snapshot for these data and code"), kg.source
    assert kg.dataset_file is None


def test_a_snapshot_others_may_write_to_is_not_trusted(built: Settings) -> None:
    snapshot = Snapshot.of(built)
    assert snapshot is not None
    mode = snapshot.directory.stat().st_mode
    try:
        os.chmod(snapshot.directory, mode | 0o020)  # group-writable: someone else could have put a pickle there
        assert "not trusted" in (snapshot.why_unusable() or "")
        kg = AnkleKG.load(built)
        assert kg.source.startswith("full load (") and "not trusted" in kg.source
    finally:
        os.chmod(snapshot.directory, mode)


def test_a_snapshot_that_cannot_be_read_is_a_full_load(built: Settings, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    shutil.copytree(built.cache_dir or tmp_path, cache)
    settings = built.model_copy(update={"cache_dir": cache})
    snapshot = Snapshot.of(settings)
    assert snapshot is not None
    os.chmod(cache, 0o700)
    (snapshot.directory / KNOWLEDGE).write_bytes(b"not a pickle")
    kg = AnkleKG.load(settings)
    assert kg.source.startswith("full load (") and kg.dataset_file is None
    assert kg.impact(["ATFL"]).destabilised_motions  # and it answers


def test_without_a_cache_folder_there_is_no_snapshot(data_copy: Path) -> None:
    settings = Settings(data_dir=data_copy, cache_dir=None, validate_on_start=False)
    assert Snapshot.of(settings) is None
    assert AnkleKG.load(settings).source == "full load (no cache folder is set (ANKLEKG_CACHE_DIR))"


QUERIES_ON_BLANK_NODES = (
    # axioms are blank nodes: their names must be the snapshot's on every store, or replicas would differ
    "PREFIX owl: <http://www.w3.org/2002/07/owl#> SELECT ?ax ?s ?p ?o WHERE { ?ax owl:annotatedSource ?s ; "
    "owl:annotatedProperty ?p ; owl:annotatedTarget ?o }",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
)


@pytest.mark.slow
def test_workers_open_a_large_datasets_on_disk_store_and_answer_the_same(tmp_path: Path, live_server: Any) -> None:
    """From ``sparql_on_disk_bytes`` (0 here, so the bundled graph counts as large) `anklekg build` keeps the SPARQL
    dataset in an on-disk store, and the server's workers open it read-only instead of each parsing a copy: the
    same answers as workers holding the dataset in memory (the session's server): the same rows, blank nodes named
    alike (the order of rows a query leaves unordered is each store's own)."""
    import json
    import subprocess
    import sys

    import httpx

    from tests.balancer import children
    from tests.conftest import LiveServer, running

    env = {"ANKLEKG_CACHE_DIR": str(tmp_path / "cache"), "ANKLEKG_SPARQL_ON_DISK_BYTES": "0"}
    build = [sys.executable, "-m", "app", "build", "--no-impact-answers"]  # the tests below build them (~10 s)
    subprocess.run(build, env={**os.environ, **env}, check=True, capture_output=True)
    (snapshot,) = (tmp_path / "cache").glob("snapshot-*")
    assert (snapshot / "dataset.oxigraph").is_dir() and (snapshot / "dataset.nq").is_file()
    with running(LiveServer(env=env)) as server:
        opened = [Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0") for pid in children(server.process.pid)]
        workers = [argv for argv in opened if any(part.endswith(b"sparql.worker") for part in argv)]
        assert workers and all(argv[3] == str(snapshot / "dataset.oxigraph").encode() for argv in workers), opened
        for query in QUERIES_ON_BLANK_NODES:
            params = {"query": query}
            accept = {"accept": "application/sparql-results+json"}
            on_disk = httpx.get(server.url + "/sparql", params=params, headers=accept, timeout=30)
            in_memory = httpx.get(live_server.url + "/sparql", params=params, headers=accept, timeout=30)
            assert on_disk.status_code == in_memory.status_code == 200
            rows = [sorted(json.dumps(b, sort_keys=True) for b in r.json()["results"]["bindings"])
                    for r in (on_disk, in_memory)]  # fmt: skip
            assert rows[0] == rows[1] and rows[0], query


def test_the_fingerprint_reads_the_library_versions_importlib_metadata_gives() -> None:
    """The versions read from the dist-info folder names are those importlib.metadata reads from their metadata."""
    from importlib.metadata import version

    from app.snapshot import _LIBRARIES, _library_versions

    assert _library_versions(_LIBRARIES) == {name: version(name) for name in _LIBRARIES}
    assert _library_versions(["no-such-library-for-anklekg"]) == {"no-such-library-for-anklekg": "absent"}


# -- the single-injury impact answers `anklekg build` keeps (app/api/stored.py) -----------------------------------
def _app(kg: AnkleKG) -> Any:
    """The service's ASGI app over ``kg``, with what its lifespan would set (no SPARQL workers: not needed here)."""
    from app.api.answer_cache import AnswerCache
    from app.api.main import create_app

    app = create_app(kg)
    app.state.kg = kg
    app.state.answer_cache = AnswerCache(kg.settings.answer_cache_bytes)
    return app


def _ask(app: Any, method: str, url: str, headers: dict[str, str]) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """One request straight to ``app``: its status, raw headers (in order) and raw body (gzipped if it was)."""
    import asyncio

    path, _, query = url.partition("?")
    raw = [(b"host", b"127.0.0.1:8000"), *((k.encode(), v.encode()) for k, v in headers.items())]
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": query.encode(), "root_path": "", "headers": raw,
        "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000), "state": {},
    }  # fmt: skip
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], list(start["headers"]), body


def test_build_keeps_every_single_injury_answer_as_the_route_makes_it(built: Settings) -> None:
    """The stored answers are each single-injury question's bytes in the two renderings kept, with their ETag and
    their gzipped bytes as the answer cache makes them; checked here on a sample, against a full load's engine."""
    import gzip

    from app.api.caching import release_etag
    from app.api.encoder import dump_json
    from app.api.stored import STORED_EXPLAINS, compress, single_injury_questions, stored_key, trim
    from app.snapshot import ANSWERS

    snapshot = Snapshot.of(built)
    assert snapshot is not None and (snapshot.directory / ANSWERS).is_file()
    kept = AnkleKG.load(built).impact_answers
    full = AnkleKG.load(built.model_copy(update={"cache_dir": None}))
    questions = single_injury_questions(full.kb)
    assert kept is not None and len(kept) == len(STORED_EXPLAINS) * len(questions) > 2000
    for curie, grade, at in [*questions[::61], (full.resolve("ATFL").id, 3, None)]:
        for explain in STORED_EXPLAINS:
            found = kept.get(stored_key((curie, grade), at, explain))
            assert found is not None, (curie, grade, at, explain)
            etag, gzipped = found
            body = gzip.decompress(gzipped)
            assert body == dump_json(trim(full.impact([(curie, grade)], position=at), explain)), (curie, grade, at)
            assert etag == release_etag(body) and gzipped == compress(body)
    assert kept.get(stored_key((curie, grade), at, "none")) is None  # not kept: computed


#: Requests whose answers the stored path and the computing path must give alike (byte for byte, headers too), and
#: whether the snapshot's server reads them from the snapshot
SAME_ANSWERS = [
    ("/v1/impact?injured=ATFL", True),
    ("/v1/impact?injured=anterior%20talofibular%20ligament&grade=3", True),
    ("/v1/impact?injured=CFL&grade=1&position=plantarflexion", True),
    ("/v1/impact?injured=ATFL&grade=2&position=dorsiflexion&explain=rules", True),
    ("/v1/impact?injured=deltoid%20ligament&explain=full&position=neutral", True),
    ("/v1/impact?injured=ATFL&injured=ATFL", True),  # one injury, named twice: the same question
    ("/v1/impact?injured=ATFL&position=Plantarflexion&format=json&_=1", True),  # routed, then read from the snapshot
    ("/v1/impact?injured=ATFL&explain=rules&explain=full", True),  # routed: the last explain counts
    ("/v1/impact?injured=ATFL&grade=03", True),  # routed (digits, not the plainest form), then read
    ("/v1/impact?injured=ATFL&grade=3&grade=3", False),  # routed: a problem (two grades for one injury)
    ("/v1/impact?injured=ATFL&position=", False),  # routed: a problem
    ("/v1/impact?injured=ATFL&position=inversion", False),  # routed: not a position
    ("/v1/impact?injured=ATFL&explain=none", False),  # not kept: computed by both
    ("/v1/impact?injured=ATFL&injured=CFL", False),  # several injuries: computed by both
    ("/v1/impact?injured=ATFX", False),  # a problem
    ("/v1/impact?injured=lateral%20ankle%20sprain", True),  # a condition without a grade: read at each, kept too
    ("/v1/impact?injured=lateral%20ankle%20sprain&grade=3", True),  # its grade III: another answer, kept
    ("/v1/impact?injured=Achilles%20tendonitis", False),  # a related name: its answer says so, computed
]
VARIANTS = [
    ("GET", {}),
    ("GET", {"accept-encoding": "gzip, deflate"}),
    ("HEAD", {"accept-encoding": "gzip"}),
    ("GET", {"accept-encoding": "gzip", "origin": "https://example.org"}),
]


def test_a_server_from_the_snapshot_answers_single_injuries_with_the_bytes_it_would_compute(built: Settings) -> None:
    """Each request asked first of a fresh server (an answer-cache miss), in each variant the cache key leaves to
    the response (encoding, HEAD, CORS, If-None-Match), then again (a hit, answered by the edge): the same status,
    headers and bytes from a server over the snapshot as from one that computes; single-injury answers in the
    renderings kept are read from the snapshot, the others computed."""
    stored_app = _app(AnkleKG.load(built))
    computing_app = _app(AnkleKG.load(built.model_copy(update={"cache_dir": None})))
    from app.api.answer_cache import AnswerCache

    reads = 0
    for url, kept in SAME_ANSWERS:
        for method, headers in VARIANTS:
            for app in (stored_app, computing_app):
                app.state.answer_cache = AnswerCache(app.state.kg.settings.answer_cache_bytes)  # a miss, again
            first = _ask(stored_app, method, url, headers)
            assert first == _ask(computing_app, method, url, headers), (url, method, headers)
            again = _ask(stored_app, method, url, headers)
            assert again == first == _ask(computing_app, method, url, headers), (url, method, headers)
            etag = dict(first[1]).get(b"etag")
            if etag is not None:
                conditional = {**headers, "if-none-match": etag.decode()}
                for app in (stored_app, computing_app):
                    app.state.answer_cache = AnswerCache(app.state.kg.settings.answer_cache_bytes)
                not_modified = _ask(stored_app, method, url, conditional)
                assert not_modified[0] == 304 and not_modified == _ask(computing_app, method, url, conditional)
            stats = stored_app.state.answer_cache.stats()
            assert stats["stored"] == (1 if kept else 0), (url, stats)  # from the snapshot, or computed
            assert computing_app.state.answer_cache.stats()["stored"] == 0
            reads += stats["stored"]
    assert reads == sum(kept for _, kept in SAME_ANSWERS) * len(VARIANTS)


def test_a_plain_single_injury_get_is_answered_from_the_snapshot_before_routing(
    built: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edge answers the plainest form of a stored question itself (routing costs more than the answer); with
    the route's work made to fail, such a GET is still answered, with the bytes a routed one gets."""
    from app.api.routes import impact

    app = _app(AnkleKG.load(built))
    routed = _ask(app, "GET", "/v1/impact?injured=CFL&grade=2&position=neutral&_=1", {"accept-encoding": "gzip"})

    def fail(*_: object, **__: object) -> None:
        raise AssertionError("routed")

    monkeypatch.setattr(impact, "_answer", fail)
    for url in ("/v1/impact?injured=CFL&grade=2&position=neutral", "/v1/impact?position=neutral&grade=2&injured=cfl"):
        assert _ask(app, "GET", url, {"accept-encoding": "gzip"}) == routed


def test_without_its_answers_file_a_snapshot_serves_computed_answers_and_says_so(
    built: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A snapshot built with --no-impact-answers, or whose answers file is damaged, and no snapshot at all: the
    route computes every answer (the same bytes), and the log says why once."""
    import logging

    from app.snapshot import ANSWERS

    cache = tmp_path / "cache"
    shutil.copytree(built.cache_dir or tmp_path, cache)
    os.chmod(cache, 0o700)
    settings = built.model_copy(update={"cache_dir": cache})
    snapshot = Snapshot.of(settings)
    assert snapshot is not None
    reference = _ask(_app(AnkleKG.load(built)), "GET", "/v1/impact?injured=ATFL", {})
    answers = snapshot.directory / ANSWERS
    for damage, said in (
        (lambda: answers.write_bytes(answers.read_bytes()[:-100]), "unreadable (truncated)"),
        (answers.unlink, "keeps no impact answers"),
        (None, "no stored impact answers (full load"),
    ):
        if damage is not None:
            damage()
        kg = AnkleKG.load(settings if damage is not None else built.model_copy(update={"cache_dir": None}))
        app = _app(kg)
        caplog.clear()
        with caplog.at_level(logging.INFO):
            assert _ask(app, "GET", "/v1/impact?injured=ATFL", {}) == reference
            assert _ask(app, "GET", "/v1/impact?injured=CFL", {})[0] == 200
        assert app.state.answer_cache.stats()["stored"] == 0
        assert sum(said in r.getMessage() for r in caplog.records) == 1, (said, caplog.records)
