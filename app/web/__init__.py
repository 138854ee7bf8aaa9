"""The query page for people (static HTML, script and style; no CDN, since the network may be closed)."""
