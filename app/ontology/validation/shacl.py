"""SHACL validation against data/shapes.ttl: the shapes and ranges of the n-ary facts.

pyshacl needs rdflib graphs. The shapes file is parsed by pyoxigraph all the same (then copied into
rdflib), so a syntax error in it is reported with its line and column like every other data file.
"""

from __future__ import annotations

import re
from pathlib import Path

import rdflib
from pyshacl import validate as shacl_validate
from pyshacl.errors import ReportableRuntimeError

from ...errors import OntologyLoadError
from ...vocab import IRI, RDF, SH
from ..curies import compress
from ..load import load_store, to_rdflib
from .report import Severity, Violation, literal_form

__all__ = ["run_shacl"]

_SHACL_SEVERITY = {SH.Violation: Severity.ERROR, SH.Warning: Severity.WARN, SH.Info: Severity.INFO}


def _term(iri: str) -> rdflib.URIRef:
    """The rdflib term of a vocabulary IRI (app.vocab's are plain strings, which rdflib's graphs do not match)."""
    return rdflib.URIRef(iri)


def _display(term: rdflib.term.Node | None) -> str | None:
    """The report form of an rdflib term, as :func:`app.ontology.validation.qc._display` gives a pyoxigraph one."""
    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        return compress(str(term))
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    if isinstance(term, rdflib.Literal):
        return literal_form(str(term), None if term.datatype is None else str(term.datatype))
    return str(term)


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def run_shacl(graph: rdflib.Graph, shapes_path: Path) -> list[Violation]:
    """Validate ``graph`` (schema and data together) against the shapes file.

    No inference is asked of pyshacl: the schema's rdfs:subClassOf triples are in the data graph, and
    SHACL's sh:class and sh:targetClass already follow rdfs:subClassOf there. That keeps start-up fast.
    Each result becomes a Violation named ``shacl:<shape>`` when the shape has an IRI, else
    ``shacl:<constraint component>``. A shapes file that does not parse, or that pyshacl cannot use,
    raises :class:`OntologyLoadError`.
    """
    shapes = to_rdflib(load_store([shapes_path]))
    try:
        _, results_graph, _ = shacl_validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True)
    except ReportableRuntimeError as exc:
        raise OntologyLoadError(str(shapes_path), None, None, " ".join(str(exc).split())) from exc
    assert isinstance(results_graph, rdflib.Graph)
    violations = []
    for result in results_graph.subjects(_term(RDF.type), _term(SH.ValidationResult)):
        source_shape = results_graph.value(result, _term(SH.sourceShape))
        component = results_graph.value(result, _term(SH.sourceConstraintComponent))
        if isinstance(source_shape, rdflib.URIRef):
            check_name = f"shacl:{_local_name(str(source_shape))}"
        else:
            check_name = f"shacl:{_local_name(str(component))}"
        level = results_graph.value(result, _term(SH.resultSeverity))
        severity = Severity.ERROR
        if isinstance(level, rdflib.URIRef):
            severity = _SHACL_SEVERITY.get(IRI(level), Severity.ERROR)
        message = results_graph.value(result, _term(SH.resultMessage))
        violations.append(
            Violation(
                check=check_name,
                severity=severity,
                entity=_display(results_graph.value(result, _term(SH.focusNode))),
                property=_display(results_graph.value(result, _term(SH.resultPath))),
                value=_display(results_graph.value(result, _term(SH.value))),
                message=str(message) if message is not None else _local_name(str(component)),
            )
        )
    violations.sort(key=lambda v: (v.check, v.entity or "", v.property or "", v.value or ""))
    return violations
