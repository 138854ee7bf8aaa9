"""The HTTP edge (app/api/edge.py): one middleware for the whole stack, and a GET answered from the answer cache
answered again before routing, with the very bytes and headers its route gave.

Each test asks for a URL no earlier test asked for (a ``_`` cache-buster, which the strict parameter check lets
through, or a query of its own), so that its first request goes to the route and the next ones to the edge.
"""

from __future__ import annotations

import json
import uuid

import httpx
import pytest

from app.api.answer_cache import MAX_REMEMBERED_BYTES, AnswerCache

#: Answers that come from the answer cache: entity, impact, search, a paged list, paths.
CACHED = [
    "/v1/entities/ATFL",
    "/v1/impact?injured=ATFL&explain=rules",
    "/v1/search?q=talofibular",
    "/v1/entities?limit=20",
    "/v1/paths?from=sural%20nerve&to=ATFL",
]


def fresh(path: str) -> str:
    """``path`` with a cache-buster no other request carried."""
    return f"{path}{'&' if '?' in path else '?'}_={uuid.uuid4().hex}"


def comparable(response: httpx.Response) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers (without the date, which moves) and raw bytes, as sent."""
    headers = sorted((k.lower(), v) for k, v in response.headers.multi_items() if k.lower() != "date")
    return response.status_code, headers, response.read()


@pytest.mark.parametrize("path", CACHED)
@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_a_repeated_get_gets_the_same_bytes_and_headers(client: httpx.Client, path: str, encoding: str) -> None:
    url = fresh(path)
    with client.stream("GET", url, headers={"accept-encoding": encoding}) as first:
        routed = comparable(first)
    for _ in range(2):
        with client.stream("GET", url, headers={"accept-encoding": encoding}) as again:
            assert comparable(again) == routed
    status, headers, _ = routed
    names = [k for k, _ in headers]
    assert status == 200 and names.count("vary") == 1 and names.count("etag") == 1
    assert ("content-encoding", "gzip") in headers if encoding == "gzip" else "content-encoding" not in names
    assert dict(headers)["vary"] == "Accept-Encoding, Origin"  # each once (the stack used to repeat Accept-Encoding)


@pytest.mark.parametrize("path", CACHED[:3])
def test_a_repeated_get_is_still_conditional_and_head_still_has_no_body(client: httpx.Client, path: str) -> None:
    url = fresh(path)
    first = client.get(url)
    tag = first.headers["etag"]
    not_modified = client.get(url, headers={"if-none-match": f'"other", W/{tag}'})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified.headers["etag"] == tag and "content-type" not in not_modified.headers
    assert not_modified.headers["x-anklekg-version"] and not_modified.headers["cache-control"]
    assert client.get(url, headers={"if-none-match": '"0.0.0-stale"'}).content == first.content
    for encoding in ("identity", "gzip"):
        get, head = (client.request(m, url, headers={"accept-encoding": encoding}) for m in ("GET", "HEAD"))
        assert head.status_code == 200 and head.content == b"" and head.headers["etag"] == tag
        assert head.headers["content-length"] == get.headers["content-length"]
        assert head.headers.get("content-encoding") == get.headers.get("content-encoding")


def test_a_remembered_list_is_not_served_to_another_host(client: httpx.Client) -> None:
    """List answers carry absolute links built from Host: the edge keys a request by it, so one client's Host never
    reaches another's links."""
    url = fresh("/v1/entities?limit=2")
    port = str(client.base_url.port)
    by_host: dict[str, bytes] = {}
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"127.0.0.1:{port}", f"localhost:{port}"):
        answer = client.get(url, headers={"host": host})
        assert answer.status_code == 200
        assert answer.json()["next"].startswith(f"http://{host}/v1/entities?")
        assert by_host.setdefault(host, answer.content) == answer.content


def test_a_remembered_sparql_answer_follows_accept(client: httpx.Client) -> None:
    query = f'SELECT ?s WHERE {{ ?s ?p "{uuid.uuid4().hex}" }}'
    for accept, media in [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
    ] * 2:
        answer = client.get("/sparql", params={"query": query}, headers={"accept": accept})
        assert answer.status_code == 200 and answer.headers["content-type"].startswith(media), accept
        assert answer.headers["vary"].startswith("Accept")


