"""The library API a notebook uses is the one the REST layer calls."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest

from app.sparql.dataset import INFERRED_GRAPH
from app.sparql.engine import InvalidQuery, QueryRefused


def test_sparql_from_python(kg) -> None:  # type: ignore[no-untyped-def]
    rows = kg.sparql('SELECT ?x WHERE { ?x <https://w3id.org/anklekg/schema#abbreviation> "ATFL" }')
    assert [r["x"].value for r in rows] == ["https://w3id.org/anklekg/ANKLE_0000016"]
    inferred = kg.sparql("ASK { ?s ?p ?o }", default_graphs=[INFERRED_GRAPH])
    assert bool(inferred) is True
    assert isinstance(kg.dataset, ox.Store)
    with pytest.raises(InvalidQuery) as bad:
        kg.sparql("SELECT ?x WHERE { ?x }")
    assert bad.value.line == 1 and bad.value.column
    with pytest.raises(QueryRefused):
        kg.sparql("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")


def test_paths_from_python_and_rest_agree(kg, client: httpx.Client) -> None:  # type: ignore[no-untyped-def]
    paths = kg.paths("sural nerve", "ATFL", base=str(client.base_url).rstrip("/"))  # links rooted as the server's
    assert paths.length == 2
    step = paths.items[0].steps[0]
    assert step.sources, "every step carries its sources"
    rest = client.get("/v1/paths", params={"from": "sural nerve", "to": "ATFL"})
    assert rest.status_code == 200
    assert rest.json() == paths.model_dump(mode="json")
    assert client.get("/v1/paths", params={"from": "sural nerve", "to": "nonsense-xyz"}).status_code == 404
