"""Parse errors people can read: what pyoxigraph (in process, or Oxigraph's server behind ``--sparql-endpoint``)
says about a malformed query, rewritten as what was expected and what was found there.

pyoxigraph reports the farthest point its parser reached and every alternative it tried there, character classes
included (``expected one of ",", ".", ['A' ..= 'Z' | 'a' ..= 'z' | '\\u{00C0}'..='\\u{00D6}' ...], [_]``): exact,
but a dump of Unicode ranges is no help to someone who forgot a ``.`` or a PREFIX. Here the classes become words
("a letter", "a digit"), symbols and keywords are listed once, an undeclared prefix is named as such, and the text
at the position is quoted. Messages of any other shape pass through unchanged.
"""

from __future__ import annotations

import re

__all__ = ["readable_message"]

_ANY = "[_]"
_PNAME = re.compile(r"(?<![\w<?$:])((?:[A-Za-z][\w\-.]*)?):[\w\-.%]*")
_FOUND = re.compile(r"\S{1,24}")


def _alternatives(listing: str) -> list[str]:
    """Split "a, "b", ['x' | 'y'], c" at its top-level commas (not inside quotes or brackets)."""
    parts: list[str] = []
    current: list[str] = []
    depth, quote, escaped = 0, "", False
    for char in listing:
        if quote:
            current.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def _describe(alternative: str) -> str | None:
    """One alternative in words: a symbol in quotes, a keyword as it is, a character class by what it admits."""
    if alternative.startswith('"') and alternative.endswith('"') and len(alternative) >= 2:
        symbol = alternative[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        return f'"{symbol}"'
    if alternative == _ANY:
        return None  # "any character": says nothing a person can act on
    if alternative.startswith("["):
        if "'A' ..= 'Z'" in alternative or "'a' ..= 'z'" in alternative:
            return "a letter"
        if "'0' ..= '9'" in alternative:
            return "a digit"
        single = re.fullmatch(r"\['(\\?.)'\]", alternative)
        if single:
            return f'"{single.group(1).lstrip(chr(92)) or chr(92)}"'
        return None
    if alternative == "IRI parsing failed":
        return "a valid IRI (an absolute IRI, or a relative one with a BASE)"
    return alternative


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _offset(query: str, line: int, column: int) -> int | None:
    """The character offset of a 1-based line and column, or None when the text has no such line."""
    lines = query.split("\n")
    if not 1 <= line <= len(lines):
        return None
    return sum(len(text) + 1 for text in lines[: line - 1]) + max(column - 1, 0)


def _undeclared_prefix(query: str, line: int, column: int) -> str | None:
    """The prefixed name at (or just before) the position whose prefix the query does not declare."""
    lines = query.split("\n")
    if not 1 <= line <= len(lines):
        return None
    for match in _PNAME.finditer(lines[line - 1]):
        if match.start() < column <= match.end() + 1:
            prefix = match.group(1)
            if not re.search(rf"PREFIX\s+{re.escape(prefix)}:", query, re.IGNORECASE):
                return prefix
    return None


def readable_message(message: str, query: str | None = None, line: int | None = None, column: int | None = None) -> str:
    """``message`` (without its "error at L:C:" lead) as words: what was expected, and the text found there.

    >>> readable_message("expected one of BIND, [_]")
    'expected BIND'
    >>> expected = 'expected one of ".", "}", [\\'A\\' ..= \\'Z\\' | \\'a\\' ..= \\'z\\'], [_]'
    >>> readable_message(expected, "ASK { ?s ?p ?o ?x }", 1, 16)
    'expected ".", "}" or a letter; found "?x"'
    """
    text = message.strip()
    if not text.startswith("expected "):
        return text
    listing = text.removeprefix("expected ").removeprefix("one of ")
    alternatives = _alternatives(" ".join(listing.split()))
    if "Prefix not found" in alternatives and query is not None and line is not None and column is not None:
        prefix = _undeclared_prefix(query, line, column)
        if prefix is not None:
            return (f'the prefix "{prefix}:" is not declared: add "PREFIX {prefix}: <…>" before the query '
                    "(GET /v1/prefixes lists AnkleKG's)")  # fmt: skip
    words: list[str] = []
    for alternative in alternatives:
        word = _describe(alternative) if alternative != "Prefix not found" else "a declared prefix"
        if word is not None and word not in words:
            words.append(word)
    said = f"expected {_join(words)}" if words else "the query is incomplete here"
    offset = _offset(query, line, column) if query is not None and line is not None and column is not None else None
    if offset is not None and query is not None:
        found = _FOUND.match(query, offset) if offset < len(query) else None
        if offset >= len(query.rstrip()):
            said += "; the query ends there"
        elif found:
            said += f'; found "{found.group()}"'
    return said
