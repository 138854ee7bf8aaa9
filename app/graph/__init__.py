"""Indices -> a networkx projection for traversal: neighbourhoods and paths."""
