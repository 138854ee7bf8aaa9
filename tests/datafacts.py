"""Facts read straight from the data files with SPARQL, independently of the engine under test.

Tests compare the service's answers with these, so an assertion comes from the sourced data,
not from the output it checks.
"""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from tests.conftest import DATA

PREFIXES = """
PREFIX akg: <https://w3id.org/anklekg/schema#>
PREFIX ANKLE: <https://w3id.org/anklekg/ANKLE_>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
ANKLE = "https://w3id.org/anklekg/ANKLE_"


@cache
def store() -> ox.Store:
    s = ox.Store()
    for name in ("schema.ttl", "ankle_ontology.ttl"):
        s.load(path=str(DATA / name), format=ox.RdfFormat.TURTLE)
    return s


def curie(node: ox.NamedNode) -> str:
    return "ANKLE:" + node.value.removeprefix(ANKLE) if node.value.startswith(ANKLE) else node.value


def select(query: str) -> list[dict[str, str]]:
    result = store().query(PREFIXES + query)
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    rows = []
    for solution in result:  # type: ignore[union-attr]
        rows.append(
            {
                n: curie(solution[n]) if isinstance(solution[n], ox.NamedNode) else solution[n].value
                for n in names
                if solution[n] is not None
            }
        )
    return rows


def ask(query: str) -> bool:
    return bool(store().query(PREFIXES + query))


def restraints(structure: str, role: str | None = None, position: str | None = None) -> set[tuple[str, str]]:
    """(joint, motion) pairs the structure restrains, per the data."""
    role_filter = f"?r akg:restraintRole akg:{role} ." if role else ""
    position_filter = f"?r akg:position {position} ." if position else ""
    rows = select(f"""SELECT ?joint ?motion WHERE {{
        ?r a akg:Restraint ; akg:restrainingStructure {structure} ; akg:joint ?joint ; akg:motion ?motion .
        {role_filter} {position_filter} }}""")
    return {(r["joint"], r["motion"]) for r in rows}


def primary_restrainers(joint: str, motion: str, position: str) -> set[str]:
    rows = select(f"""SELECT ?s WHERE {{
        ?r a akg:Restraint ; akg:restrainingStructure ?s ; akg:joint {joint} ; akg:motion {motion} ;
           akg:restraintRole akg:PrimaryRestraint ; akg:position {position} . }}""")
    return {r["s"] for r in rows}


def restrainers(joint: str, motion: str) -> set[str]:
    """Every structure recorded to restrain the motion, in any role and position."""
    rows = select(f"""SELECT ?s WHERE {{
        ?r a akg:Restraint ; akg:restrainingStructure ?s ; akg:joint {joint} ; akg:motion {motion} . }}""")
    return {r["s"] for r in rows}


def tests_examining(joint: str, motion: str) -> set[str]:
    rows = select(f"""SELECT ?t WHERE {{ ?t a akg:ClinicalTest ; akg:examinesJoint {joint} ;
                                             akg:examinesMotion {motion} . }}""")
    return {r["t"] for r in rows}


def parts_of(whole: str) -> set[str]:
    return {r["p"] for r in select(f"SELECT ?p WHERE {{ ?p akg:partOf+ {whole} }}")}


def labelled(label: str) -> str:
    rows = select(f'SELECT ?s WHERE {{ ?s rdfs:label "{label}" }}')
    assert len(rows) == 1, f"expected one entity labelled {label!r}, found {rows}"
    return rows[0]["s"]


def types_of(entity: str) -> set[str]:
    """The akg: classes an entity is asserted to have, as CURIEs."""
    rows = select(f"SELECT ?t WHERE {{ {entity} a ?t }}")
    return {r["t"].replace("https://w3id.org/anklekg/schema#", "akg:") for r in rows}
