"""Tests of the validation layer: every QC check fires on its broken fixture and stays quiet on the valid one.

A broken fixture ``tests/data/broken/<check>.ttl`` is loaded on top of ``data/schema.ttl`` and
``tests/data/valid_minimal.ttl``. Its comment header says what it proves:

- ``# expect: <CURIE or IRI>`` the entity the check must report;
- ``# remove: <subject> <predicate>`` (optional) triples deleted from the valid fixture first, for checks
  about something missing from it (the ontology header).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from app.ontology.curies import expand
from app.ontology.load import OntologyLoadError, load_store, to_rdflib
from app.ontology.validation import Severity, ValidationReport, Violation, validate
from app.ontology.validation.qc import QcConfigurationError, load_checks, run_qc
from app.ontology.validation.shacl import run_shacl
from app.ontology.validation.xrefs import REFERENCE_XREF_CHECK, check_reference_xrefs

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = REPO / "data"
QC_DIR = DATA_DIR / "qc"
SCHEMA = DATA_DIR / "schema.ttl"
SHAPES = DATA_DIR / "shapes.ttl"
TEST_DATA = REPO / "tests" / "data"
VALID_FIXTURE = TEST_DATA / "valid_minimal.ttl"
BROKEN_DIR = TEST_DATA / "broken"
REFERENCE_CSV = TEST_DATA / "reference_structures.csv"
REAL_REFERENCE_CSV = DATA_DIR / "reference" / "ankle_structures.csv"  # vendored (data/reference/SOURCE.md)

CHECKS = load_checks(QC_DIR)
CHECK_NAMES = [check.name for check in CHECKS]


def _node(token: str) -> ox.NamedNode:
    """A fixture-directive term: <IRI> or a CURIE with a known prefix."""
    if token.startswith("<") and token.endswith(">"):
        return ox.NamedNode(token[1:-1])
    iri = expand(token)
    if iri is None:
        raise ValueError(f"unknown prefix in fixture directive {token!r}")
    return ox.NamedNode(iri)


def _directives(fixture: Path, name: str) -> list[str]:
    prefix = f"# {name}:"
    return [
        line.removeprefix(prefix).strip()
        for line in fixture.read_text(encoding="utf-8").splitlines()
        if line.startswith(prefix)
    ]


def load_valid_store() -> ox.Store:
    return load_store([SCHEMA, VALID_FIXTURE])


def load_broken_store(check: str) -> ox.Store:
    """Schema + valid fixture, minus the fixture's '# remove:' triples, plus the fixture's own triples."""
    fixture = BROKEN_DIR / f"{check}.ttl"
    store = load_valid_store()
    for directive in _directives(fixture, "remove"):
        subject, predicate = (_node(token) for token in directive.split())
        for quad in list(store.quads_for_pattern(subject, predicate, None)):
            store.remove(quad)
    return load_store([fixture], store)


def expected_entity(check: str) -> str:
    (expected,) = _directives(BROKEN_DIR / f"{check}.ttl", "expect")
    return expected


def entities_reported(violations: list[Violation], check: str) -> set[str | None]:
    return {violation.entity for violation in violations if violation.check == check}


# ---------------------------------------------------------------------------------------------------
# QC checks
# ---------------------------------------------------------------------------------------------------
def test_profile_and_broken_fixtures_match() -> None:
    """Every profiled check has a broken fixture, and every broken fixture belongs to a profiled check."""
    fixtures = {path.stem for path in BROKEN_DIR.glob("*.ttl")}
    assert fixtures == set(CHECK_NAMES)


def test_valid_fixture_passes_every_check() -> None:
    store = load_valid_store()
    report = validate(store, data_dir=DATA_DIR, reference_csv=REFERENCE_CSV)
    assert report.violations == (), report.render_text()
    assert report.ok


@pytest.mark.parametrize("check", CHECK_NAMES)
def test_broken_fixture_fires_its_check(check: str) -> None:
    store = load_broken_store(check)
    violations = run_qc(store, CHECKS)
    assert expected_entity(check) in entities_reported(violations, check), [v for v in violations if v.check == check]


@pytest.mark.parametrize("check", CHECK_NAMES)
def test_check_quiet_on_valid_fixture(check: str) -> None:
    """The check alone, on the valid fixture: catches a query that fires on everything."""
    selected = [c for c in CHECKS if c.name == check]
    assert run_qc(load_valid_store(), selected) == []


