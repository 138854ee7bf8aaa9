"""The mapping set: every UBERON/FMA xref is one mapping whose predicate and justification come from the data,
published as IRI triples that join with UBERON by IRI."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from app.errors import OntologyLoadError
from app.kg import AnkleKG
from app.ontology.load import load_store
from app.ontology.mappings import EDITOR_COLUMNS, JUSTIFICATIONS, PREDICATES, derive_mappings, read_editor_table
from app.settings import Settings
from tests.conftest import ROOT

UBERON_FIXTURE = ROOT / "tests" / "data" / "uberon_ankle_classes.ttl"
UBERON_GRAPH = "https://example.org/uberon-ankle"
REFERENCE = ROOT / "data" / "reference"


def _by_pair(kg: AnkleKG) -> dict[tuple[str, str], object]:
    return {(m.subject_id, m.object_id): m for m in kg.kb.mappings}


def test_every_uberon_and_fma_xref_is_one_mapping_with_a_known_predicate_and_justification(kg: AnkleKG) -> None:
    xrefs = {
        (t.id, x.curie) for t in kg.kb.terms.values() for x in t.xrefs if x.curie.split(":")[0] in ("UBERON", "FMA")
    }
    assert len(xrefs) == 133  # the reference table's 133 ids (README counts)
    assert set(_by_pair(kg)) == xrefs and len(kg.kb.mappings) == len(xrefs)
    assert {m.predicate_id for m in kg.kb.mappings} <= set(PREDICATES)
    assert {m.mapping_justification for m in kg.kb.mappings} <= set(JUSTIFICATIONS)


def test_a_lexical_match_names_the_matched_string_and_it_really_matches(kg: AnkleKG) -> None:
    lexical = [m for m in kg.kb.mappings if m.mapping_justification == "semapv:LexicalMatching"]
    assert lexical
    for m in lexical:
        term = kg.kb.terms.get(m.subject_id)
        assert term is not None and m.match_string and m.object_label
        assert m.predicate_id == "skos:exactMatch"
        by_label = m.subject_match_field == "rdfs:label"
        names = {term.label, re.sub(r"\s*\([^)]*\)$", "", term.label)} if by_label else set(term.synonyms)
        assert m.match_string in names
        assert m.match_string.casefold() == m.object_label.casefold()
    atfl = _by_pair(kg)[("ANKLE:0000016", "UBERON:0013725")]
    assert (atfl.predicate_id, atfl.match_string, atfl.subject_match_field) == (  # type: ignore[attr-defined]
        "skos:exactMatch", "anterior talofibular ligament", "rdfs:label"
    )
    deltoid = _by_pair(kg)[("ANKLE:0000019", "UBERON:0011972")]
    assert deltoid.match_string == "medial ligament of ankle joint"  # type: ignore[attr-defined]
    assert deltoid.subject_match_field == "oboInOwl:hasExactSynonym"  # type: ignore[attr-defined]


def test_the_object_label_is_the_one_the_reference_table_records(kg: AnkleKG) -> None:
    with (REFERENCE / "ankle_structures.csv").open(encoding="utf-8") as handle:
        recorded = {
            row["uberon"]: match.group(1)
            for row in csv.DictReader(handle)
            if row["uberon"] and (match := re.match(r"UBERON label '([^']+)'", row["source_note"]))
        }
    uberon = [m for m in kg.kb.mappings if m.object_id.startswith("UBERON:")]
    assert uberon and all(m.object_label == recorded[m.object_id] for m in uberon)


def test_manual_curation_is_claimed_only_for_the_pairs_an_editor_reviewed(kg: AnkleKG) -> None:
    reviewed = read_editor_table(ROOT / "data" / "mappings.tsv")
    manual = {
        (m.subject_id, m.object_id)
        for m in kg.kb.mappings
        if m.mapping_justification == "semapv:ManualMappingCuration"
    }
    assert manual == set(reviewed) and manual
    region = _by_pair(kg)[("ANKLE:0000069", "UBERON:0004454")]
    assert region.predicate_id == "skos:closeMatch"  # type: ignore[attr-defined]  # UBERON's tarsal region is part of the foot


def test_ids_without_evidence_of_exactness_are_close_matches_that_say_why(kg: AnkleKG) -> None:
    pairs = _by_pair(kg)
    foot = pairs[("ANKLE:0000071", "UBERON:0002387")]  # 'foot' vs UBERON's 'pes': no label or synonym matches
    assert (foot.predicate_id, foot.mapping_justification) == (  # type: ignore[attr-defined]
        "skos:closeMatch", "semapv:UnspecifiedMatching"
    )
    tibia_fma = pairs[("ANKLE:0000001", "FMA:24476")]  # from UBERON's own xrefs: chained, precision unknown
    assert (tibia_fma.predicate_id, tibia_fma.mapping_justification) == (  # type: ignore[attr-defined]
        "skos:closeMatch", "semapv:MappingChaining"
    )
    assert all(m.comment for m in kg.kb.mappings)


def test_editor_rows_must_name_an_xref_of_the_data_and_say_who_reviewed_what(tmp_path: Path) -> None:
    store = load_store(Settings().ontology_paths)
    header = "\t".join(EDITOR_COLUMNS)
    invented = tmp_path / "invented.tsv"
    invented.write_text(f"{header}\nANKLE:0000016\tUBERON:9999999\tskos:exactMatch\tsemapv:ManualMappingCuration\tme\tseen\n")
    with pytest.raises(OntologyLoadError, match="no cross-reference of the data"):
        derive_mappings(store, invented)
    lexical = tmp_path / "lexical.tsv"
    lexical.write_text(f"{header}\nANKLE:0000016\tUBERON:0013725\tskos:exactMatch\tsemapv:LexicalMatching\tme\tseen\n")
    with pytest.raises(OntologyLoadError, match="editors' reviews only"):
        derive_mappings(store, lexical)
    silent = tmp_path / "silent.tsv"
    silent.write_text(f"{header}\nANKLE:0000016\tUBERON:0013725\tskos:exactMatch\tsemapv:ManualMappingCuration\t\t\n")
    with pytest.raises(OntologyLoadError, match="who reviewed"):
        derive_mappings(store, silent)


def test_the_mappings_are_iri_triples_in_the_asserted_graph(kg: AnkleKG) -> None:
    atfl = ox.NamedNode("https://w3id.org/anklekg/ANKLE_0000016")
    exact = ox.NamedNode("http://www.w3.org/2004/02/skos/core#exactMatch")
    objects = {q.object for q in kg.store.quads_for_pattern(atfl, exact, None, ox.DefaultGraph())}
    assert objects == {ox.NamedNode("http://purl.obolibrary.org/obo/UBERON_0013725")}
    # the CURIE strings stay for people
    xref = ox.NamedNode("http://www.geneontology.org/formats/oboInOwl#hasDbXref")
    assert ox.Literal("UBERON:0013725") in {q.object for q in kg.store.quads_for_pattern(atfl, xref, None)}


JOIN = f"""
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX akg: <https://w3id.org/anklekg/schema#>
SELECT ?ligament ?uberon_label ?uberon_parent WHERE {{
  ?entity a akg:Ligament ; rdfs:label ?ligament ; skos:exactMatch ?uberon .
  GRAPH <{UBERON_GRAPH}> {{
    ?uberon rdfs:label ?uberon_label .
    OPTIONAL {{ ?uberon rdfs:subClassOf ?p . ?p rdfs:label ?uberon_parent }}
  }}
}}"""


def test_a_sparql_join_by_iri_with_a_local_copy_of_uberon_classes() -> None:
    """The dataset /sparql and `anklekg sparql` query, with the UBERON fixture as a named graph (--dataset)."""
    kg = AnkleKG.load(Settings(sparql_datasets=(f"{UBERON_FIXTURE}={UBERON_GRAPH}",)))
    result = kg.sparql(JOIN)
    assert isinstance(result, ox.QuerySolutions)
    rows = {(r["ligament"].value, r["uberon_label"].value, r["uberon_parent"].value if r["uberon_parent"] else None)
            for r in result}  # fmt: skip
    assert ("anterior talofibular ligament", "anterior talofibular ligament", "talofibular ligament") in rows
    assert ("deltoid ligament", "medial ligament of ankle joint", None) in rows
    assert len(rows) == 5


def test_the_uberon_fixture_holds_only_ids_and_labels_read_from_the_reference_data() -> None:
    with (REFERENCE / "ankle_structures.csv").open(encoding="utf-8") as handle:
        structures = {row["key"]: row for row in csv.DictReader(handle)}
    with (REFERENCE / "ankle_relations_from_ontologies.csv").open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        relations = {}
        for row in reader:
            relations[reader.line_num] = row
    checked = 0
    for line in UBERON_FIXTURE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("UBERON:"):
            continue
        statement, _, origin = line.partition("  # ")
        ids = re.findall(r"UBERON:\d{7}", statement)
        label = re.search(r'rdfs:label "([^"]+)"', statement)
        if origin.startswith("structures "):
            row = structures[origin.removeprefix("structures ")]
            assert ids == [row["uberon"]] and label is not None
            assert f"UBERON label '{label.group(1)}'" in row["source_note"]
        else:
            row = relations[int(origin.removeprefix("relations line "))]
            assert (ids[0] == row["subject_id"] and ids[-1] == row["object_id"]) or ids == [row["object_id"]]
            if label is not None:
                assert label.group(1) == row["object_label"]
            else:
                kind = "subClassOf " + row["object_id"] if row["relation"] == "is_a" else "BFO:0000050"
                assert kind in statement
        checked += 1
    assert checked > 60
