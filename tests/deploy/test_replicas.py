"""Two replicas behind Debian's nginx with the project's own config (deploy/nginx/anklekg.conf.template).

The API tests themselves also run through this nginx (tests/conftest.py THROUGH_NGINX); here is what only a
balancer in front of several replicas can show: both replicas serve, their answers are the same bytes and ETags,
a validator from one is honoured by the other, nginx hands the app the Host and the client as its guard and its
per-client limits expect, its limits match the app's, and a replica that dies is routed around.
Every request carries a marker in its query string, by which its line in nginx's access log (which names the
replica that answered, ``upstream=``) is found.
"""

from __future__ import annotations

import re
import signal
import time
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
import rdflib

from app.settings import Settings
from tests.balancer import Nginx, upstreams_of
from tests.conftest import LiveServer, free_port, running

PROBLEM = "application/problem+json"
#: Cacheable answers of every kind: JSON, entity RDF with blank nodes, a SPARQL result, a CONSTRUCT, an export.
SAME_EVERYWHERE = [
    ("/v1/entities/ATFL", "application/json"),
    ("/v1/impact?injured=ATFL", "application/json"),
    ("/v1/search?q=talofibular", "application/json"),
    ("/ANKLE_0000016", "text/turtle"),
    ("/ANKLE_0000016", "application/ld+json"),
    ("/sparql?query=" + quote("SELECT ?s ?o WHERE { ?s <http://purl.org/dc/terms/source> ?o } LIMIT 50"),
     "application/sparql-results+json"),
    ("/sparql?query=" + quote("CONSTRUCT WHERE { ?s a <http://www.w3.org/2002/07/owl#Axiom> ; ?p ?o } LIMIT 60"),
     "text/turtle"),
    ("/v1/export/anklekg.ttl", "*/*"),
    ("/v1/export/anklekg.jsonld", "*/*"),
]  # fmt: skip


def marked(path: str) -> tuple[str, str]:
    """``path`` with a marker nobody else sends, and the marker (named with a leading ``_``, as cache-busters are:
    the JSON endpoints refuse query parameters they do not know, app/api/strict.py)."""
    marker = uuid.uuid4().hex[:12]
    return f"{path}{'&' if '?' in path else '?'}_probe={marker}", marker


def answered_by(nginx: Nginx, marker: str, count: int) -> list[list[str]]:
    """The replicas nginx tried for each of the ``count`` requests carrying ``marker`` (waits for the log)."""
    deadline = time.monotonic() + 5
    while len(lines := nginx.log_lines(marker)) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(lines) == count, lines
    return [upstreams_of(line) for line in lines]


def addresses(replicas: tuple[LiveServer, ...]) -> set[str]:
    return {f"127.0.0.1:{server.port}" for server in replicas}


def test_both_replicas_serve_and_answer_with_the_same_bytes(
    replicas: tuple[LiveServer, LiveServer], nginx_front: Nginx
) -> None:
    first, second = replicas
    for path, accept in SAME_EVERYWHERE:
        # the same request to each: with the Host the balancer passes on (list answers link to absolute URLs on it)
        headers = {"accept": accept, "accept-encoding": "identity", "host": nginx_front.url.split("//")[1]}
        answers = [httpx.get(server.url + path, headers=headers, timeout=30) for server in (first, second)]
        via, marker = marked(path)
        through = [httpx.get(nginx_front.url + via, headers=headers, timeout=30) for _ in range(2)]
        assert {a.status_code for a in [*answers, *through]} == {200}, path
        assert answers[0].content == answers[1].content, f"{path} ({accept}) differs between the replicas"
        tags = {a.headers["etag"] for a in [*answers, *through]}
        assert len(tags) == 1, f"{path} ({accept}): one release, one body, one ETag: {tags}"
        served = answered_by(nginx_front, marker, 2)
        assert {hop[-1] for hop in served} == addresses(replicas)  # round robin: one each