def test_violation_carries_severity_and_problem_from_the_check() -> None:
    violations = run_qc(load_broken_store("orphan"), CHECKS)
    (orphan,) = [v for v in violations if v.check == "orphan"]
    assert orphan.severity is Severity.WARN
    assert orphan.message.startswith("A live anatomical structure has no relation")


def test_literal_values_are_quoted_so_whitespace_shows() -> None:
    violations = run_qc(load_broken_store("label_whitespace"), CHECKS)
    (found,) = [v for v in violations if v.check == "label_whitespace"]
    assert found.property == "rdfs:label"
    assert found.value == '"medial  malleolus "'


def test_restraint_incomplete_reports_each_missing_member() -> None:
    violations = run_qc(load_broken_store("restraint_incomplete"), CHECKS)
    found = {(v.property, v.value) for v in violations if v.check == "restraint_incomplete"}
    # a missing position is allowed: it means the source states none
    assert found == {("akg:joint", "0")}


# ---------------------------------------------------------------------------------------------------
# Configuration errors
# ---------------------------------------------------------------------------------------------------
def _copy_qc_dir(tmp_path: Path) -> Path:
    qc_copy = tmp_path / "qc"
    shutil.copytree(QC_DIR, qc_copy)
    return qc_copy


def test_profile_line_without_query_file_raises(tmp_path: Path) -> None:
    qc_copy = _copy_qc_dir(tmp_path)
    with (qc_copy / "profile.tsv").open("a", encoding="utf-8") as profile:
        profile.write("ERROR\tno_such_check\n")
    with pytest.raises(QcConfigurationError, match="no_such_check"):
        load_checks(qc_copy)


def test_query_file_without_profile_line_raises(tmp_path: Path) -> None:
    qc_copy = _copy_qc_dir(tmp_path)
    (qc_copy / "unprofiled_check.rq").write_text("# Problem: x\nSELECT * WHERE {}\n", encoding="utf-8")
    with pytest.raises(QcConfigurationError, match="unprofiled_check"):
        load_checks(qc_copy)


@pytest.mark.parametrize(
    ("profile_line", "error"),
    [("FATAL\tmissing_label", "unknown severity 'FATAL'"), ("ERROR missing_label", "expected 'SEVERITY<TAB>")],
)
def test_malformed_profile_line_raises(tmp_path: Path, profile_line: str, error: str) -> None:
    qc_copy = _copy_qc_dir(tmp_path)
    (qc_copy / "profile.tsv").write_text(profile_line + "\n", encoding="utf-8")
    for query in qc_copy.glob("*.rq"):
        if query.stem != "missing_label":
            query.unlink()
    with pytest.raises(QcConfigurationError, match=error):
        load_checks(qc_copy)


def _single_check_dir(tmp_path: Path, query: bytes) -> Path:
    qc_copy = tmp_path / "qc"
    qc_copy.mkdir()
    (qc_copy / "profile.tsv").write_text("ERROR\tbroken_query\n", encoding="utf-8")
    (qc_copy / "broken_query.rq").write_bytes(b"# Problem: x\n" + query)
    return qc_copy


def test_query_syntax_error_names_the_file_line_and_column(tmp_path: Path) -> None:
    """The position is in the .rq file, not in the text run with the prefix map in front of it."""
    qc_copy = _single_check_dir(tmp_path, b"SELECT ?entity WHERE { ?entity ?p }\n")
    with pytest.raises(QcConfigurationError, match=r"broken_query\.rq:2:35: expected one of ") as raised:
        run_qc(load_valid_store(), load_checks(qc_copy))
    assert isinstance(raised.value, OntologyLoadError) and "\n" not in str(raised.value)


def test_query_not_in_utf8_names_the_line_and_column(tmp_path: Path) -> None:
    qc_copy = _single_check_dir(tmp_path, 'SELECT ?entity WHERE { ?entity rdfs:label "café" }\n'.encode("latin-1"))
    with pytest.raises(QcConfigurationError, match=r"broken_query\.rq:2:47: not UTF-8"):
        load_checks(qc_copy)


# ---------------------------------------------------------------------------------------------------
# SHACL
# ---------------------------------------------------------------------------------------------------
def test_shacl_passes_valid_fixture() -> None:
    assert run_shacl(to_rdflib(load_valid_store()), SHAPES) == []