def test_a_remembered_request_still_passes_the_guard_and_cors(client: httpx.Client) -> None:
    url = fresh("/v1/entities/ATFL")
    assert client.get(url).status_code == 200
    refused = client.get(url, headers={"host": "attacker.example"})
    assert refused.status_code == 400 and refused.json()["type"].endswith("/unknown-host")
    cross = client.get(url, headers={"origin": "https://learn.example"})
    assert cross.status_code == 200 and cross.headers["access-control-allow-origin"] == "*"
    assert "etag" in cross.headers["access-control-expose-headers"].lower()
    assert "access-control-allow-origin" not in client.get(url).headers


def test_the_cache_remembers_requests_only_while_their_answer_is_kept() -> None:
    cache = AnswerCache(max_bytes=10_000)
    request = ("/v1/entities/ATFL", b"", "http", "", b"127.0.0.1", b"")
    assert cache.for_request(request) is None
    cache.put(("entity", "ANKLE:0000016"), b"x" * 1000)
    cache.remember(request, ("entity", "ANKLE:0000016"))
    kept = cache.for_request(request)
    assert kept is not None and kept.body == b"x" * 1000 and cache.stats()["hits"] == 1
    for i in range(20):  # pushes the entry out of its 10,000 bytes
        cache.put(("entity", str(i)), b"y" * 1000)
    assert cache.for_request(request) is None and cache.stats()["hits"] == 1
    off = AnswerCache(max_bytes=0)
    off.remember(request, ("entity", "ANKLE:0000016"))
    assert off.for_request(request) is None


def test_an_answer_is_gzipped_only_once_a_client_asks_and_then_counted_against_the_budget() -> None:
    """A client taking identity never pays for gzip; the first that accepts it makes the bytes once (the same
    bytes every time, the same headers before and after), and the cache counts them, evicting the oldest."""
    import gzip as gz

    body = json.dumps([{"id": i, "label": f"structure {i}"} for i in range(400)]).encode()
    cache = AnswerCache(max_bytes=2 * len(body) + 100)  # two plain bodies and their keys, not a gzipped one too
    answer = cache.put(("impact", "a"), body)
    before = cache.stats()["bytes"]
    status, plain_headers, sent = answer.parts("identity", None)
    assert status == 200 and sent == body and answer.gzipped is None and cache.stats()["bytes"] == before
    status, zipped_headers, zipped = answer.parts("gzip, br", None)
    assert status == 200 and zipped == gz.compress(body, 6, mtime=0) and answer.parts("gzip", None)[2] is zipped
    assert cache.stats()["bytes"] == before + len(zipped)
    assert dict(plain_headers)[b"vary"] == dict(zipped_headers)[b"vary"] == b"Accept-Encoding"
    assert dict(plain_headers)[b"etag"] == dict(zipped_headers)[b"etag"]
    cache.put(("impact", "b"), body)  # no room for both plain bodies and a gzipped one: the oldest went
    assert cache.get(("impact", "a")) is None and cache.stats()["bytes"] <= cache.max_bytes
    second, third = cache.get(("impact", "b")), cache.put(("impact", "c"), body)
    assert second is not None and cache.stats()["bytes"] == second.size + third.size
    answer.parts("gzip", None)  # an evicted answer may still be sent; it is counted no more
    assert cache.stats()["bytes"] == second.size + third.size


def test_a_stored_answer_is_kept_gzipped_until_a_client_takes_identity() -> None:
    """An answer read from the snapshot (app/api/stored.py) arrives gzipped: sent as it is to a client that takes
    gzip, decompressed once for the first that does not (the same headers either way), and counted when it is; a
    damaged read is no answer (the route computes), a small one is kept as its body (never sent gzipped)."""
    import gzip as gz

    from app.api.caching import release_etag

    body = json.dumps([{"id": i, "label": f"structure {i}"} for i in range(400)]).encode()
    zipped, etag = gz.compress(body, 6, mtime=0), release_etag(body)
    cache = AnswerCache(max_bytes=10 * len(body))
    answer = cache.read(("impact", "s"), lambda: (etag, zipped))
    assert answer is not None and answer.body is None and cache.stats()["stored"] == 1
    before = cache.stats()["bytes"]
    status, zipped_headers, sent = answer.parts("gzip", None)
    assert status == 200 and sent is zipped and answer.body is None and cache.stats()["bytes"] == before
    status, plain_headers, sent = answer.parts("", None)
    assert status == 200 and sent == body and cache.stats()["bytes"] == before + len(body)
    assert answer.parts("", None)[2] is sent  # once
    computed = AnswerCache(max_bytes=10 * len(body)).put(("impact", "s"), body)
    assert plain_headers == computed.parts("", None)[1] and zipped_headers == computed.parts("gzip", None)[1]
    assert answer.parts("gzip", etag)[0] == 304

    def damaged() -> tuple[str, bytes]:
        raise OSError("the answer is not as it was written")

    assert cache.read(("impact", "d"), damaged) is None and cache.stats()["stored"] == 1
    small = cache.read(("impact", "t"), lambda: (release_etag(b"{}"), gz.compress(b"{}", 6, mtime=0)))
    assert small is not None and small.body == b"{}" and small.gzipped is None and not small.zippable


