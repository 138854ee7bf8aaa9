"""Example SPARQL queries that answer real questions; shown on the query page and tested.

Each declares its prefixes, so it runs unchanged with curl, SPARQLWrapper or any SPARQL client.
Names are matched by label so the queries read as the questions do.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.sparql.dataset import ASSERTED_GRAPH, INFERRED_GRAPH
from app.vocab import PREFIXES

__all__ = ["EXAMPLES", "Example", "prologue"]


def prologue(*names: str) -> str:
    """PREFIX lines for the named entries of the one prefix map."""
    return "".join(f"PREFIX {n}: <{PREFIXES[n]}>\n" for n in names)


_BASIC = prologue("akg", "rdfs")
_OWL = prologue("akg", "rdfs", "owl")


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    question: str
    query: str


EXAMPLES: tuple[Example, ...] = (
    Example(
        "evertors",
        "Evertors and their nerves",
        "Which muscles evert the foot, and what innervates them (with spinal root levels)?",
        _OWL
        + """SELECT DISTINCT ?muscle ?muscleLabel ?roleLabel ?nerveLabel ?roots WHERE {
  ?eversion rdfs:label "eversion" .
  ?action a akg:MuscleAction ; akg:motion ?eversion ;
          akg:actingMuscle ?muscle ; akg:actionRole ?role .
  ?muscle rdfs:label ?muscleLabel .
  ?role rdfs:label ?roleLabel .
  OPTIONAL {
    ?muscle akg:innervatedBy ?nerve . ?nerve rdfs:label ?nerveLabel .
    OPTIONAL { ?axiom owl:annotatedSource ?muscle ; owl:annotatedProperty akg:innervatedBy ;
                      owl:annotatedTarget ?nerve ; akg:spinalRootLevels ?roots }
  }
}
ORDER BY ?roleLabel ?muscleLabel""",
    ),
    Example(
        "inversion-plantarflexion",
        "Restraints of inversion in plantarflexion",
        "Which ligaments restrain inversion (or a kind of it, such as talar tilt) in the plantarflexed position, "
        "at which joint, as primary or secondary restraint?",
        _BASIC
        + """SELECT DISTINCT ?ligamentLabel ?jointLabel ?motionLabel ?roleLabel WHERE {
  ?inversion rdfs:label "inversion" .
  ?plantarflexed rdfs:label "plantarflexed position" .
  ?motion akg:motionKindOf* ?inversion ; rdfs:label ?motionLabel .
  ?restraint a akg:Restraint ; akg:motion ?motion ; akg:position ?plantarflexed ;
             akg:restrainingStructure ?ligament ; akg:joint ?joint ; akg:restraintRole ?role .
  ?ligament a/rdfs:subClassOf* akg:Ligament ; rdfs:label ?ligamentLabel .
  ?joint rdfs:label ?jointLabel .
  ?role rdfs:label ?roleLabel .
}
ORDER BY ?roleLabel ?ligamentLabel""",
    ),
    Example(
        "sural-two-hops",
        "Two hops from the sural nerve",
        "Which structures lie within two relations (either direction) of the sural nerve?",
        prologue("akg", "rdfs", "owl")
        + """SELECT ?thing ?label (MIN(?hops) AS ?distance) WHERE {
  ?sural rdfs:label "sural nerve" .
  {
    { ?sural ?p ?thing } UNION { ?thing ?p ?sural }
    ?p a owl:ObjectProperty .
    BIND(1 AS ?hops)
  } UNION {
    { ?sural ?p ?middle } UNION { ?middle ?p ?sural }
    ?p a owl:ObjectProperty .
    { ?middle ?q ?thing } UNION { ?thing ?q ?middle }
    ?q a owl:ObjectProperty .
    BIND(2 AS ?hops)
  }
  FILTER(?thing != ?sural)
  ?thing rdfs:label ?label .
}
GROUP BY ?thing ?label
ORDER BY ?distance ?label""",
    ),
    Example(
        "part-of-asserted-or-inferred",
        "Asserted or inferred?",
        "What is the medial head of gastrocnemius part of, directly or through the transitive part-of, "
        "and which of these facts were inferred?",
        _BASIC
        + f"""SELECT ?wholeLabel ?graph WHERE {{
  ?part rdfs:label "medial head of gastrocnemius" .
  GRAPH ?graph {{ ?part akg:partOf ?whole }}
  FILTER(?graph IN (<{ASSERTED_GRAPH}>, <{INFERRED_GRAPH}>))
  ?whole rdfs:label ?wholeLabel .
}}
ORDER BY ?graph ?wholeLabel""",
    ),
    Example(
        "primary-restraints",
        "Primary restraints per motion",
        "For each joint motion, which structures are its primary restraints?",
        _BASIC
        + """SELECT ?jointLabel ?motionLabel (GROUP_CONCAT(DISTINCT ?structureLabel; separator=", ") AS ?primary)
