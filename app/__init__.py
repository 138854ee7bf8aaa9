"""AnkleKG: a sourced knowledge graph of the human ankle, served over REST and SPARQL."""

__version__ = "0.1.0"