def test_the_requests_remembered_are_bounded_in_bytes() -> None:
    """A flood of distinct (or long) URLs cannot grow the memory of remembered requests without end."""
    cache = AnswerCache(max_bytes=10_000)
    cache.put(("sparql", "q"), b"{}")
    long_query = b"query=" + b"x" * 600_000  # a large SPARQL GET: answered through its route, never remembered
    cache.remember(("/sparql", long_query, "http", "", b"h", b""), ("sparql", "q"))
    assert cache.for_request(("/sparql", long_query, "http", "", b"h", b"")) is None
    first = ("/sparql", b"query=0" + b"y" * 100_000, "http", "", b"h", b"")
    cache.remember(first, ("sparql", "q"))
    assert cache.for_request(first) is not None
    for i in range(1, 200):  # 200 x 100 KB: far past the budget, so the oldest go
        cache.remember(("/sparql", f"query={i}".encode() + b"y" * 100_000, "http", "", b"h", b""), ("sparql", "q"))
    assert cache.for_request(first) is None
    assert cache._request_bytes <= MAX_REMEMBERED_BYTES


@pytest.mark.slow
def test_a_remembered_request_is_answered_before_routing(in_process: tuple[str, object]) -> None:
    """Take the entities router away after one answer: the remembered request is still answered, by the edge, with
    the same bytes; a spelling never asked for goes to routing and finds no route."""
    from app.api.routes import entities

    url, app = in_process
    first = httpx.get(url + "/v1/entities/ATFL", timeout=30)
    assert first.status_code == 200
    routes = app.router.routes  # type: ignore[attr-defined]
    routes[:] = [  # FastAPI 0.165 wraps an included router; earlier versions copied its routes
        r
        for r in routes
        if getattr(r, "original_router", None) is not entities.router
        and not getattr(r, "path", "").startswith("/v1/entities")
    ]
    assert httpx.get(url + "/v1/entities?limit=1", timeout=30).status_code == 404  # the router is gone
    again = httpx.get(url + "/v1/entities/ATFL", timeout=30)
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["etag"] == first.headers["etag"]
    assert httpx.get(url + "/v1/entities/anterior%20talofibular%20ligament", timeout=30).status_code == 404


def test_a_kept_answer_counts_its_key_against_the_budget() -> None:
    """Tiny answers to distinct 100 KB queries must not hold their queries' bytes beyond the cache's budget."""
    cache = AnswerCache(max_bytes=1_000_000)
    for i in range(100):
        cache.put(("sparql", f"ASK {{ ?s ?p {i} }} #" + "x" * 100_000), b"{}")
    assert cache.bytes <= 1_000_000 and cache.stats()["entries"] < 10



@pytest.mark.slow
def test_sparql_queries_are_answered_without_routing(in_process: tuple[str, object]) -> None:
    """GET and POST /sparql go from the edge straight to the SPARQL answer (FastAPI's routing and dependencies
    were a third of a never-seen query's Python): with the sparql router taken away, queries are still answered,
    their problems are still problems, and the router's other route is gone."""
    from app.api.routes import sparql

    url, app = in_process
    app.state.routers.build()  # type: ignore[attr-defined]
    routes = app.router.routes  # type: ignore[attr-defined]
    routes[:] = [r for r in routes if getattr(r, "original_router", None) is not sparql.router]
    assert httpx.get(url + "/v1/sparql/examples", timeout=30).status_code == 404  # the router is gone
    json_results = {"accept": "application/sparql-results+json"}
    got = httpx.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers=json_results, timeout=60)
    assert got.status_code == 200 and got.json() == {"head": {}, "boolean": True} and got.headers["etag"]
    posted = httpx.post(url + "/sparql", data={"query": "ASK { ?s ?p ?o }"}, headers=json_results, timeout=60)
    assert posted.status_code == 200 and posted.json()["boolean"] is True
    assert posted.headers["cache-control"] == "no-store"
    bad = httpx.get(url + "/sparql", params={"query": "SELEC ?s"}, timeout=30)
    assert bad.status_code == 400 and bad.headers["content-type"] == "application/problem+json"
