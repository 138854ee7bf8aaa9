"""Reasoning: declared rules (data/rules/) applied by a small engine; every conclusion is explained."""
