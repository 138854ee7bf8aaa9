"""Linked data: entity IRIs that dereference (HTML for people, RDF for machines), the prefix map,
the JSON-LD @context and a VoID description of the dataset.

``https://w3id.org/anklekg/ANKLE_0000016`` is meant to redirect here as ``/ANKLE_0000016``. Every
response is stable for a release, so it carries an ETag and Cache-Control, and ``Vary: Accept``
where the body depends on it.
"""

from __future__ import annotations

import json
from html import escape
from typing import Annotated, Any, cast

import pyoxigraph as ox
from fastapi import APIRouter, Path, Query, Request, Response

from ...exports import ARTEFACTS
from ...kg import AnkleKG
from ...ontology.context import jsonld_context
from ...ontology.curies import compress
from ...sparql.description import void_description
from ...sparql.protocol import FORMATS
from ...sparql.results import GRAPH_TYPES, NotAcceptable, choose_media_type, parse_accept, serialise_triples
from ...version import __version__
from ...vocab import ANKLE_BASE, PREFIXES
from ..caching import conditional_response
from ..deps import KnowledgeGraphDep
from ..negotiation import prefers_html
from ..problems import PROBLEM_JSON, Problem, ProblemError

#: VoID answers kept (by base and media type)
VOID_CACHE_ENTRIES = 16
#: The release files VoID lists as data dumps: the whole graph in each RDF syntax.
GRAPH_DUMPS = tuple(a.name for a in ARTEFACTS.values() if a.media_type in GRAPH_TYPES and a.name.startswith("anklekg."))

router = APIRouter(tags=["linked data"])

_VOID = "http://rdfs.org/ns/void#"

