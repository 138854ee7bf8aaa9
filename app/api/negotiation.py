"""One answer to "does this client want the HTML page or the data?", for every route that offers both.

The entity IRIs and /sparql serve a page to browsers and RDF (or results) to clients: a request gets the page when
it names text/html explicitly and wants it at least as much as any RDF syntax. Browsers send exactly that; RDF
clients that add */* do not get a page by accident.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..sparql.results import GRAPH_TYPES


def prefers_html(accept: Sequence[tuple[str, float]]) -> bool:
    """``accept``: the parsed Accept ranges (media type, quality)."""
    ranges = dict(accept)
    html = ranges.get("text/html", 0.0)
    return html > 0 and html >= max((ranges.get(t, 0.0) for t in GRAPH_TYPES), default=0.0)
