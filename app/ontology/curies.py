"""Expand and compress identifiers with one converter: the ``curies`` package (the one OAK and Bioregistry use),
built once from the project's prefix map (app.vocab.PREFIXES, the prefixes the data files declare and the OBO
ones their xrefs use).

``curies`` matches the longest namespace, so an IAO or UBERON IRI becomes ``IAO:0000115`` or ``UBERON:0013725``,
never ``obo:IAO_0000115`` through the shorter ``obo:`` namespace, wherever a CURIE is shown.
"""

from __future__ import annotations

from curies import Converter

from ..vocab import PREFIXES

__all__ = ["CONVERTER", "compress", "expand", "local_name", "standardize"]

#: The one converter of the service, the exports and the tests.
CONVERTER = Converter.from_prefix_map(PREFIXES)


def compress(iri: str) -> str:
    """The CURIE of an IRI, or the IRI itself when no prefix covers it (or it is a bare namespace)."""
    curie = CONVERTER.compress(iri)
    if curie is None or curie.endswith(":"):
        return iri
    return curie


def expand(curie: str) -> str | None:
    """The IRI of a CURIE with a known prefix, else None (the caller decides what that means)."""
    _, sep, local = curie.partition(":")
    if not sep or not local or local.startswith("//"):
        return None
    return CONVERTER.expand(curie)


def standardize(ref: str) -> str:
    """A reference as the CURIE a person reads: a full IRI under a known namespace compressed, anything else as is.

    So ``http://purl.obolibrary.org/obo/UBERON_0013725`` and ``UBERON:0013725`` name the same thing.
    """
    return compress(ref) if "://" in ref else ref


def local_name(curie: str) -> str:
    """The part of a CURIE after its prefix (akg:partOf -> partOf); a string without one, unchanged."""
    return curie.partition(":")[2] or curie