def test_a_validator_from_one_replica_is_honoured_by_the_other(
    replicas: tuple[LiveServer, LiveServer], nginx_front: Nginx
) -> None:
    first, second = replicas
    host = nginx_front.url.split("//")[1]  # as the balancer passes it on: the same request to each replica
    for path, accept in SAME_EVERYWHERE[:6]:
        tag = httpx.get(first.url + path, headers={"accept": accept, "host": host}).headers["etag"]
        other = httpx.get(second.url + path, headers={"accept": accept, "if-none-match": tag, "host": host})
        assert other.status_code == 304 and other.content == b"" and other.headers["etag"] == tag, path
    path, marker = marked("/v1/impact?injured=CFL")
    tag = httpx.get(nginx_front.url + path).headers["etag"]
    revalidated = [httpx.get(nginx_front.url + path, headers={"if-none-match": tag}) for _ in range(4)]
    assert [r.status_code for r in revalidated] == [304] * 4
    served = answered_by(nginx_front, marker, 5)
    assert {hop[-1] for hop in served[1:]} == addresses(replicas)  # each replica said 304 to the other's tag


def test_the_app_sees_the_clients_host_and_scheme_through_nginx(nginx_front: Nginx) -> None:
    """The VoID and SPARQL service descriptions name the address the client used (nginx's, port included);
    a forged X-Forwarded-Proto is replaced by nginx's own scheme."""
    void = httpx.get(nginx_front.url + "/.well-known/void", headers={"x-forwarded-proto": "https"})
    graph = rdflib.Graph().parse(data=void.text, format="turtle")
    endpoint = graph.value(rdflib.URIRef("https://w3id.org/anklekg/"), rdflib.URIRef("http://rdfs.org/ns/void#sparqlEndpoint"))
    assert str(endpoint) == nginx_front.url + "/sparql"
    described = httpx.get(nginx_front.url + "/sparql", headers={"accept": "text/turtle"}).text
    assert f"<{nginx_front.url}/sparql>" in described


def test_a_host_the_service_does_not_answer_for_is_refused_by_the_app_behind_nginx(nginx_front: Nginx) -> None:
    """nginx passes the client's Host on unchanged, so the app's Host guard (--allowed-host) still decides."""
    refused = httpx.get(nginx_front.url + "/v1/entities/ATFL", headers={"host": "evil.example"})
    assert refused.status_code == 400 and refused.headers["content-type"] == PROBLEM
    assert refused.json()["type"].endswith("/unknown-host") and "evil.example" in refused.json()["detail"]


def test_the_app_sees_the_client_not_nginx_and_not_a_forged_address(
    replicas: tuple[LiveServer, LiveServer], nginx_front: Nginx
) -> None:
    """The per-client SPARQL limits key on the client's address: nginx replaces X-Forwarded-For with the address
    it was reached from (here 127.0.0.2), and the app, trusting nginx (loopback), takes it; a client's own
    X-Forwarded-For is dropped."""
    path, marker = marked("/v1/entities/ATFL")
    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    with httpx.Client(transport=transport, base_url=nginx_front.url) as other_client:
        for _ in range(2):
            assert other_client.get(path, headers={"x-forwarded-for": "203.0.113.7"}).status_code == 200
    seen: list[str] = []
    deadline = time.monotonic() + 5
    while len(seen) < 2 and time.monotonic() < deadline:
        seen = [line for server in replicas for line in server.log.read_text().splitlines() if marker in line]
        time.sleep(0.05)
    assert len(seen) == 2, seen
    for line in seen:  # uvicorn's access log: "INFO: 127.0.0.2:0 - "GET ...""
        client = re.search(r"INFO:\s+(\S+?):\d+ - ", line)
        assert client is not None and client.group(1) == "127.0.0.2", line


def test_nginx_lets_through_exactly_the_bodies_the_app_takes(nginx_front: Nginx) -> None:
    """Limits no looser (a larger body is refused by nginx, as a problem) and no tighter (a body at the app's
    limit reaches the app) than the app's, on the API and on /sparql."""
    settings = Settings()
    for route, limit in (("/v1/impact", settings.max_body_bytes), ("/sparql", settings.max_sparql_body_bytes)):
        path, marker = marked(route)
        for size in (limit, limit + 1):
            answer = httpx.post(nginx_front.url + path, content=b" " * size,
                                headers={"content-type": "application/json"})  # fmt: skip
            if size > limit:
                assert answer.status_code == 413 and answer.headers["content-type"] == PROBLEM
                assert answer.json()["type"].endswith("/body-too-large") and str(limit) in answer.json()["detail"]
        at_limit, over = answered_by(nginx_front, marker, 2)
        assert at_limit and not over, f"{route}: at the limit it reached a replica, over it nginx refused it"


