"""Validated graph -> indices: terms, sourced statements and n-ary functional facts."""