WHERE {
  ?r a akg:Restraint ; akg:restraintRole akg:PrimaryRestraint ;
     akg:joint ?joint ; akg:motion ?motion ; akg:restrainingStructure ?structure .
  ?joint rdfs:label ?jointLabel . ?motion rdfs:label ?motionLabel . ?structure rdfs:label ?structureLabel .
}
GROUP BY ?jointLabel ?motionLabel
ORDER BY ?jointLabel ?motionLabel""",
    ),
    Example(
        "tarsal-tunnel",
        "Through the tarsal tunnel",
        "Which structures pass through the tarsal tunnel?",
        _BASIC
        + """SELECT ?structure ?label WHERE {
  ?tunnel rdfs:label "tarsal tunnel" .
  ?structure akg:passesThrough ?tunnel ; rdfs:label ?label .
}
ORDER BY ?label""",
    ),
    Example(
        "tests-for-atfl",
        "Tests that examine the ATFL",
        "Which clinical tests examine the anterior talofibular ligament, and which motion do they provoke?",
        _BASIC
        + """SELECT ?testLabel ?motionLabel WHERE {
  ?atfl rdfs:label "anterior talofibular ligament" .
  ?test akg:examinesStructure ?atfl ; rdfs:label ?testLabel .
  OPTIONAL { ?test akg:examinesMotion ?motion . ?motion rdfs:label ?motionLabel }
}
ORDER BY ?testLabel""",
    ),
    Example(
        "sprain-sequelae",
        "What a lateral ankle sprain may lead to",
        "What may a lateral ankle sprain lead to, and what are the symptoms of those conditions?",
        _BASIC
        + """SELECT ?conditionLabel (GROUP_CONCAT(DISTINCT ?symptomLabel; separator=", ") AS ?symptoms) WHERE {
  ?sprain rdfs:label "lateral ankle sprain" .
  ?sprain akg:mayLeadTo ?condition . ?condition rdfs:label ?conditionLabel .
  OPTIONAL { ?condition akg:hasSymptom ?symptom . ?symptom rdfs:label ?symptomLabel }
}
GROUP BY ?conditionLabel
ORDER BY ?conditionLabel""",
    ),
    Example(
        "nerve-roots",
        "Spinal roots of the leg's muscles",
        "Which muscles are innervated from the S1 root?",
        _OWL
        + """SELECT ?muscleLabel ?nerveLabel ?roots WHERE {
  ?axiom owl:annotatedSource ?muscle ; owl:annotatedProperty akg:innervatedBy ;
         owl:annotatedTarget ?nerve ; akg:spinalRootLevels ?roots .
  FILTER(CONTAINS(?roots, "S1"))
  ?muscle rdfs:label ?muscleLabel . ?nerve rdfs:label ?nerveLabel .
}
ORDER BY ?muscleLabel""",
    ),
    Example(
        "structures-per-class",
        "Counts per class, with subclass inference",
        "How many entities belong to each class once rdfs:subClassOf is taken into account?",
        prologue("akg", "rdfs")
        + f"""SELECT ?class ?label (COUNT(DISTINCT ?x) AS ?entities)
FROM <{ASSERTED_GRAPH}>
FROM <{INFERRED_GRAPH}>
WHERE {{
  ?x a ?class .
  ?class rdfs:label ?label .
  FILTER(STRSTARTS(STR(?class), STR(akg:)))
}}
GROUP BY ?class ?label
ORDER BY DESC(?entities)""",
    ),
    Example(
        "fact-sources",
        "Where a fact comes from",
        "What sources support each restraint the calcaneofibular ligament provides?",
        prologue("akg", "rdfs", "dcterms")
        + """SELECT ?motionLabel ?roleLabel ?sourceLabel WHERE {
  ?cfl rdfs:label "calcaneofibular ligament" .
  ?r akg:restrainingStructure ?cfl ; akg:motion ?motion ; akg:restraintRole ?role ; dcterms:source ?source .
  ?motion rdfs:label ?motionLabel . ?role rdfs:label ?roleLabel . ?source rdfs:label ?sourceLabel .
}
ORDER BY ?motionLabel ?sourceLabel""",
    ),
    Example(
        "describe-atfl",
        "The ATFL as a graph",
        "Everything asserted about the ATFL, as RDF (CONSTRUCT: choose Turtle, JSON-LD, N-Triples or RDF/XML).",
        _BASIC
        + """CONSTRUCT { ?atfl ?p ?o } WHERE {
  ?atfl akg:abbreviation "ATFL" ; ?p ?o .
}""",
    ),
)
