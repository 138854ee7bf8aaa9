"""Parse errors in words: pyoxigraph's own messages for real malformed queries, rewritten by app.sparql.syntax."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from app.sparql.engine import InvalidQuery, run_query


def error(query: str) -> InvalidQuery:
    with pytest.raises(InvalidQuery) as caught:
        run_query(ox.Store(), query)
    return caught.value


@pytest.mark.parametrize(
    ("query", "line", "column", "message"),
    [
        ("SELECT * { ?s ?p ?o } LIMIT x", 1, 29, 'expected HAVING, OFFSET, OPTIONAL or VALUES; found "x"'),
        ("PREFIX a: <x:>\nSELECT * { ?s akg:p ?o }", 2, 20,
         'the prefix "akg:" is not declared: add "PREFIX akg: <…>" before the query (GET /v1/prefixes lists '
         "AnkleKG's)"),
        ("SELECT * WHERE { ?s ?p ?o", 1, 26,
         'expected ",", ".", ";", "{", "{|", "}", "~", a digit, a letter or "_"; the query ends there'),
    ],
)  # fmt: skip
def test_expected_and_found_in_words(query: str, line: int, column: int, message: str) -> None:
    found = error(query)
    assert (found.line, found.column, found.message) == (line, column, message)


def test_no_character_ranges_reach_people() -> None:
    """pyoxigraph lists Unicode ranges ('\\u{00C0}'..='\\u{00D6}') among what it expected: never passed on."""
    for query in ("SELECT * WHERE { ?s ?p ?o", "SELECT * { ?s ?p ?o ?x . ", "ASK { ?s <p q> ?o }"):
        assert "..=" not in error(query).message and "u{" not in error(query).message


def test_a_message_of_another_shape_passes_unchanged() -> None:
    from app.sparql.syntax import readable_message

    assert readable_message("the variable ?x is bound twice") == "the variable ?x is bound twice"
