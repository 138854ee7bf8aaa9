"""GET /v1/entities and /v1/entities/{ref} against the real server."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests import datafacts

PROBLEM = "application/problem+json"


@pytest.mark.parametrize(
    "ref",
    [
        "ATFL",
        "atfl",
        "anterior talofibular ligament",
        "Anterior Talofibular Ligament",
        "ANKLE:0000016",
        "ankle:0000016",
        "https://w3id.org/anklekg/ANKLE_0000016",
        "UBERON:0013725",
        "ligamentum talofibulare anterius",
    ],
)
def test_every_name_of_the_atfl_resolves_to_it(client: httpx.Client, ref: str) -> None:
    response = client.get(f"/v1/entities/{quote(ref, safe=':/')}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["id"] == "ANKLE:0000016"
    assert body["label"] == "anterior talofibular ligament"
    assert "ATFL" in body["abbreviations"]


def test_entity_detail_carries_xrefs_with_provenance_and_sourced_relations(client: httpx.Client) -> None:
    body = client.get("/v1/entities/ATFL").json()
    xrefs = {x["id"]: x for x in body["xrefs"]}
    assert set(xrefs) == {"UBERON:0013725", "FMA:44083"}  # exactly the reference table's row
    assert all(x["source"]["label"] for x in xrefs.values())
    assert body["types"] == [
        {"id": "akg:Ligament", "label": "ligament", "iri": "https://w3id.org/anklekg/schema#Ligament"}
    ]
    assert body["definition"] and body["definition_source"]["id"].startswith("ANKLE:")
    assert body["relations"], "the ATFL has attachments"
    for group in body["relations"]:
        assert group["predicate"]["label"]
        for target in group["targets"]:
            assert target["target"]["id"] and target["target"]["label"]
            assert target["sources"], f"unsourced {group['predicate']['id']} -> {target['target']['id']}"
    assert body["restraints"], "the ATFL restrains talocrural motions"
    for fact in body["restraints"]:
        assert fact["subject"]["id"] == "ANKLE:0000016"
        assert fact["sources"]


def test_unknown_entity_is_a_404_problem_with_suggestions(client: httpx.Client) -> None:
    response = client.get("/v1/entities/anterior talofibular ligamnet")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["status"] == 404 and problem["type"].endswith("/unknown-entity")
    assert problem["value"] == "anterior talofibular ligamnet"
    assert "ANKLE:0000016" in [s["id"] for s in problem["suggestions"]]
    assert "Did you mean" in problem["detail"]
    assert problem["parameter"] == "ref"


@pytest.mark.parametrize(
    ("method", "path", "payload", "parameter"),
    [
        ("GET", "/v1/impact?injured=ATFL&injured=atfll", None, "injured"),
        ("GET", "/v1/impact?injured=ATFL&position=plantarflexon", None, "position"),
        ("GET", "/v1/paths?from=ATFL&to=sural%20nerv", None, "to"),
        ("POST", "/v1/differential", {"positive_tests": ["anterior drawr test"]}, "positive_tests"),
        ("POST", "/v1/differential", {"mechanism": {"motion": "inverson", "position": "plantarflexion"}},
         "mechanism.motion"),
    ],
)  # fmt: skip
def test_an_unknown_name_says_which_parameter_held_it(
    client: httpx.Client, method: str, path: str, payload: dict[str, object] | None, parameter: str
) -> None:
    """With several names in one request, the problem must say which one to fix."""
    problem = client.request(method, path, json=payload).json()
    assert problem["type"].endswith("/unknown-entity"), problem
    assert problem["parameter"] == parameter
    assert problem["suggestions"]


def test_listing_pages_through_every_entity_exactly_once(client: httpx.Client) -> None:
    seen: list[str] = []
    url: str | None = "/v1/entities?limit=40"
    total = None
    while url:
        page = client.get(url).json()
        total = page["total"]
        seen.extend(item["id"] for item in page["items"])
        url = page["next"]
    assert total is not None and len(seen) == total == len(set(seen))


@pytest.mark.parametrize("type_name", ["Ligament", "ligament", "akg:Ligament"])
def test_type_filter_accepts_any_spelling_of_a_class(client: httpx.Client, type_name: str) -> None:
    page = client.get("/v1/entities", params={"type": type_name, "limit": 500}).json()
    assert page["total"] >= 20  # the reference table alone has 20 ligaments
    assert all(any(t["id"] == "akg:Ligament" for t in item["types"]) for item in page["items"])


def test_type_filter_includes_subclasses(client: httpx.Client) -> None:
    landmarks = client.get("/v1/entities", params={"type": "BonyLandmark", "limit": 500}).json()["total"]
    parts = client.get("/v1/entities", params={"type": "BonePart", "limit": 500}).json()["total"]
    assert parts > landmarks > 0


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": "0.0"}, "offset"),  # an integer written as a decimal (Schemathesis: offset=0.0 answered as 0)
        ({"limit": "1e1"}, "limit"),
        ({"type": "Ligamnt"}, "type"),
    ],
)
def test_bad_listing_parameters_are_named_in_the_problem(
    client: httpx.Client, params: dict[str, Any], parameter: str
) -> None:
    response = client.get("/v1/entities", params=params)
    assert response.status_code in (400, 422)
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["parameter"] == parameter
    assert str(problem["value"]) == str(params[parameter])


def test_neighbors_are_node_link_json_with_sourced_links(client: httpx.Client) -> None:
    body = client.get("/v1/entities/ATFL/neighbors", params={"depth": 1}).json()
    assert body["center"]["id"] == "ANKLE:0000016"
    ids = {n["id"] for n in body["nodes"]}
    assert "ANKLE:0000016" in ids and len(ids) > 1
    assert body["total"] == len(body["items"]) and body["next"] is None and body["prev"] is None
    for link in body["items"]:
        assert link["source"] in ids and link["target"] in ids
        assert link["predicate"]["label"]
    # nodes are entity entries like any other: id, label, iri and types as references
    for node in body["nodes"]:
        assert node["iri"].startswith("https://w3id.org/anklekg/") and all(set(t) == {"id", "label", "iri"}
                                                                           for t in node["types"])
    # a node says whether it has a page: the entities do, the n-ary restraint facts about the ATFL do not
    pages = {n["id"]: n["entity"] for n in body["nodes"]}
    facts = [n for n in body["nodes"] if "akg:Restraint" in {t["id"] for t in n["types"]}]
    assert pages["ANKLE:0000016"] and facts and not any(pages[n["id"]] for n in facts)
    for node in body["nodes"]:
        assert (client.get(f"/v1/entities/{node['id']}").status_code == 200) == node["entity"], node


def test_neighbors_predicate_filter_and_bad_predicate(client: httpx.Client) -> None:
    body = client.get("/v1/entities/ATFL/neighbors", params={"predicate": "partOf"}).json()
    assert body["items"] and {link["predicate"]["id"] for link in body["items"]} == {"akg:partOf"}
    bad = client.get("/v1/entities/ATFL/neighbors", params={"predicate": "stabilises"})
    assert bad.status_code == 400 and bad.json()["parameter"] == "predicate"
    deep = client.get("/v1/entities/ATFL/neighbors", params={"depth": 9})
    assert deep.status_code == 422 and deep.json()["parameter"] == "depth"


def test_neighbours_page_through_the_links_and_each_page_names_the_nodes_it_joins(client: httpx.Client) -> None:
    whole = client.get("/v1/entities/talus/neighbors", params={"depth": 1}).json()
    assert whole["total"] == len(whole["items"]) > 20
    links: list[tuple[str, str, str]] = []
    url: str | None = str(client.base_url.join("/v1/entities/talus/neighbors?depth=1&limit=20"))
    while url:
        body = client.get(url).json()
        ids = {n["id"] for n in body["nodes"]}
        assert body["center"]["id"] in ids and len(body["items"]) <= 20
        assert all(link["source"] in ids and link["target"] in ids for link in body["items"])
        links.extend((link["source"], link["predicate"]["id"], link["target"]) for link in body["items"])
        url = body["next"]
    assert links == [(link["source"], link["predicate"]["id"], link["target"]) for link in whole["items"]]
    too_many = client.get("/v1/entities/talus/neighbors", params={"limit": 2001})
    assert too_many.status_code == 422 and "2000" in too_many.json()["detail"]


def test_listing_links_are_canonical_whatever_the_spelling_so_replicas_agree(client: httpx.Client) -> None:
    """The links name the resolved class, not what was typed: the same question has the same bytes (and ETag)
    however it was spelt first, on every replica."""
    one = client.get("/v1/entities", params={"type": "ligament", "limit": 5})
    other = client.get("/v1/entities", params={"type": "akg:Ligament", "limit": 5})
    assert one.content == other.content and one.headers["etag"] == other.headers["etag"]
    assert one.json()["next"].endswith("/v1/entities?type=akg:Ligament&limit=5&offset=5")
    last = client.get(one.json()["next"]).json()
    assert last["prev"].endswith("/v1/entities?type=akg:Ligament&limit=5&offset=0")


def test_the_impact_link_is_offered_exactly_where_the_impact_engine_answers(client: httpx.Client) -> None:
    """Every entity's `impact` link answers 200; every entity without one is refused by /v1/impact with a
    problem naming the parameter. Front-ends decide from the link, so it must never be wrong."""
    ids: list[str] = []
    url: str | None = "/v1/entities?limit=200"
    while url:
        page = client.get(url).json()
        ids.extend(item["id"] for item in page["items"])
        url = page["next"]
    offered = 0
    for entity_id in ids:
        link = client.get(f"/v1/entities/{quote(entity_id)}").json()["impact"]
        if link is not None:
            offered += 1
            answer = client.get(link + "&explain=none")  # the link as given, plus a smaller answer
            assert answer.status_code == 200, (entity_id, answer.text)
            assert answer.json()["injuries"][0]["structure"]["id"] == entity_id
        else:
            refused = client.get("/v1/impact", params={"injured": entity_id, "explain": "none"})
            assert refused.status_code in (400, 404, 422), (entity_id, refused.status_code)
            assert refused.headers["content-type"].startswith(PROBLEM)
            assert refused.json()["parameter"] == "injured"
    assert 100 < offered < len(ids)  # structures and conditions get a link; motions, tests, sources do not


TREATMENT_FACTS = datafacts.select(
    """SELECT ?e ?condition ?treatment ?level ?direction ?basis WHERE {
         ?e a akg:TreatmentEvidence ; akg:condition ?condition ; akg:treatment ?treatment ;
            akg:evidenceLevel ?level ; akg:effectDirection ?direction ; akg:levelBasis ?basis }"""
)


def test_every_graded_treatment_fact_says_its_direction_and_where_its_level_comes_from() -> None:
    every = datafacts.select("SELECT ?e WHERE { ?e a akg:TreatmentEvidence }")
    assert len(every) == len(TREATMENT_FACTS) > 10


@pytest.mark.parametrize("row", TREATMENT_FACTS, ids=[row["e"] for row in TREATMENT_FACTS])
def test_every_graded_treatment_fact_is_on_its_condition_and_its_treatment(
    client: httpx.Client, row: dict[str, str]
) -> None:
    """The clinical layer's evidence levels reach users: each graded fact (read from the data file with
    SPARQL) is listed, with its level, recommendation and sources, on both entities it links."""
    for entity in (row["condition"], row["treatment"]):
        detail = client.get(f"/v1/entities/{quote(entity)}").json()
        facts = [f for f in detail["treatments"] if f["fact"]["id"] == row["e"]]
        assert len(facts) == 1, (entity, row["e"])
        fact = facts[0]
        assert fact["subject"]["id"] == row["condition"] and fact["object"]["id"] == row["treatment"]
        levels = fact["qualifiers"]["evidence_level"]
        assert len(levels) == 1 and row["level"] in (levels[0]["id"], levels[0]["iri"])
        # which way the evidence points and where its level comes from, so 'low certainty' is not an endorsement
        for key, value in (("direction", row["direction"]), ("level_basis", row["basis"])):
            assert [q["iri"] for q in fact["qualifiers"][key]] == [value], (key, row["e"])
        assert fact["fact"]["label"].endswith(fact["qualifiers"]["direction"][0]["label"])
        assert fact["sources"] and fact["note"]
        assert detail["notice"]  # clinical content carries the educational notice


def test_anatomy_has_no_treatment_facts(client: httpx.Client) -> None:
    assert client.get("/v1/entities/ATFL").json()["treatments"] == []


def _citations() -> dict[str, set[tuple[str, ...]]]:
    """What each reference is cited for, read from the data file with SPARQL: sourced relations
    (annotated by an owl:Axiom) as (subject, predicate IRI, object), n-ary facts by their node."""
    cited: dict[str, set[tuple[str, ...]]] = {}
    for row in datafacts.select(
        """SELECT ?r ?s ?p ?o WHERE { ?ax a owl:Axiom ; owl:annotatedSource ?s ; owl:annotatedProperty ?p ;
             owl:annotatedTarget ?o ; dcterms:source ?r . FILTER(isIRI(?o)) }"""
    ):
        target = row["o"].replace("https://w3id.org/anklekg/schema#", "akg:")  # a lesion mechanism is a schema term
        cited.setdefault(row["r"], set()).add((row["s"], row["p"], target))
    for row in datafacts.select(
        """SELECT ?r ?f WHERE { ?f dcterms:source ?r ; a ?kind .
             FILTER(?kind IN (akg:Restraint, akg:MuscleAction, akg:TreatmentEvidence, akg:LesionPresentation)) }"""
    ):
        cited.setdefault(row["r"], set()).add((row["f"],))
    return cited


CITATIONS = _citations()


def test_a_reference_shows_every_fact_that_cites_it_and_the_definitions_it_gives(client: httpx.Client) -> None:
    """Traceability both ways: from a fact to its sources (every answer) and from a source to everything
    that rests on it, checked against the data file for every reference."""
    references = [
        i["id"] for i in client.get("/v1/entities", params={"type": "Reference", "limit": 500}).json()["items"]
    ]
    assert len(references) > 50
    for reference in references:
        detail = client.get(f"/v1/entities/{quote(reference)}").json()
        shown = {
            (f["fact"]["id"],) if f["fact"] else (f["subject"]["id"], f["predicate"]["iri"], f["object"]["id"])
            for f in detail["supports"]
        }
        assert shown == CITATIONS.get(reference, set()), reference
        assert all(reference in [s["id"] for s in f["sources"]] for f in detail["supports"])
        for defined in detail["defines"]:
            entity = client.get(f"/v1/entities/{quote(defined['id'])}").json()
            assert entity["definition_source"]["id"] == reference
    assert client.get("/v1/entities/ATFL").json()["supports"] == []


def cache_hits(client: httpx.Client) -> int:
    return int(client.get("/health").json()["answer_cache"]["hits"])


@pytest.mark.one_replica  # reads this process's cache counters
@pytest.mark.parametrize(
    ("path", "other"),
    [
        ("/v1/entities/ATFL", "/v1/entities/anterior%20talofibular%20ligament"),
        ("/v1/entities/ATFL/neighbors?depth=2", "/v1/entities/ANKLE:0000016/neighbors?depth=2"),
    ],
    ids=["entity", "neighbors"],
)
def test_an_entity_asked_again_by_any_name_is_served_from_the_answer_cache(
    client: httpx.Client, path: str, other: str
) -> None:
    first = client.get(path)
    before = cache_hits(client)
    again = client.get(other)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert cache_hits(client) == before + 1
    assert client.get(path, headers={"If-None-Match": first.headers["etag"]}).status_code == 304


def test_an_unknown_entity_is_a_problem_and_is_not_cached(client: httpx.Client) -> None:
    for _ in range(2):
        response = client.get("/v1/entities/no-such-ligament-at-all")
        assert response.status_code == 404 and response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.one_replica  # nginx replaces X-Forwarded-Proto with its own scheme, as it should
def test_page_links_follow_the_forwarded_scheme_and_host_as_a_proxy_passes_them(client: httpx.Client) -> None:
    """Links are built the one way the app builds absolute URLs (VoID, the Service Description): from the Host the
    client used and the scheme a trusted proxy forwards; each scheme has its own cached answer."""
    plain = client.get("/v1/entities", params={"limit": 5}).json()["next"]
    secure = client.get("/v1/entities", params={"limit": 5}, headers={"X-Forwarded-Proto": "https"}).json()["next"]
    host = client.base_url.netloc.decode()
    assert plain == f"http://{host}/v1/entities?limit=5&offset=5"
    assert secure == f"https://{host}/v1/entities?limit=5&offset=5"
    void = client.get("/.well-known/void", headers={"Accept": "text/turtle", "X-Forwarded-Proto": "https"}).text
    assert f"https://{host}/sparql" in void  # the same root as VoID's


def test_xrefs_carry_their_iri_and_the_mapping_predicate_and_justification(client: httpx.Client) -> None:
    xrefs = {x["id"]: x for x in client.get("/v1/entities/ATFL").json()["xrefs"]}
    uberon = xrefs["UBERON:0013725"]
    assert uberon["iri"] == "http://purl.obolibrary.org/obo/UBERON_0013725"
    assert (uberon["predicate"], uberon["justification"]) == ("skos:exactMatch", "semapv:LexicalMatching")
    assert xrefs["FMA:44083"]["iri"] == "http://purl.obolibrary.org/obo/FMA_44083"


@pytest.mark.parametrize(
    "ref",
    [
        "UBERON:0013725",
        "http://purl.obolibrary.org/obo/UBERON_0013725",
        "http%3A%2F%2Fpurl.obolibrary.org%2Fobo%2FUBERON_0013725",
        "http://purl.obolibrary.org/obo/FMA_44083",
    ],
)
def test_a_full_uberon_or_fma_iri_resolves_like_its_curie(client: httpx.Client, ref: str) -> None:
    response = client.get(f"/v1/entities/{ref}")
    assert response.status_code == 200, response.text
    assert response.json()["id"] == "ANKLE:0000016"


def test_an_uberon_iri_names_the_injured_structure(client: httpx.Client) -> None:
    by_iri = client.get("/v1/impact", params={"injured": "http://purl.obolibrary.org/obo/UBERON_0013725"})
    by_name = client.get("/v1/impact", params={"injured": "ATFL"})
    assert by_iri.status_code == 200, by_iri.text
    assert by_iri.json()["injuries"] == by_name.json()["injuries"]


def test_an_unknown_iri_is_still_a_problem_with_suggestions(client: httpx.Client) -> None:
    response = client.get("/v1/entities/http://purl.obolibrary.org/obo/UBERON_9999999")
    assert response.status_code == 404 and response.headers["content-type"].startswith("application/problem+json")