@pytest.mark.parametrize(
    ("appended", "error"),
    [
        ("akg:BrokenShape a sh:NodeShape ; sh:targetClass akg:Bone ; sh:property [ sh:path ] .", r":\d+:\d+: "),
        ('akg:BrokenShape a sh:NodeShape ; sh:targetClass akg:Bone ; sh:property [ sh:path "x" ] .', ": Values of"),
    ],
    ids=["syntax", "not SHACL"],
)
def test_unusable_shapes_file_is_a_data_file_error(tmp_path: Path, appended: str, error: str) -> None:
    shapes = tmp_path / SHAPES.name
    shapes.write_text(SHAPES.read_text(encoding="utf-8") + appended + "\n", encoding="utf-8")
    with pytest.raises(OntologyLoadError, match=re.escape(str(shapes)) + error):
        run_shacl(to_rdflib(load_valid_store()), shapes)


@pytest.mark.parametrize(
    ("fixture", "shape", "entity"),
    [
        ("restraint_incomplete", "shacl:RestraintJointShape", "ANKLE:0005002"),
        ("restraint_wrong_range", "shacl:RestraintJointShape", "ANKLE:0005005"),
        ("action_incomplete", "shacl:MuscleActionMotionShape", "ANKLE:0006002"),
        ("action_wrong_range", "shacl:MuscleActionMuscleShape", "ANKLE:0006003"),
        ("treatment_evidence_incomplete", "shacl:TreatmentEvidenceLevelShape", "ANKLE:0007002"),
        ("unsourced_fact", "shacl:RestraintSourceShape", "ANKLE:0005003"),
        ("source_not_reference", "shacl:RestraintSourceShape", "ANKLE:0005004"),
        ("reference_incomplete", "shacl:ReferenceShape", "ANKLE:0009005"),
        ("reference_incomplete", "shacl:ReferenceIssuedShape", "ANKLE:0009005"),
        ("missing_definition", "shacl:DefinedEntityShape", "ANKLE:0000056"),
        ("multiple_labels", "shacl:EntityLabelShape", "ANKLE:0000003"),
        ("missing_ontology_license", "shacl:OntologyLicenseShape", "https://w3id.org/anklekg/anklekg.owl"),
    ],
)
def test_shacl_catches_broken_shape(fixture: str, shape: str, entity: str) -> None:
    violations = run_shacl(to_rdflib(load_broken_store(fixture)), SHAPES)
    assert entity in entities_reported(violations, shape), violations
    assert all(v.severity is Severity.ERROR for v in violations)


