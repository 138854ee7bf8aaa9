"""The published OpenAPI document: FastAPI's, completed where a client would otherwise be surprised.

- Every error response is ``application/problem+json`` with the Problem schema (FastAPI would write it under
  ``application/json``), and every operation documents the errors any request may get (500, 503 busy; 415 where a
  body is read; 422 for an unknown query parameter).
- Every operation has a human summary (the question it answers), not FastAPI's title-cased function name.
- Successful answers document their headers (ETag, Cache-Control, X-AnkleKG-Version, the SPARQL result caps).
- Every JSON answer has an example: the service's own answer to the operation's example request, computed from the
  loaded graph when the document is first asked for and abridged (each list cut to its first items), so that an
  example never names an entity, a fact or a source the graph does not hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from .problems import PROBLEM_BASE, PROBLEM_JSON, Problem

__all__ = ["SUMMARIES", "install_openapi"]

#: One line per operation, saying what it is for (the operationIds are ``tag-name``, app.api.main.operation_id)
SUMMARIES: dict[str, str] = {
    "health-read_index": "Where to start: the documentation, the explorer and example questions",
    "health-read_health": "Check the service: status, release, graph sizes and validation counts",
    "entities-list_entities": "List the entities, a page at a time, optionally of some classes",
    "entities-read_entity": "Read everything the graph says about one entity, by any of its names",
    "entities-read_neighbors": "Show an entity's neighbourhood as node-link JSON, each link sourced",
    "search-search_entities": "Search entities by any name, typos tolerated",
    "impact-read_impact": "Ask what an injury destabilises, and why",
    "impact-create_impact": "Ask what several injuries destabilise, each with its own grade",
    "differential-create_differential": "Ask which injured structure explains these findings",
    "quiz-read_quiz": "Draw a self-test: multiple-choice questions explained by sourced facts",
    "quiz-list_quiz_regions": "List the regions with a round's worth of quiz questions",
    "browse-list_browse_groups": "List the ways to browse the graph, by region and by kind",
    "browse-read_browse_group": "Read one browse group: its members and the SPARQL query that defines it",
    "diagrams-list_diagrams": "List the schematic views of the ankle, or those an entity appears in",
    "diagrams-read_diagram": "Draw one schematic view: bones, bands placed by their attachments, what is left out",
    "paths-read_paths": "Find how two entities are connected, shortest paths first",
    "analytics-read_criticality": "Rank structures by how much their injury disturbs",
    "export-list_exports": "List the downloadable release artefacts",
    "export-read_export": "Download one release artefact",
    "sparql-query_get": "Run a read-only SPARQL query (GET), or read the Service Description",
    "sparql-query_post": "Run a read-only SPARQL query (POST: a form or application/sparql-query)",
    "sparql-list_examples": "List example SPARQL queries that answer real questions",
    "linked data-read_entity_document": "Dereference an entity IRI: HTML for people, RDF for programs",
    "linked data-read_prefixes": "Read the CURIE prefix map",
    "linked data-read_context": "Read the JSON-LD @context",
    "linked data-read_void": "Describe the dataset in VoID: counts, licence, dumps, endpoint",
    "problems-list_problem_types": "List every kind of problem an error can be, with how to fix it",
    "problems-read_problem_type": "Explain one kind of problem and how to fix the request",
}

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_HEADER = dict[str, Any]
HEADERS: dict[str, _HEADER] = {
    "ETag": {
        "description": "The release and a hash of the body: the same answer has the same ETag on every replica. "
        "Send it in If-None-Match to get 304 Not Modified.",
        "schema": {"type": "string", "example": '"0.1.0-3f2a9c1e0b7d4e5f6a7b"'},
    },
    "Cache-Control": {
        "description": "How long the answer may be kept (answers change only with a release).",
        "schema": {"type": "string", "example": "public, max-age=300"},
    },
    "X-AnkleKG-Version": {"description": "The release that answered.", "schema": {"type": "string"}},
}
RESULT_HEADERS: dict[str, _HEADER] = {
    "X-AnkleKG-Result-Truncated": {
        "description": "true when the result was cut at the row or byte cap.", "schema": {"type": "string"},
    },
    "X-AnkleKG-Result-Rows": {"description": "Rows in this result.", "schema": {"type": "integer"}},
    "X-AnkleKG-Result-Limit": {"description": "The row cap (--sparql-max-rows).", "schema": {"type": "integer"}},
    "X-AnkleKG-Result-Truncated-By": {
        "description": "What cut the result, when it was cut: rows or bytes.", "schema": {"type": "string"},
    },
    "X-AnkleKG-Result-Max-Bytes": {"description": "The byte cap.", "schema": {"type": "integer"}},
}  # fmt: skip
#: Errors any request may get, whatever the operation (answered by the guard or the problem handlers)
COMMON_ERRORS = {
    "500": "A bug in AnkleKG, not in the request (internal-error)",
    "503": "The service is busy (busy); see Retry-After",
}
#: Errors of operations that read a JSON body
BODY_ERRORS = {
    "413": "The body is over ANKLEKG_MAX_BODY_BYTES (body-too-large)",
    "415": "The body was not sent as application/json (unsupported-media-type)",
}


def _abridge(value: Any, items: int = 2) -> Any:
    """An answer cut to an example: every list to its first ``items`` items, long strings kept whole."""
    if isinstance(value, list):
        return [_abridge(v, 1) for v in value[:items]]
    if isinstance(value, dict):
        return {k: _abridge(v, 1) for k, v in value.items()}
    return value


#: The example request of each JSON operation, asked of the loaded AnkleKG (the same calls as the routes make)
def _examples(kg: Any, base: str) -> dict[str, Callable[[], BaseModel | Any]]:
    from ..ontology.context import jsonld_context
    from ..vocab import PREFIXES
    from .routes.exports import list_exports
    from .routes.problem_types import list_problem_types_model, problem_type_model
    from .routes.sparql import list_examples

    return {
        "health-read_health": lambda: {"status": "ok", "version": kg.version, "counts": kg.counts()},
        "export-list_exports": list_exports,
        "sparql-list_examples": lambda: list_examples(base, limit=1, offset=0),
        "linked data-read_prefixes": lambda: PREFIXES,
        "linked data-read_context": lambda: {"@context": jsonld_context()},
        "problems-read_problem_type": lambda: problem_type_model("unknown-entity"),
        "entities-list_entities": lambda: kg.entities(types=kg.resolve_classes(["Ligament"]), limit=2, base=base),
        "entities-read_entity": lambda: kg.entity("ATFL"),
        "entities-read_neighbors": lambda: kg.neighbours("ATFL", limit=2, base=base),
        "search-search_entities": lambda: kg.search_results("talofibular ligament", limit=2, base=base),
        "impact-read_impact": lambda: kg.impact("ATFL"),
        "impact-create_impact": lambda: kg.impact([("ATFL", 3), ("CFL", 2)]),
        "differential-create_differential": lambda: kg.differential(
            positive_tests=["anterior drawer test"], negative_tests=["talar tilt test"],
            mechanism=("inversion", "plantarflexion"), limit=2,
        ),
        "quiz-read_quiz": lambda: kg.quiz(count=1, seed=7),
        "quiz-list_quiz_regions": lambda: kg.quiz_generator.regions(),
        "browse-list_browse_groups": lambda: kg.browse(),
        "browse-read_browse_group": lambda: kg.browse().groups[0],
        "diagrams-list_diagrams": lambda: kg.diagram_list(),
        "diagrams-read_diagram": lambda: kg.diagram("lateral"),
        "paths-read_paths": lambda: kg.paths("sural nerve", "ATFL", limit=2, base=base),
        "analytics-read_criticality": lambda: kg.criticality(
            types=kg.resolve_classes(["Ligament"]), limit=2, base=base
        ),
        "problems-list_problem_types": list_problem_types_model,
        "health-read_index": lambda: {"name": "AnkleKG", "docs": "/docs", "explorer": "/explore"},
    }  # fmt: skip


_ATFL = "https://w3id.org/anklekg/ANKLE_0000016"
#: Examples of the answers that are not JSON objects of ours, by media type (the ATFL's IRI and label are the graph's)
TEXT_EXAMPLES: dict[str, Any] = {
    "text/turtle": f'<{_ATFL}> <http://www.w3.org/2000/01/rdf-schema#label> "anterior talofibular ligament" .\n',
    "application/n-triples": f'<{_ATFL}> <http://www.w3.org/2000/01/rdf-schema#label> "anterior talofibular '
    'ligament" .\n',
    "application/sparql-results+json": {
        "head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri", "value": _ATFL}}]},
    },
    "text/csv": "x\r\nhttps://w3id.org/anklekg/ANKLE_0000016\r\n",
    "text/plain": "PREFIX ANKLE: <https://w3id.org/anklekg/ANKLE_>\n",
}  # fmt: skip


def _json(value: BaseModel | Any) -> Any:
    return value.model_dump(mode="json") if isinstance(value, BaseModel) else value


def complete(schema: dict[str, Any], kg: Any | None, base: str = "http://127.0.0.1:8000") -> dict[str, Any]:
    """FastAPI's document completed as the module docstring says (``kg``: the loaded graph, for the examples)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    components["Problem"]["description"] = (
        "An RFC 9457 problem details object. `type` is a URI under " + PROBLEM_BASE + " whose explanation (what it "
        "means, how to fix the request) is served at /problems/{slug}."
    )
    examples = _examples(kg, base) if kg is not None else {}
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            op_id = operation.get("operationId", "")
            if op_id in SUMMARIES:
                operation["summary"] = SUMMARIES[op_id]
            responses = operation.setdefault("responses", {})
            extra = dict(COMMON_ERRORS)
            if "requestBody" in operation and path.startswith("/v1/"):
                extra.update(BODY_ERRORS)
            for code, text in extra.items():
                responses.setdefault(code, {"description": text})
            for code, response in responses.items():
                if code[0] in "45":
                    response["content"] = {PROBLEM_JSON: {"schema": _PROBLEM_REF}}
                elif code == "200":
                    headers = {**HEADERS, **(RESULT_HEADERS if path == "/sparql" else {})}
                    response.setdefault("headers", {}).update(headers)
                    content = response.setdefault("content", {})
                    make = examples.get(op_id)
                    for media, body in content.items():
                        if "example" in body or "examples" in body:
                            continue
                        if make is not None and media in ("application/json", "application/ld+json"):
                            body["example"] = _abridge(_json(make()))
                        elif media in TEXT_EXAMPLES:
                            body["example"] = TEXT_EXAMPLES[media]
    return schema


def install_openapi(app: FastAPI) -> None:
    """Serve the completed document at /openapi.json (built once, when first asked for)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes,
                license_info=app.license_info,
            )  # fmt: skip
            app.openapi_schema = complete(schema, getattr(app.state, "kg", None))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