def test_a_long_sparql_get_is_refused_with_advice_and_the_same_query_by_post_works(nginx_front: Nginx) -> None:
    """The one place nginx is tighter than the app: request lines over 32 KiB (deploy/README.md)."""
    short = "ASK { ?s ?p ?o } #" + "x" * 20_000
    assert httpx.get(nginx_front.url + "/sparql", params={"query": short}).json()["boolean"] is True
    long = "ASK { ?s ?p ?o } #" + "x" * 40_000
    refused = httpx.get(nginx_front.url + "/sparql", params={"query": long})
    assert refused.status_code == 414 and refused.headers["content-type"] == PROBLEM
    assert "POST" in refused.json()["detail"]
    posted = httpx.post(nginx_front.url + "/sparql", content=long, headers={"content-type": "application/sparql-query",
                                                                             "accept": "application/json"})  # fmt: skip
    assert posted.status_code == 200 and posted.json()["boolean"] is True


def test_nginx_refusals_are_problems_too(nginx_front: Nginx) -> None:
    internal = httpx.get(nginx_front.url + "/_nginx/problems/no-replica")
    assert internal.status_code == 404 and internal.headers["content-type"] == PROBLEM
    header = httpx.get(nginx_front.url + "/health", headers={"x-big": "y" * 40_000})
    assert header.status_code == 400 and header.headers["content-type"] == PROBLEM
    assert header.headers["x-content-type-options"] == "nosniff"


# -- replicas that fail: a pair of their own, since these tests stop them ------------------------------------
DEADLINE = 2.0
CPU_BOMB = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def fragile(nginx_front: Nginx) -> Iterator[tuple[Nginx, LiveServer, LiveServer]]:
    """Two replicas with a short SPARQL deadline behind an nginx of their own (nginx_front: skip without nginx).
    Module-scoped, so the test that kills them comes last."""
    first = LiveServer("--no-shacl", "--sparql-timeout", str(DEADLINE))
    second = LiveServer("--no-shacl", "--sparql-timeout", str(DEADLINE))
    with running(first), running(second):
        nginx = Nginx.start(free_port(), [f"127.0.0.1:{first.port}", f"127.0.0.1:{second.port}"])
        try:
            yield nginx, first, second
        finally:
            nginx.stop()


def test_the_apps_query_deadline_reaches_the_client_and_is_not_replayed(
    fragile: tuple[Nginx, LiveServer, LiveServer],
) -> None:
    """nginx waits longer than the app's deadline, so the client gets the app's 503 problem (not a 504), and a
    503 is passed on, not tried again on the other replica (which would double the cost of every bomb)."""
    nginx, _, _ = fragile
    path, marker = marked("/sparql?query=" + quote(CPU_BOMB))
    started = time.monotonic()
    answer = httpx.get(nginx.url + path, timeout=30)
    assert answer.status_code == 503 and answer.json()["type"].endswith("/query-timeout")
    assert time.monotonic() - started < DEADLINE + 3
    [tried] = answered_by(nginx, marker, 1)
    assert len(tried) == 1


def test_a_killed_replica_is_routed_around_and_none_left_is_a_problem(
    fragile: tuple[Nginx, LiveServer, LiveServer],
) -> None:
    nginx, first, second = fragile
    second.process.send_signal(signal.SIGKILL)
    second.process.wait(timeout=10)
    ask = {"query": "ASK { ?s ?p ?o }"}
    path, marker = marked("/v1/entities/ATFL")
    for _ in range(5):  # every kind of request keeps succeeding, a POST included
        assert httpx.get(nginx.url + path).status_code == 200
        assert httpx.post(nginx.url + path.replace("/v1/entities/ATFL", "/v1/impact"),
                          json={"injuries": [{"structure": "ATFL"}]}).status_code == 200  # fmt: skip
        assert httpx.get(nginx.url + "/sparql", params={**ask, "probe": marker}).json()["boolean"] is True
    served = answered_by(nginx, marker, 15)
    assert {hop[-1] for hop in served} == {f"127.0.0.1:{first.port}"}  # the answers all came from the survivor
    first.process.send_signal(signal.SIGKILL)
    first.process.wait(timeout=10)
    none_left = httpx.get(nginx.url + "/v1/entities/ATFL")
    assert none_left.status_code == 502 and none_left.headers["content-type"] == PROBLEM
    assert none_left.json()["type"].endswith("/no-replica") and none_left.headers["retry-after"]