# ---------------------------------------------------------------------------------------------------
# Reference table
# ---------------------------------------------------------------------------------------------------
XREF_PREFIXES = """
@prefix ANKLE: <https://w3id.org/anklekg/ANKLE_> .
@prefix akg: <https://w3id.org/anklekg/schema#> .
@prefix oboInOwl: <http://www.geneontology.org/formats/oboInOwl#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""


@pytest.mark.parametrize(
    ("case", "removed_xref", "added_turtle", "expected"),
    [
        ("valid fixture", None, "", set()),
        (
            "table xref missing",
            ("ANKLE:0000003", "FMA:9708"),
            "",
            {("ANKLE:0000003", '"FMA:9708"')},
        ),
        (
            "xref not in the table row",
            None,
            'ANKLE:0000002 oboInOwl:hasDbXref "UBERON:0000979" .',
            {("ANKLE:0000002", '"UBERON:0000979"')},
        ),
        (
            "xref on a row whose cell is empty",
            None,
            'ANKLE:0000017 a akg:Ligament ; rdfs:label "lateral collateral ligament complex of ankle" ;'
            ' oboInOwl:hasDbXref "FMA:44079" .'
            " [] a owl:Axiom ; owl:annotatedSource ANKLE:0000017 ; owl:annotatedProperty oboInOwl:hasDbXref ;"
            ' owl:annotatedTarget "FMA:44079" ; rdfs:comment "read from fma.owl" .',
            {("ANKLE:0000017", '"FMA:44079"')},
        ),
        (
            "entity outside the table, no release file named",
            None,
            'ANKLE:0000041 a akg:Muscle ; rdfs:label "fibularis brevis" ; oboInOwl:hasDbXref "UBERON:0010526" .'
            " [] a owl:Axiom ; owl:annotatedSource ANKLE:0000041 ; owl:annotatedProperty oboInOwl:hasDbXref ;"
            ' owl:annotatedTarget "UBERON:0010526" ; rdfs:comment "from memory" .',
            {("ANKLE:0000041", '"UBERON:0010526"')},
        ),
        (
            "entity outside the table, release file named",
            None,
            'ANKLE:0000041 a akg:Muscle ; rdfs:label "fibularis brevis" ; oboInOwl:hasDbXref "UBERON:0010526" .'
            " [] a owl:Axiom ; owl:annotatedSource ANKLE:0000041 ; owl:annotatedProperty oboInOwl:hasDbXref ;"
            ' owl:annotatedTarget "UBERON:0010526" ; rdfs:comment "stanza read from uberon-edit.obo" .',
            set(),
        ),
        (
            "other prefixes are not governed by the table",
            None,
            'ANKLE:0000002 oboInOwl:hasDbXref "MESH:D005360" .',
            set(),
        ),
    ],
)
def test_check_reference_xrefs(
    case: str, removed_xref: tuple[str, str] | None, added_turtle: str, expected: set[tuple[str, str]]
) -> None:
    store = load_valid_store()
    if removed_xref is not None:
        subject, xref = removed_xref
        store.remove(ox.Quad(_node(subject), _node("oboInOwl:hasDbXref"), ox.Literal(xref)))
    if added_turtle:
        store.load((XREF_PREFIXES + added_turtle).encode("utf-8"), format=ox.RdfFormat.TURTLE)
    violations = check_reference_xrefs(store, REFERENCE_CSV)
    assert {(v.entity, v.value) for v in violations} == expected, case
    assert all(v.check == REFERENCE_XREF_CHECK and v.severity is Severity.ERROR for v in violations)


# ---------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------
def test_report_counts_and_text_put_errors_first() -> None:
    report = ValidationReport(
        violations=(
            Violation("orphan", Severity.WARN, "ANKLE:0000058", None, None, "No relation."),
            Violation("missing_label", Severity.ERROR, "ANKLE:0000050", "rdfs:label", None, "No label."),
            Violation("missing_label", Severity.ERROR, "ANKLE:0000051", "rdfs:label", None, "No label."),
        )
    )
    assert not report.ok
    assert len(report.errors) == 2
    assert report.counts() == {
        "by_check": {"missing_label": 2, "orphan": 1},
        "by_severity": {"ERROR": 2, "WARN": 1, "INFO": 0},
    }
    text = report.render_text()
    assert text.index("ERROR missing_label: 2") < text.index("WARN orphan: 1")
    assert "- ANKLE:0000050  rdfs:label" in text
    assert report.to_dict()["violations"][0]["severity"] == "WARN"


def test_validate_reports_errors_on_broken_fixture() -> None:
    report = validate(load_broken_store("restraint_incomplete"), data_dir=DATA_DIR)
    assert not report.ok
    checks = {v.check for v in report.errors}
    assert {"restraint_incomplete", "shacl:RestraintJointShape"} <= checks


# ---------------------------------------------------------------------------------------------------
# The real data
# ---------------------------------------------------------------------------------------------------
def test_real_data_has_no_errors() -> None:
    store = load_store([SCHEMA, DATA_DIR / "ankle_ontology.ttl"])
    report = validate(store, data_dir=DATA_DIR, reference_csv=REAL_REFERENCE_CSV)
    assert report.ok, report.render_text()


def test_every_uberon_is_a_between_structures_of_the_graph_is_a_kind_of_relation(kg) -> None:  # type: ignore[no-untyped-def]
    """The cross-check in docs/coverage.md: UBERON's is_a rows whose both ends are in the graph are all
    related here, and the relation is akg:kindOf in the asserted direction."""
    from app.reports import RELATIONS_CSV, relation_cross_check

    check = relation_cross_check(kg, REAL_REFERENCE_CSV.with_name(RELATIONS_CSV))
    assert not [relation for relation in check.unlinked if relation.startswith("is_a")]
    kinds = {(st.subject, st.object) for st in kg.kb.statements if st.predicate == "akg:kindOf" and not st.inferred}
    assert ("ANKLE:0000016", "ANKLE:0000074") in kinds  # ATFL is a kind of talofibular ligament
    assert check.linked + check.linked_through_part + sum(map(len, check.unlinked.values())) == (
        check.between_graph_entities
    )
