"""Service-wide behaviour: index, CORS, problem details on every error, OpenAPI docs, validators, policies."""

from __future__ import annotations

import httpx
import pytest

PROBLEM = "application/problem+json"


def test_every_response_names_the_release(client: httpx.Client) -> None:
    assert client.get("/health").headers["x-anklekg-version"]
    assert client.get("/nowhere").headers["x-anklekg-version"]


def test_cors_allows_any_origin_for_reads(client: httpx.Client) -> None:
    response = client.get("/v1/entities/ATFL", headers={"Origin": "https://learn.example"})
    assert response.headers["access-control-allow-origin"] in ("*", "https://learn.example")
    # a browser client may read the validators and the SPARQL caps, not only the body
    exposed = {h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")}
    assert {"etag", "x-anklekg-version", "x-anklekg-result-truncated", "retry-after"} <= exposed
    preflight = client.options(
        "/v1/impact",
        headers={
            "Origin": "https://learn.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200


def test_unknown_route_and_wrong_method_are_problems(client: httpx.Client) -> None:
    missing = client.get("/v1/nothing-here")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(PROBLEM)
    assert "/docs" in missing.json()["detail"]
    wrong = client.delete("/v1/entities/ATFL")
    assert wrong.status_code == 405 and wrong.headers["content-type"].startswith(PROBLEM)


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        pytest.param("/health", "application/json", marks=pytest.mark.one_replica),  # each replica's own counters
        ("/v1/entities/ATFL", "application/json"),
        ("/v1/entities/no-such-thing", "application/json"),
        ("/v1/impact?injured=ATFL", "application/json"),
        ("/v1/search?q=talofibular", "application/json"),
        ("/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D", "application/sparql-results+json"),
        ("/ANKLE_0000016", "text/turtle"),
        ("/v1/export/anklekg.nt", "*/*"),
        ("/explore", "text/html"),
    ],
)
def test_head_answers_like_get_without_a_body(client: httpx.Client, path: str, accept: str) -> None:
    """RFC 9110: HEAD is GET without content. The Allow header of a 405 offers it, so it must work."""
    headers = {"accept": accept, "accept-encoding": "identity"}
    get, head = client.get(path, headers=headers), client.head(path, headers=headers)
    assert head.status_code == get.status_code != 405
    assert head.content == b""
    for name in ("content-type", "content-length", "etag", "cache-control", "vary", "x-anklekg-version"):
        assert head.headers.get(name) == get.headers.get(name), name
    assert int(head.headers["content-length"]) == len(get.content) > 0


def test_malformed_json_body_is_a_422_problem(client: httpx.Client) -> None:
    response = client.post("/v1/impact", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.headers["content-type"].startswith(PROBLEM)


def test_openapi_has_an_example_for_every_route(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary") or operation.get("description"), f"{method} {path} undocumented"
            params = operation.get("parameters", [])
            body = operation.get("requestBody")
            has_example = any("example" in p or "examples" in p or "examples" in p.get("schema", {}) for p in params)
            if body:
                has_example = True  # request body examples live on the model schema
            if params or body:
                assert has_example, f"{method} {path} has no example"
    assert client.get("/docs").status_code == 200


def test_index_points_to_docs_and_says_content_is_educational(client: httpx.Client) -> None:
    body = client.get("/").json()
    assert body["docs"] == "/docs"
    assert "not medical advice" in body["notice"]


@pytest.mark.parametrize(
    "path",
    [
        "/v1/entities/ATFL",
        "/v1/impact?injured=ATFL&explain=rules",
        "/v1/search?q=talofibular",
        "/v1/entities?limit=5",
        "/v1/sparql/examples",
    ],
)
def test_v1_answers_carry_a_validator_and_a_matching_one_gets_304(client: httpx.Client, path: str) -> None:
    """The data is fixed for a release, so answers are cacheable; a client holding one gets 304."""
    first, second = client.get(path), client.get(path)
    tag = first.headers["etag"]
    assert tag == second.headers["etag"] and first.content == second.content
    assert tag.startswith(f'"{first.headers["x-anklekg-version"]}-')
    assert first.headers["cache-control"] == "public, max-age=300"
    for offered in (tag, f"W/{tag}", f'"other", {tag}', "*"):
        cached = client.get(path, headers={"if-none-match": offered})
        assert cached.status_code == 304, offered
        assert cached.content == b"" and cached.headers["etag"] == tag
        assert "content-type" not in cached.headers
    stale = client.get(path, headers={"if-none-match": '"0.0.0-stale"'})
    assert stale.status_code == 200 and stale.content == first.content


def test_errors_posts_and_health_carry_no_validator(client: httpx.Client) -> None:
    """Only successful GET answers are cacheable: a 404 may be fixed by the next release, a POST is not
    a read, and /health reports on the running process."""
    missing = client.get("/v1/entities/no-such-thing")
    assert missing.status_code == 404 and "etag" not in missing.headers
    posted = client.post("/v1/impact", json={"injuries": [{"structure": "ATFL"}]})
    assert posted.status_code == 200 and "etag" not in posted.headers
    assert "etag" not in client.get("/health").headers


@pytest.mark.parametrize(
    ("path", "accept"), [("/explore", "text/html"), ("/query", "text/html"), ("/ANKLE_0000016", "text/html")]
)
def test_our_pages_carry_a_content_security_policy(client: httpx.Client, path: str, accept: str) -> None:
    page = client.get(path, headers={"accept": accept})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"


def test_json_is_not_sniffed_and_the_swagger_page_keeps_working(client: httpx.Client) -> None:
    answer = client.get("/v1/entities/ATFL")
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in answer.headers
    docs = client.get("/docs")  # Swagger UI starts with an inline script: no policy that would block it
    assert docs.status_code == 200 and "content-security-policy" not in docs.headers


def test_a_browser_opening_the_root_lands_on_the_explorer(client: httpx.Client) -> None:
    page = client.get("/", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/explore"  # relative, never from Host
    assert client.get("/", headers={"Accept": "application/json"}).json()["explorer"] == "/explore"
    assert client.get("/").json()["docs"] == "/docs"  # no Accept: the JSON index as before


def test_the_published_openapi_document_is_valid_by_the_standard_validator(client: httpx.Client) -> None:
    from openapi_spec_validator import validate

    spec = client.get("/openapi.json").json()
    validate(spec)  # raises OpenAPIValidationError, naming the place, on any fault


def test_every_operation_has_a_human_summary_problem_schemas_and_a_response_example(client: httpx.Client) -> None:
    from app.api.openapi import SUMMARIES

    spec = client.get("/openapi.json").json()
    problem = spec["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail"} <= set(problem["properties"])
    seen = set()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            seen.add(operation["operationId"])
            # FastAPI's default is the function name title-cased ("Create Impact"); ours says what it is for
            assert operation["summary"] == SUMMARIES[operation["operationId"]], where
            responses = operation["responses"]
            assert {"500", "503"} <= set(responses), where
            for code, response in responses.items():
                if code[0] in "45":
                    assert response["content"] == {
                        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                    }, (where, code)
            ok = responses["200"]
            assert {"ETag", "Cache-Control", "X-AnkleKG-Version"} <= set(ok["headers"]), where
            assert any("example" in body or "examples" in body for body in ok["content"].values()), where
            if "requestBody" in operation and path.startswith("/v1/"):
                assert "415" in responses, where
    assert seen == set(SUMMARIES), "a summary for an operation that no longer exists, or the reverse"
    impact = spec["paths"]["/v1/impact"]["post"]
    assert impact["summary"] == "Ask what several injuries destabilise, each with its own grade"
    example = impact["responses"]["200"]["content"]["application/json"]["example"]
    assert example["injuries"][0]["structure"]["id"] == "ANKLE:0000016"  # the service's own answer, abridged


def test_a_browser_on_another_origin_may_read_every_header_the_api_documents(client: httpx.Client) -> None:
    """CORS: what OpenAPI documents as a response header (ETag, the SPARQL truncation headers, every X-AnkleKG-*)
    is exposed to cross-origin scripts (Cache-Control is readable anyway: a CORS-safelisted response header)."""
    spec = client.get("/openapi.json").json()
    documented = {
        name.lower()
        for operations in spec["paths"].values()
        for operation in operations.values()
        for name in operation["responses"]["200"].get("headers", {})
    }
    assert {"etag", "x-anklekg-result-truncated", "x-anklekg-result-rows"} <= documented
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://learn.example"})
    exposed = {h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")}
    assert documented - {"cache-control"} <= exposed
    assert response.headers["x-anklekg-result-truncated"] == "false" and response.headers["etag"]


def test_a_start_leaves_the_later_answers_models_unbuilt_and_the_warm_up_builds_them() -> None:
    """The models no first answer needs (DEFERRED in app/models.py) are built after the port opens, not at import
    (a shorter start), and ``build_deferred_models`` (the warm-up) builds every one of them. In a fresh interpreter:
    this session's server has built them long ago."""
    import subprocess
    import sys

    code = (
        "import app.cli, app.api.main\n"
        "from app.models import EntityDetail, Paths\n"
        "from app.reasoning.impact import ImpactReport\n"
        "print(EntityDetail.__pydantic_complete__, Paths.__pydantic_complete__, ImpactReport.__pydantic_complete__)\n"
        "app.api.main.LazyRouters.import_all()\n"  # as the warm-up does first: the routers a start left out
        "built = app.api.main.build_deferred_models()\n"
        "print(len(built), EntityDetail.__pydantic_complete__, app.api.main.build_deferred_models())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "False False True"  # deferred at import; the first answer's own models built
    built, complete, again = out[1].split(" ", 2)
    assert int(built) > 30 and complete == "True" and again == "[]"


def test_a_start_includes_the_first_answers_routers_and_the_others_later_in_the_same_order(kg) -> None:  # type: ignore[no-untyped-def]
    """A start includes the routers of /health and /v1/impact (and a stand-in that builds the rest); building the
    rest puts every router where including them all at once put it: routing tries them in the same order."""
    import importlib

    from app.api.main import LazyRouters, create_app

    app = create_app(kg)
    routers: LazyRouters = app.state.routers
    before = list(app.router.routes[: routers.base])
    assert not routers.built and "app.api.routes.quiz" not in _routers_of(app)
    assert len(app.router.routes) == routers.base + len(LazyRouters.FIRST) + 1  # the first two and the stand-in
    routers.build()
    assert routers.built and app.router.routes[: routers.base] == before
    expected = [importlib.import_module(f"app.api.routes.{name}").router for name in LazyRouters.ORDER]
    assert [getattr(r, "original_router", None) for r in app.router.routes[routers.base :]] == expected
    routers.build()  # once
    assert len(app.router.routes) == routers.base + len(LazyRouters.ORDER)


def _routers_of(app: object) -> set[str]:
    return {getattr(r, "original_router", None).__module__ for r in app.router.routes if hasattr(r, "original_router")}  # type: ignore[attr-defined]


@pytest.mark.slow
def test_a_fresh_server_answers_any_route_first_and_a_query_before_any_other_answer(
    in_process: tuple[str, object],
) -> None:
    """On a server just started, before its warm-up: a SPARQL query as the very first request (the workers wait for
    the first answer, or a query) and a route of a router the start left out are answered; the OpenAPI document is
    the complete one."""
    url, _ = in_process
    answer = httpx.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60,
                       headers={"accept": "application/sparql-results+json"})  # fmt: skip
    assert answer.status_code == 200 and answer.json()["boolean"] is True
    assert httpx.get(url + "/v1/entities/ATFL", timeout=30).json()["label"] == "anterior talofibular ligament"
    paths = httpx.get(url + "/openapi.json", timeout=30).json()["paths"]
    assert {"/v1/entities/{ref}", "/v1/quiz", "/sparql", "/v1/impact", "/health"} <= set(paths)
