"""GET /problems and /problems/{slug}: every problem type the code can emit is registered and explained."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from app.api.problems import PROBLEM_BASE, PROBLEM_TYPES

ROOT = Path(__file__).resolve().parents[3]
#: A status and a kebab-case slug side by side: how every emitter names a problem (ProblemError(404, "unknown-..."),
#: ProtocolError, the guard's and the connection layer's _problem, _retry_later, ProblemKind)
EMITTED = re.compile(r'\b[1-5]\d\d,\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)"')


def emitted_slugs() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        text = path.read_text()
        found |= set(EMITTED.findall(text))
        for pair in re.findall(r'slug = "([a-z-]+)" if .* else "([a-z-]+)"', text):  # read-only or no-federation
            found |= set(pair)
    template = (ROOT / "deploy/nginx/anklekg.conf.template").read_text()
    found |= set(re.findall(re.escape(PROBLEM_BASE) + r"([a-z-]+)", template))
    results = (ROOT / "app/sparql/results.py").read_text()  # the link a truncated result carries
    found |= set(re.findall(r'"https://w3id.org/anklekg/problems/([a-z-]+)"', results))
    return found - NOT_PROBLEMS


#: Numbers beside words that are not problems (a cap on neighbours, a style size)
NOT_PROBLEMS = {"text-valign", "neighbors", "search", "function"}


def test_every_problem_type_the_code_emits_is_registered_and_every_registered_one_is_emitted() -> None:
    emitted = emitted_slugs()
    assert {"unknown-entity", "query-timeout", "body-too-large", "no-replica", "read-only"} <= emitted
    assert emitted - set(PROBLEM_TYPES) == set(), "emitted but not explained at /problems"
    code = "".join(p.read_text() for p in (ROOT / "app").rglob("*.py")) + (
        ROOT / "deploy/nginx/anklekg.conf.template"
    ).read_text()
    unused = {s for s in PROBLEM_TYPES if f'"{s}"' not in code and f"problems/{s}" not in code and s != "http-405"}
    assert unused == set(), "registered but never emitted"


def test_every_problem_type_resolves_to_a_page_for_people_and_for_programs(client: httpx.Client) -> None:
    listed = client.get("/problems").json()
    assert [k["slug"] for k in listed["items"]] == list(PROBLEM_TYPES) and listed["total"] == len(PROBLEM_TYPES)
    for slug, kind in PROBLEM_TYPES.items():
        data = client.get(f"/problems/{slug}")
        assert data.status_code == 200 and data.headers["content-type"].startswith("application/json"), slug
        body = data.json()
        assert body["type"] == PROBLEM_BASE + slug and body["title"] == kind.title and body["meaning"] and body["fix"]
        page = client.get(f"/problems/{slug}", headers={"Accept": "text/html"})
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html"), slug
        assert kind.title.replace("'", "&#x27;") in page.text and "How to fix it" in page.text


def test_a_problem_names_a_type_that_resolves(client: httpx.Client) -> None:
    problem = client.get("/v1/entities/ATFX").json()
    slug = problem["type"].removeprefix(PROBLEM_BASE)
    assert client.get(f"/problems/{slug}").json()["title"] == problem["title"]
    unknown = client.get("/problems/unknown-entitty")
    assert unknown.status_code == 404 and "unknown-entity" in unknown.json()["detail"]