_DESCRIBE = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
CONSTRUCT { ?e ?p ?o . ?axiom ?ap ?av } WHERE {
  { ?e ?p ?o } UNION { ?axiom owl:annotatedSource ?e ; ?ap ?av }
}"""


def _doc(text: str) -> dict[str, Any]:
    return {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": text}


RDF_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The description, in the negotiated syntax.",
        "content": {t: {} for t in (*GRAPH_TYPES, "text/html")},
    },
    304: {"description": "Not modified (If-None-Match matched the ETag)."},
    400: _doc("Unknown format parameter"),
    404: _doc("No entity has this IRI"),
    406: _doc("No acceptable media type: Turtle, N-Triples, JSON-LD, RDF/XML or HTML"),
    422: _doc("Malformed request (each error names the parameter)"),
}
FormatQuery = Annotated[
    str | None,
    Query(description="Overrides Accept: turtle, nt, jsonld, rdfxml, html.", examples=["turtle"], max_length=40),
]


def _cached(request: Request, body: bytes, media_type: str, vary: bool = True) -> Response:
    """A stable response with ETag and Cache-Control; 304 when the client already has it."""
    headers = {"Vary": "Accept"} if vary else {}
    return conditional_response(request, body, media_type, headers=headers, cache_control="public, max-age=3600")


def _negotiate(request: Request, format: str | None, *, html: bool) -> str:
    """The media type to answer with: ``format`` if given, else the best of Accept; 406 otherwise."""
    if format is not None:
        value = format.strip().lower()
        if html and value == "html":
            return "text/html"
        media = FORMATS.get(value, value)
        media = {"application/json": "application/ld+json", "application/xml": "application/rdf+xml"}.get(media, media)
        if media not in GRAPH_TYPES:
            raise ProblemError(
                400, "invalid-parameter", "Invalid parameter value",
                f"format={format!r} is not one of turtle, nt, jsonld, rdfxml{', html' if html else ''}.",
                parameter="format", value=format,
            )  # fmt: skip
        return media
    accept = parse_accept(request.headers.get("accept"))
    if html and prefers_html(accept):
        return "text/html"
    try:
        return choose_media_type("graph", accept)
    except NotAcceptable as exc:
        offered = ", ".join((*GRAPH_TYPES, "text/html") if html else GRAPH_TYPES)
        raise ProblemError(
            406, "not-acceptable", "Not acceptable",
            f"This resource is available as {offered}; the Accept header allows none of them.",
            parameter="Accept",
        ) from exc  # fmt: skip


#: What the W3C and OBO annotation properties are called on a page for people
PROPERTY_LABELS = {
    "IAO:0000115": "definition", "rdfs:label": "label", "rdf:type": "type", "rdfs:comment": "comment",
    "rdfs:subClassOf": "subclass of", "owl:deprecated": "deprecated", "dcterms:source": "source",
    "oboInOwl:hasExactSynonym": "exact synonym", "oboInOwl:hasNarrowSynonym": "narrower synonym",
    "oboInOwl:hasBroadSynonym": "broader synonym", "oboInOwl:hasRelatedSynonym": "related synonym",
    "oboInOwl:hasDbXref": "cross-reference",
    "skos:definition": "definition",
}  # fmt: skip


def _html_term(kg: AnkleKG, term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        iri = term.value
        curie = compress(iri)
        label = PROPERTY_LABELS.get(curie) or (kg.kb.label(curie) if curie != iri else iri)
        href = "/" + iri[len(ANKLE_BASE) - len("ANKLE_") :] if iri.startswith(ANKLE_BASE) else iri
        shown = escape(label) + (f" <small>{escape(curie)}</small>" if label != curie else "")
        return f'<a href="{escape(href)}">{shown}</a>'
    if isinstance(term, ox.Literal):
        lang = f' lang="{escape(term.language)}"' if term.language else ""
        return f"<span{lang}>{escape(term.value)}</span>"
    return f"<code>{escape(str(term))}</code>"


def _entity_html(kg: AnkleKG, iri: str, triples: list[ox.Triple]) -> bytes:
    curie = compress(iri)
    label = kg.kb.label(curie)
    rows: dict[str, list[str]] = {}
    for t in triples:
        if t.subject == ox.NamedNode(iri):
            rows.setdefault(t.predicate.value, []).append(_html_term(kg, t.object))
    items = "".join(
        f"<tr><th>{_html_term(kg, ox.NamedNode(p))}</th><td>{'<br>'.join(sorted(values))}</td></tr>"
        for p, values in sorted(rows.items(), key=lambda kv: compress(kv[0]))
    )
    alternates = "".join(
        f'<link rel="alternate" type="{t}" href="?format={f}">'
        for t, f in zip(GRAPH_TYPES, ("turtle", "nt", "jsonld", "rdfxml"), strict=True)
    )
    downloads = " · ".join(
        f'<a href="?format={f}">{name}</a>'
        for f, name in (("turtle", "Turtle"), ("jsonld", "JSON-LD"), ("rdfxml", "RDF/XML"), ("nt", "N-Triples"))
    )
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(label)} — AnkleKG</title>{alternates}
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
th{{text-align:left;vertical-align:top;padding-right:1rem;white-space:nowrap}}td,th{{border-top:1px solid #ddd}}
small{{color:#666}}</style></head>
<body><p><a href="/query">SPARQL query page</a> · <a href="/docs">API</a></p>
<h1>{escape(label)}</h1><p><code>{escape(iri)}</code> ({escape(curie)})</p>
<p><a href="/explore#{escape(curie)}">Open in the explorer</a> · as data: {downloads} ·
<a href="/v1/entities/{escape(curie)}">JSON API</a></p>
<table>{items}</table>
<p><small>AnkleKG {escape(__version__)} · data CC BY 4.0 · an educational resource, not medical advice.</small></p>
</body></html>
"""
    return page.encode()


