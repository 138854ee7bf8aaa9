"""The read-only SPARQL 1.1 service: dataset (asserted vs inferred graphs), engine, protocol."""
