"""The published JSON-LD @context: the prefix map plus the schema's properties by local name.

One function serves the export files, ``/v1/context.jsonld`` and content negotiation, so every
JSON-LD document AnkleKG emits shares one context.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..vocab import AKG, DCTERMS, IAO_DEFINITION, OBOINOWL, PREFIXES, RDFS, XSD
from .curies import compress

# Properties whose values are IRIs (so JSON-LD compacts them as {"@id": ...} without nesting).
_OBJECT_PROPERTIES = (
    "partOf",
    "hasPart",
    "kindOf",
    "hasKind",
    "origin",
    "insertion",
    "proximalAttachment",
    "distalAttachment",
    "spansJoint",
    "articulatesWith",
    "jointOf",
    "tendonOf",
    "innervatedBy",
    "suppliedBy",
    "branchOf",
    "leavesAbove",
    "leavesBelow",
    "passesThrough",
    "liesIn",
    "adjacentTo",
    "sensoryTerritory",
    "affects",
    "hasSymptom",
    "diagnosedBy",
    "mayLeadTo",
    "mimics",
    "examinesJoint",
    "examinesMotion",
    "examinesStructure",
    "testPosition",
    "restrainingStructure",
    "actingMuscle",
    "joint",
    "motion",
    "position",
    "restraintRole",
    "actionRole",
    "condition",
    "treatment",
    "evidenceLevel",
    "motionKindOf",
    "oppositeMotion",
    "definitionSource",
)


@cache
def jsonld_context() -> dict[str, Any]:
    """The @context object (without the enclosing {"@context": ...})."""
    context: dict[str, Any] = {"@version": 1.1}
    for prefix, iri in PREFIXES.items():
        # JSON-LD 1.1 uses a term as a CURIE prefix only if its IRI ends in a gen-delim, unless the
        # term says "@prefix": true; without it "ANKLE:0000016" would not expand (ANKLE_ ends in "_").
        context[prefix] = iri if iri[-1] in ":/?#[]@" else {"@id": iri, "@prefix": True}
    context["label"] = compress(RDFS.label)
    context["definition"] = compress(IAO_DEFINITION)
    context["synonym"] = compress(OBOINOWL.hasExactSynonym)
    context["xref"] = compress(OBOINOWL.hasDbXref)
    context["source"] = {"@id": compress(DCTERMS.source), "@type": "@id"}
    # getattr on the closed namespace refuses a misspelt name
    for name in _OBJECT_PROPERTIES:
        context[name] = {"@id": compress(getattr(AKG, name)), "@type": "@id"}
    for name in ("abbreviation", "latinName", "evidenceNote", "recommendation", "mechanism", "referenceKind"):
        context[name] = compress(getattr(AKG, name))
    context["relativeContribution"] = {"@id": compress(AKG.relativeContribution), "@type": compress(XSD.decimal)}
    return context
