"""File -> validated graph: parsing (load), QC, SHACL and xref checks (validation), CURIE handling (curies)."""
