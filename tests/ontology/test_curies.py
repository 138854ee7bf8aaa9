"""One CURIE converter (the curies package): the longest namespace wins, and it agrees with the data's prefixes."""

from __future__ import annotations

import re

import pytest

from app.ontology.curies import CONVERTER, compress, expand, standardize
from app.settings import Settings
from app.vocab import PREFIXES


@pytest.mark.parametrize(
    ("iri", "curie"),
    [
        ("http://purl.obolibrary.org/obo/IAO_0000115", "IAO:0000115"),  # not obo:IAO_0000115
        ("http://purl.obolibrary.org/obo/UBERON_0013725", "UBERON:0013725"),
        ("http://purl.obolibrary.org/obo/FMA_44083", "FMA:44083"),
        ("http://purl.obolibrary.org/obo/BFO_0000050", "obo:BFO_0000050"),
        ("https://w3id.org/anklekg/ANKLE_0000016", "ANKLE:0000016"),
        ("https://w3id.org/anklekg/schema#Ligament", "akg:Ligament"),
        ("https://example.org/elsewhere", "https://example.org/elsewhere"),
        ("http://purl.obolibrary.org/obo/", "http://purl.obolibrary.org/obo/"),  # a bare namespace stays an IRI
    ],
)
def test_compress_takes_the_longest_namespace(iri: str, curie: str) -> None:
    assert compress(iri) == curie
    if curie != iri:
        assert expand(curie) == iri


def test_expand_refuses_what_is_no_curie() -> None:
    assert expand("nope:0001") is None
    assert expand("http://purl.obolibrary.org/obo/UBERON_0013725") is None
    assert expand("UBERON:") is None


def test_standardize_reads_a_full_iri_as_its_curie() -> None:
    assert standardize("http://purl.obolibrary.org/obo/UBERON_0013725") == "UBERON:0013725"
    assert standardize("UBERON:0013725") == "UBERON:0013725"
    assert standardize("anterior talofibular ligament") == "anterior talofibular ligament"


def test_the_converter_is_built_from_the_one_prefix_map_and_agrees_with_the_data_files() -> None:
    assert CONVERTER.prefix_map == PREFIXES
    for path in Settings().ontology_paths:
        declared = re.findall(r"^@prefix (\S*): <([^>]*)> \.$", path.read_text(encoding="utf-8"), flags=re.M)
        assert declared
        for prefix, namespace in declared:
            assert PREFIXES.get(prefix) == namespace, f"{path.name} declares {prefix}: <{namespace}>"
