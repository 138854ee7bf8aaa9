"""File -> validated graph: parsing (load), QC and SHACL (validate), CURIE handling (curies)."""