@router.get(
    "/ANKLE_{number}",
    responses=RDF_RESPONSES,
    response_class=Response,
)
async def read_entity_document(
    kg: KnowledgeGraphDep,
    request: Request,
    number: Annotated[
        str, Path(pattern=r"^\d{7}$", description="The 7-digit number of an AnkleKG IRI.", examples=["0000016"])
    ],
    format: FormatQuery = None,
) -> Response:
    """Dereference an entity IRI: HTML for browsers; Turtle, JSON-LD, RDF/XML or N-Triples by Accept."""
    # async on purpose: pyoxigraph objects may only be dropped on the thread that made them; made in the thread
    # pool, an error's traceback carried them to the event loop, where each was leaked (10-16 KB per 404)
    iri = ANKLE_BASE + number
    described = kg.store.query(_DESCRIBE, substitutions={ox.Variable("e"): ox.NamedNode(iri)})
    triples = list(cast(ox.QueryTriples, described))
    if not triples:
        raise ProblemError(
            404, "unknown-entity", "Unknown entity",
            f"No entity has the IRI {iri}. Try /v1/search?q=... to find one.", value=f"ANKLE_{number}",
        )  # fmt: skip
    media_type = _negotiate(request, format, html=True)
    if media_type == "text/html":
        return _cached(request, _entity_html(kg, iri, triples), media_type)
    return _cached(request, serialise_triples(triples, media_type), media_type)


@router.get(
    "/v1/prefixes",
    responses={
        200: {"content": {"application/json": {}, "text/plain": {}}},
        304: {"description": "Not modified (If-None-Match matched the ETag)."},
        400: _doc("Unknown format"),
        422: _doc("Malformed request"),
    },
)
def read_prefixes(
    request: Request,
    format: Annotated[
        str | None, Query(description="json (default), sparql or turtle.", examples=["sparql"], max_length=20)
    ] = None,
) -> Response:
    """The one CURIE prefix map, as JSON or as SPARQL/Turtle prefix declarations."""
    if format in (None, "json"):
        return _cached(request, json.dumps(PREFIXES, indent=2).encode(), "application/json", vary=False)
    if format in ("sparql", "turtle"):
        template = "PREFIX {p}: <{iri}>\n" if format == "sparql" else "@prefix {p}: <{iri}> .\n"
        text = "".join(template.format(p=p, iri=iri) for p, iri in PREFIXES.items())
        return _cached(request, text.encode(), "text/plain", vary=False)
    raise ProblemError(
        400, "invalid-parameter", "Invalid parameter value",
        f"format={format!r}: use json, sparql or turtle.", parameter="format", value=format,
    )  # fmt: skip


@router.get(
    "/v1/context.jsonld",
    responses={
        200: {"content": {"application/ld+json": {}}},
        304: {"description": "Not modified (If-None-Match matched the ETag)."},
    },
)
def read_context(request: Request) -> Response:
    """The published JSON-LD @context: CURIE prefixes and short names for the AnkleKG properties."""
    body = json.dumps({"@context": jsonld_context()}, indent=2, sort_keys=True).encode()
    return _cached(request, body, "application/ld+json", vary=False)


@router.get("/.well-known/void", responses=RDF_RESPONSES, response_class=Response)
async def read_void(kg: KnowledgeGraphDep, request: Request, format: FormatQuery = None) -> Response:
    """VoID description of the dataset: counts, licence, dumps and the SPARQL endpoint.

    Its IRIs use the base the request came by (a Host the guard let through); a few bases are kept, the oldest
    dropped first, so that many host names cannot grow the cache (issue 11)."""
    media_type = _negotiate(request, format, html=False)
    cache: dict[tuple[str, str], bytes] = request.app.state.__dict__.setdefault("void_cache", {})
    base = str(request.base_url)
    key = (base, media_type)
    if key not in cache:
        while len(cache) >= VOID_CACHE_ENTRIES:
            cache.pop(next(iter(cache)))
        cache[key] = serialise_triples(void_description(kg, base, GRAPH_DUMPS), media_type, {"void": _VOID})
    return _cached(request, cache[key], media_type)
