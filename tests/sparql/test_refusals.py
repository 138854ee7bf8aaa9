"""SERVICE and updates are refused however they are spelt, and only they: a query that merely
mentions "service" runs. Checked on the engine the Python API and the workers share (the Python API
has no socket filter behind it), then once through the endpoint."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest

from app.sparql.engine import InvalidQuery, QueryRefused, forwarded_form, run_query

REMOTE = "http://127.0.0.1:9/sparql"  # pyoxigraph refuses port 9 itself, should a check ever let one through

FEDERATED = {
    "spaceless SILENT": f"SELECT * WHERE {{ SERVICESILENT<{REMOTE}>{{ ?s ?p ?o }} }}",
    "no space before the IRI": f"SELECT * WHERE {{ SERVICE<{REMOTE}>{{ ?s ?p ?o }} }}",
    "mixed case": f"SELECT * WHERE {{ sErViCe SiLeNt <{REMOTE}> {{ ?s ?p ?o }} }}",
    "glued to a prefixed name": f"PREFIX r: <{REMOTE}/>\nSELECT * WHERE {{ SERVICEr:x {{ ?s ?p ?o }} }}",
    "glued to a variable": "SELECT * WHERE { ?s ?p ?o SERVICE?g{ ?s ?p ?o } }",
    "a comment as the space": f"SELECT * WHERE {{ SERVICE#\n<{REMOTE}>{{ ?s ?p ?o }} }}",
    "in a subquery": f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{REMOTE}> {{ ?s ?p ?o }} }} }} }}",
    "in FILTER EXISTS": f"ASK {{ FILTER EXISTS {{ SERVICE SILENT <{REMOTE}> {{ ?s ?p ?o }} }} }}",
}
MENTIONS_SERVICE = {
    "a variable": "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
    "a string": 'SELECT ?x WHERE { BIND("SERVICE <http://example.org/> { }" AS ?x) }',
    "an IRI": "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    "a prefixed name": "PREFIX ex: <http://example.org/>\nSELECT * WHERE { ?s ex:serviceArea ?o }",
    "a comment": "# no SERVICE here\nASK { ?s ?p ?o }",
}
UPDATES = {
    "INSERTDATA": "INSERTDATA{<urn:a><urn:b><urn:c>}",
    "CLEARALL": "CLEARALL",
    "LOAD<iri>": f"LOAD<{REMOTE}>",
    "WITH<g>DELETE": "WITH<urn:g>DELETE{?s ?p ?o}WHERE{?s ?p ?o}",
    "an update with SERVICE": f"DELETE WHERE {{ SERVICE <{REMOTE}> {{ ?s ?p ?o }} }}",
    "after a prologue": "# c\nPREFIX x: <urn:x>\nINSERT DATA { x:a x:b x:c }",
}


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c")))
    return store


@pytest.mark.parametrize("query", FEDERATED.values(), ids=FEDERATED.keys())
def test_service_is_refused_however_it_is_spelt(store: ox.Store, query: str) -> None:
    ox.Store().query(query)  # pyoxigraph reads it (and would fetch it): the refusal is what stops it
    with pytest.raises(QueryRefused) as refused:
        run_query(store, query)
    assert refused.value.reason == "service"


@pytest.mark.parametrize("query", MENTIONS_SERVICE.values(), ids=MENTIONS_SERVICE.keys())
def test_a_query_that_only_mentions_service_runs(store: ox.Store, query: str) -> None:
    run_query(store, query)


def test_a_malformed_query_naming_service_is_malformed_not_refused(store: ox.Store) -> None:
    with pytest.raises(InvalidQuery) as invalid:
        run_query(store, "SELECT ?service WHERE { ?service ?p }")
    assert invalid.value.line == 1 and invalid.value.column


@pytest.mark.parametrize("query", UPDATES.values(), ids=UPDATES.keys())
def test_updates_are_refused_as_read_only_spaces_or_not(store: ox.Store, query: str) -> None:
    with pytest.raises(QueryRefused) as refused:
        run_query(store, query)
    assert refused.value.reason == "update"
    assert len(store) == 1


@pytest.mark.parametrize("query", [FEDERATED["spaceless SILENT"], FEDERATED["glued to a prefixed name"]])
def test_the_endpoint_refuses_spaceless_service(client: httpx.Client, query: str) -> None:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 403
    assert response.json()["type"].endswith("/no-federation")


def test_the_endpoint_refuses_a_spaceless_update(client: httpx.Client) -> None:
    response = client.post("/sparql", data={"query": "INSERTDATA{<urn:a><urn:b><urn:c>}"})
    assert response.status_code == 403 and "read-only" in response.json()["detail"]


# -- what may be forwarded to an external store (``--sparql-endpoint``) --------------------------------------
FORMS = {
    "SELECT * WHERE { ?s ?p ?o }": "select",
    "# c\nPREFIX x: <urn:x>\nBASE <urn:b>\nask{}": "ask",
    "CONSTRUCT WHERE { ?s ?p ?o }": "graph",
    "DESCRIBE <urn:a>": "graph",
    'SELECT * { ?s ?p "load"@en-copy, "x"@add }': "select",  # language tags are not keywords
    "SELECT ?insert WHERE { ?insert <urn:DELETE> 'CLEAR' . ?s ex:load ?o }": "select",
}
NOT_FORWARDED = {
    "an update after the query": ("SELECT * {} ; INSERT DATA { <urn:a> <urn:b> <urn:c> }", QueryRefused),
    "an update glued to a bracket": ("SELECT * {}}DROP ALL", QueryRefused),
    "a keyword after a language tag": ('SELECT * { ?s ?p "x"@en } LOAD <urn:x>', QueryRefused),
    "a vendor pragma first": ('DEFINE input:grab-all "yes" SELECT * {}', InvalidQuery),
    "no query form": ("PREFIX x: <urn:x>\n  FOO {}", InvalidQuery),
    "only a comment": ("# nothing", InvalidQuery),
    "SERVICE": (FEDERATED["in FILTER EXISTS"], QueryRefused),
}


@pytest.mark.parametrize(("query", "form"), FORMS.items(), ids=list(FORMS))
def test_a_query_is_forwarded_with_its_form(query: str, form: str) -> None:
    assert forwarded_form(query) == form


@pytest.mark.parametrize(("query", "error"), NOT_FORWARDED.values(), ids=NOT_FORWARDED.keys())
def test_what_a_store_might_run_is_refused_before_it_is_sent(query: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        forwarded_form(query)


def test_a_refused_form_names_where() -> None:
    with pytest.raises(InvalidQuery) as invalid:
        forwarded_form("PREFIX x: <urn:x>\n  FOO {}")
    assert (invalid.value.line, invalid.value.column) == (2, 3) and "FOO" in invalid.value.message
