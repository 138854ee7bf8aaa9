"""Expand and compress identifiers with the one prefix map (app.vocab.PREFIXES)."""

from __future__ import annotations

from ..vocab import PREFIXES

# Longest namespace first, so that e.g. UBERON_ wins over the bare obo: prefix.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: len(item[1]), reverse=True)


def compress(iri: str) -> str:
    """The CURIE of an IRI, or the IRI itself when no prefix covers it."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def expand(curie: str) -> str | None:
    """The IRI of a CURIE with a known prefix, else None (the caller decides what that means)."""
    prefix, sep, local = curie.partition(":")
    if not sep or local.startswith("//"):
        return None
    namespace = PREFIXES.get(prefix)
    return namespace + local if namespace is not None else None


def local_name(curie: str) -> str:
    """The part of a CURIE after its prefix (akg:partOf -> partOf); a string without one, unchanged."""
    return curie.partition(":")[2] or curie
