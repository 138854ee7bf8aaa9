"""AnkleKG: a sourced knowledge graph of the human ankle, served over REST and SPARQL.

Installed, this package is ``anklekg`` (the repository keeps it in ``app/``; its modules import one another
relatively, so it runs under either name)::

    import anklekg
    kg = anklekg.load()              # parse, validate and index the bundled graph (about a second)
    kg.impact("ATFL")                # shown as tables in Jupyter; .to_frame() gives a pandas DataFrame

The facade is imported on first use, not here, so that ``python -m anklekg.sparql.worker`` and the light
modules do not pay for the whole service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .version import __version__

if TYPE_CHECKING:
    from .errors import AmbiguousTerm, AnkleKGError, InvalidArgument, UnknownTerm
    from .kg import AnkleKG
    from .settings import Settings

__all__ = [
    "AmbiguousTerm",
    "AnkleKG",
    "AnkleKGError",
    "InvalidArgument",
    "Settings",
    "UnknownTerm",
    "__version__",
    "load",
]


def load(settings: Settings | None = None) -> AnkleKG:
    """Load the bundled graph (or the one ``settings`` name): the same as ``AnkleKG.load()``."""
    from .kg import AnkleKG

    return AnkleKG.load(settings)


def __getattr__(name: str) -> object:
    """The public names, imported when first asked for (PEP 562)."""
    if name == "AnkleKG":
        from .kg import AnkleKG

        return AnkleKG
    if name == "Settings":
        from .settings import Settings

        return Settings
    if name in ("AmbiguousTerm", "AnkleKGError", "InvalidArgument", "UnknownTerm"):
        from . import errors

        return getattr(errors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
