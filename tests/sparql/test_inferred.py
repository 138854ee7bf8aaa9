"""The inferred graph: queryable, and kept apart from the asserted facts."""

from __future__ import annotations

import httpx

from app.sparql.dataset import ASSERTED_GRAPH, INFERRED_GRAPH

P = "PREFIX akg: <https://w3id.org/anklekg/schema#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


def ask(client: httpx.Client, query: str) -> bool:
    response = client.get("/sparql", params={"query": P + query})
    assert response.status_code == 200, response.text
    return bool(response.json()["boolean"])


def test_transitive_part_of_is_inferred_not_asserted(client: httpx.Client) -> None:
    fact = '?part rdfs:label "medial head of gastrocnemius" . ?whole rdfs:label "triceps surae" .'
    assert ask(client, f"ASK {{ {fact} GRAPH <{INFERRED_GRAPH}> {{ ?part akg:partOf ?whole }} }}")
    assert not ask(client, f"ASK {{ {fact} GRAPH <{ASSERTED_GRAPH}> {{ ?part akg:partOf ?whole }} }}")
    assert not ask(client, f"ASK {{ {fact} ?part akg:partOf ?whole }}")  # the default graph is the asserted one


def test_inverse_relations_are_inferred(client: httpx.Client) -> None:
    assert ask(
        client,
        f"""ASK {{ ?m akg:innervatedBy ?n .
                 GRAPH <{INFERRED_GRAPH}> {{ ?n akg:innervates ?m }} }}""",
    )


def test_rdfs_closure_gives_superclass_types(client: httpx.Client) -> None:
    atfl = '?x akg:abbreviation "ATFL" .'
    assert ask(client, f"ASK {{ {atfl} GRAPH <{INFERRED_GRAPH}> {{ ?x a akg:AnatomicalStructure }} }}")
    assert ask(client, f"ASK {{ {atfl} ?x a akg:Ligament }}")
    assert not ask(client, f"ASK {{ {atfl} ?x a akg:AnatomicalStructure }}")


def test_no_triple_is_both_asserted_and_inferred(client: httpx.Client) -> None:
    assert not ask(client, f"ASK {{ GRAPH <{ASSERTED_GRAPH}> {{ ?s ?p ?o }} GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}")


def test_both_together_with_from(client: httpx.Client) -> None:
    query = (
        P
        + f"""SELECT (COUNT(DISTINCT ?x) AS ?n) FROM <{ASSERTED_GRAPH}> FROM <{INFERRED_GRAPH}>
        WHERE {{ ?x a akg:AnatomicalStructure }}"""
    )
    union = int(client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["n"]["value"])
    asserted = P + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a akg:AnatomicalStructure }"
    only = int(client.get("/sparql", params={"query": asserted}).json()["results"]["bindings"][0]["n"]["value"])
    assert union > 100 and only < union
