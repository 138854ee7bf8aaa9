"""Entity IRIs dereference with content negotiation; prefixes, @context and VoID are published."""

from __future__ import annotations

import json

import httpx
import pytest
import rdflib

from app.vocab import PREFIXES

ATFL = rdflib.URIRef("https://w3id.org/anklekg/ANKLE_0000016")
LABEL = rdflib.Literal("anterior talofibular ligament")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("text/turtle;q=0.2, application/ld+json;q=0.9", "application/ld+json", "json-ld"),
    ],
)
def test_entity_iri_dereferences_to_rdf(client: httpx.Client, accept: str, media_type: str, rdflib_format: str) -> None:
    response = client.get("/ANKLE_0000016", headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert "Accept" in response.headers["vary"]
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert (ATFL, rdflib.RDFS.label, LABEL) in graph
    # the axiom annotations that carry each fact's source come along
    owl = rdflib.OWL
    assert any(graph.triples((None, owl.annotatedSource, ATFL)))


def test_a_browser_gets_html_with_links(client: httpx.Client) -> None:
    response = client.get("/ANKLE_0000016", headers={"accept": BROWSER})
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>anterior talofibular ligament</h1>" in response.text
    assert 'href="/ANKLE_0000009"' in response.text  # the talocrural joint it spans, as a link
    assert (
        client.get("/ANKLE_0000016", params={"format": "turtle"}, headers={"accept": BROWSER})
        .headers["content-type"]
        .startswith("text/turtle")
    )


def test_the_html_page_names_iris_with_the_api_s_curies(client: httpx.Client) -> None:
    """One converter: the page says IAO:0000115 as the API does, and links the UBERON class it maps to."""
    text = client.get("/ANKLE_0000016", headers={"accept": BROWSER}).text
    assert "<small>IAO:0000115</small>" in text and "obo:IAO_" not in text
    assert '<a href="http://purl.obolibrary.org/obo/UBERON_0013725">' in text


def test_unproducible_type_unknown_entity_and_caching(client: httpx.Client) -> None:
    assert client.get("/ANKLE_0000016", headers={"accept": "image/png"}).status_code == 406
    missing = client.get("/ANKLE_0999999")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/problem+json")
    first = client.get("/ANKLE_0000016", headers={"accept": "text/turtle"})
    assert first.headers["etag"] and "max-age" in first.headers["cache-control"]
    assert first.headers["x-anklekg-version"]
    again = client.get("/ANKLE_0000016", headers={"accept": "text/turtle", "if-none-match": first.headers["etag"]})
    assert again.status_code == 304


def test_prefixes_and_context(client: httpx.Client) -> None:
    assert client.get("/v1/prefixes").json() == PREFIXES
    assert "PREFIX ANKLE: <https://w3id.org/anklekg/ANKLE_>" in client.get("/v1/prefixes?format=sparql").text
    context = client.get("/v1/context.jsonld")
    assert context.headers["content-type"].startswith("application/ld+json") and context.headers["etag"]
    doc = {
        "@context": context.json()["@context"],
        "@id": "ANKLE:0000016",
        "label": "anterior talofibular ligament",
        "spansJoint": "ANKLE:0000009",
    }
    graph = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
    assert (ATFL, rdflib.RDFS.label, LABEL) in graph
    joint = rdflib.URIRef("https://w3id.org/anklekg/ANKLE_0000009")
    assert (ATFL, rdflib.URIRef("https://w3id.org/anklekg/schema#spansJoint"), joint) in graph


def test_void_description(client: httpx.Client) -> None:
    response = client.get("/.well-known/void")
    assert response.headers["content-type"].startswith("text/turtle") and response.headers["etag"]
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    dataset = rdflib.URIRef("https://w3id.org/anklekg/")
    triples = int(str(graph.value(dataset, void.triples)))
    health = client.get("/health").json()["counts"]
    assert triples == health["triples"]
    assert int(str(graph.value(dataset, void.entities))) == health["entities"]
    assert str(graph.value(dataset, void.sparqlEndpoint)).endswith("/sparql")
    assert str(graph.value(dataset, rdflib.DCTERMS.license)) == "https://creativecommons.org/licenses/by/4.0/"
    dumps = [str(d) for d in graph.objects(dataset, void.dataDump)]
    assert any(d.endswith("/v1/export/anklekg.ttl") for d in dumps)
    for dump in dumps:
        assert client.get(dump).status_code == 200
    inferred = rdflib.URIRef("https://w3id.org/anklekg/graph/inferred")
    assert int(str(graph.value(inferred, void.triples))) > 0


def test_an_entity_page_names_its_properties_for_people_and_links_to_the_explorer(client: httpx.Client) -> None:
    page = client.get("/ANKLE_0000016", headers={"Accept": "text/html"}).text
    assert 'href="/explore#ANKLE:0000016"' in page
    assert ">definition <small>IAO:0000115</small>" in page  # the label first, the CURIE beside it
    assert "<th><a href=\"http://purl.obolibrary.org/obo/IAO_0000115\">IAO:0000115</a>" not in page
