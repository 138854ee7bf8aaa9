"""The anklekg command line, run as a real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from app.sparql.dataset import ASSERTED_GRAPH, INFERRED_GRAPH
from tests.conftest import DATA, ROOT


def anklekg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_validate_reports_zero_errors_on_the_bundled_data() -> None:
    result = anklekg("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ERROR" in result.stdout  # the report lists counts per severity, zero errors included


def test_impact_prints_a_readable_tree_with_sources() -> None:
    result = anklekg("impact", "ATFL", "CFL", "--grade", "3")
    assert result.returncode == 0, result.stderr
    assert "talocrural joint" in result.stdout and "because" in result.stdout
    assert "not medical advice" in result.stdout


def test_impact_with_an_unknown_name_suggests_and_fails() -> None:
    result = anklekg("impact", "ATFX")
    assert result.returncode != 0
    assert "did you mean" in result.stderr and "ATFL" not in result.stdout


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_a_syntax_error_stops_start_up_with_file_line_and_column(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    ontology = data / "ankle_ontology.ttl"
    lines = ontology.read_text().splitlines()
    lines.insert(40, 'ANKLE:0000001 rdfs:label "unterminated ;')
    ontology.write_text("\n".join(lines) + "\n")
    for command in (["validate"], ["serve", "--port", "0"]):
        result = anklekg(*command, "--data-dir", str(data))
        assert result.returncode == 2, result.stderr
        assert f"{ontology}:41:" in result.stderr


def test_invalid_data_stops_start_up_with_the_report(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    with (data / "ankle_ontology.ttl").open("a") as handle:
        handle.write(
            "\nANKLE:0000999 a <https://w3id.org/anklekg/schema#Ligament> ; "
            '<http://www.w3.org/2000/01/rdf-schema#label> "tibia" .\n'
        )
    result = anklekg("serve", "--port", "0", "--data-dir", str(data))
    assert result.returncode == 3
    assert "duplicate_label" in result.stderr


ABBREVIATION_QUERY = """PREFIX akg: <https://w3id.org/anklekg/schema#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?x ?label WHERE { ?x akg:abbreviation "ATFL" ; rdfs:label ?label }"""


def test_sparql_prints_rows_as_csv_and_reads_a_query_file(tmp_path: Path) -> None:
    result = anklekg("sparql", ABBREVIATION_QUERY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "x,label",
        "https://w3id.org/anklekg/ANKLE_0000016,anterior talofibular ligament",
    ]
    query_file = tmp_path / "q.rq"
    query_file.write_text(ABBREVIATION_QUERY, encoding="utf-8")
    as_json = anklekg("sparql", f"@{query_file}", "--format", "json")
    assert json.loads(as_json.stdout)["results"]["bindings"][0]["label"]["value"] == "anterior talofibular ligament"


def test_sparql_queries_the_inferred_graph_when_asked() -> None:
    """Transitive part-of is in the inferred graph, kept apart from the asserted one: with both as the
    default graph the same question gets more answers than with the asserted graph alone."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?part <https://w3id.org/anklekg/schema#partOf> ?whole }"
    asserted = anklekg("sparql", query, "--graph", ASSERTED_GRAPH)
    both = anklekg("sparql", query, "--graph", ASSERTED_GRAPH, "--graph", INFERRED_GRAPH)
    assert asserted.returncode == both.returncode == 0, asserted.stderr + both.stderr
    assert int(both.stdout.splitlines()[1]) > int(asserted.stdout.splitlines()[1]) > 0


def test_sparql_errors_say_where_and_exit_non_zero() -> None:
    broken = anklekg("sparql", "SELECT * WHERE { ?s ?p }")
    assert broken.returncode == 2 and "line 1, column" in broken.stderr and broken.stdout == ""
    update = anklekg("sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert update.returncode == 64 and "read-only" in update.stderr
    missing = anklekg("sparql", "@/no/such/file.rq")
    assert missing.returncode == 64 and "cannot read the query file" in missing.stderr
