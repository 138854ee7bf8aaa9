"""The read-only SPARQL 1.1 service.

dataset (asserted vs inferred graphs) -> engine (check and run) -> results (negotiation, bytes);
protocol (HTTP request parsing), pool and worker (processes with a deadline), netguard (no sockets),
description (Service Description and VoID), examples (data/sparql-examples).
"""
