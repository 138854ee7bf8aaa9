"""Read the declared inference rules and their parameters from data/rules/*.ttl."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..models import RuleRef
from ..ontology.curies import compress
from ..ontology.load import load_store
from ..vocab import sparql_prologue


class RuleConfigurationError(ValueError):
    """A rule the engine needs is missing, or one of its parameters is malformed."""


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    description: str
    parameters: dict[str, float] = field(default_factory=dict)
    concludes: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    joints: tuple[str, ...] = ()

    def parameter(self, name: str) -> float:
        try:
            return self.parameters[name]
        except KeyError:
            raise RuleConfigurationError(
                f'rule {self.id} has no parameter {name!r}; add akg:ruleParameter "{name}=..." in data/rules/'
            ) from None

    def ref(self, *, described: bool = False) -> RuleRef:
        """The rule as cited by a conclusion; ``described`` adds the full text (once per answer)."""
        return RuleRef(id=self.id, label=self.label, description=self.description if described else None)


@dataclass(frozen=True)
class LesionSpec:
    """How the engine applies one lesion mechanism (data/rules/lesions.ttl)."""

    id: str
    precedence: int
    applies_to: frozenset[str]
    default_for: frozenset[str]


@dataclass(frozen=True)
class RuleBook:
    rules: dict[str, Rule]
    lesions: dict[str, LesionSpec] = field(default_factory=dict)

    def __getitem__(self, rule_id: str) -> Rule:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise RuleConfigurationError(f"rule {rule_id} is not declared in data/rules/") from None


def load_rules(rules_dir: Path) -> RuleBook:
    """Every akg:Rule in the directory's Turtle files, with parameters, conclusions and triggers."""
    store = load_store(sorted(rules_dir.glob("*.ttl")), ox.Store())
    query = (
        sparql_prologue()
        + """
    SELECT ?rule ?label ?definition ?parameter ?symptom ?trigger ?joint WHERE {
      ?rule a akg:Rule ; rdfs:label ?label ; skos:definition ?definition .
      OPTIONAL { ?rule akg:ruleParameter ?parameter }
      OPTIONAL { ?rule akg:concludesSymptom ?symptom }
      OPTIONAL { ?rule akg:triggerMotion ?trigger }
      OPTIONAL { ?rule akg:triggerJoint ?joint }
    }"""
    )
    collected: dict[str, dict[str, Any]] = {}
    for row in store.query(query):  # type: ignore[union-attr]
        rule_id = compress(row["rule"].value)
        entry = collected.setdefault(
            rule_id,
            {"label": row["label"].value, "description": row["definition"].value, "params": {},
             "concludes": set(), "triggers": set(), "joints": set()},
        )  # fmt: skip
        if row["symptom"] is not None:
            entry["concludes"].add(compress(row["symptom"].value))
        if row["trigger"] is not None:
            entry["triggers"].add(compress(row["trigger"].value))
        if row["joint"] is not None:
            entry["joints"].add(compress(row["joint"].value))
        if row["parameter"] is not None:
            text = row["parameter"].value
            name, sep, value = text.partition("=")
            try:
                entry["params"][name.strip()] = float(value)
            except ValueError:
                sep = ""
            if not sep:
                raise RuleConfigurationError(f"rule {rule_id}: parameter {text!r} is not 'name=number'")
    return RuleBook(
        {
            rid: Rule(rid, e["label"], e["description"], e["params"], tuple(sorted(e["concludes"])),
                      tuple(sorted(e["triggers"])), tuple(sorted(e["joints"])))
            for rid, e in collected.items()
        },
        _read_lesions(store),
    )  # fmt: skip


def _read_lesions(store: ox.Store) -> dict[str, LesionSpec]:
    """Each lesion mechanism's precedence and the kinds of structure it applies to or is the default for."""
    query = sparql_prologue() + """
    SELECT ?lesion ?precedence ?applies ?default WHERE {
      ?lesion akg:precedence ?precedence .
      OPTIONAL { ?lesion akg:appliesTo ?applies }
      OPTIONAL { ?lesion akg:defaultFor ?default }
    }"""
    found: dict[str, tuple[int, set[str], set[str]]] = {}
    for row in store.query(query):  # type: ignore[union-attr]
        lesion = compress(row["lesion"].value)
        entry = found.setdefault(lesion, (int(row["precedence"].value), set(), set()))
        if row["applies"] is not None:
            entry[1].add(compress(row["applies"].value))
        if row["default"] is not None:
            entry[2].add(compress(row["default"].value))
    return {lid: LesionSpec(lid, p, frozenset(a), frozenset(d)) for lid, (p, a, d) in found.items()}
