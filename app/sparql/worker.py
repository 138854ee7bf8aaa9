"""A SPARQL worker process: ``python -m app.sparql.worker DATASET.nq``.

Holds its own copy of the dataset and answers one query at a time over length-prefixed frames on
stdin/stdout (a request: length + JSON; an answer: length + head length + JSON head + body).
pyoxigraph cannot cancel a running query, so the parent enforces the deadline by killing the worker;
running queries in processes is what makes that possible (a thread could only be abandoned, still
burning a CPU). The worker forbids itself internet sockets first.
"""

from __future__ import annotations

import json
import os
import struct
import sys
from typing import Any, BinaryIO

import pyoxigraph as ox

from app.sparql.engine import InvalidQuery, NotAcceptable, QueryRefused, QueryRequest, execute
from app.sparql.netguard import forbid_network

_LENGTH = struct.Struct(">I")


def read_frame(stream: BinaryIO) -> bytes | None:
    """One frame, or None at end of input (the parent closed the pipe)."""
    head = stream.read(4)
    if len(head) < 4:
        return None
    (size,) = _LENGTH.unpack(head)
    return stream.read(size)


def write_answer(stream: BinaryIO, head: dict[str, Any], body: bytes = b"") -> None:
    """One frame: its length, the length of the JSON head, the head, the body."""
    encoded = json.dumps(head).encode()
    stream.write(_LENGTH.pack(4 + len(encoded) + len(body)) + _LENGTH.pack(len(encoded)) + encoded)
    stream.write(body)
    stream.flush()


def answer(store: ox.Store, message: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run one request; errors become data the parent maps to problem responses."""
    request = QueryRequest(
        query=message["query"],
        default_graphs=tuple(message["default_graphs"]) if message.get("default_graphs") is not None else None,
        named_graphs=tuple(message["named_graphs"]) if message.get("named_graphs") is not None else None,
        accept=tuple((m, float(q)) for m, q in message["accept"]),
        max_rows=int(message["max_rows"]),
    )
    try:
        result = execute(store, request)
    except InvalidQuery as exc:
        return {"error": "invalid", "message": exc.message, "line": exc.line, "column": exc.column}, b""
    except QueryRefused as exc:
        return {"error": "refused", "reason": exc.reason, "message": exc.detail}, b""
    except NotAcceptable as exc:
        return {"error": "not-acceptable", "form": exc.form, "offered": list(exc.offered)}, b""
    except Exception as exc:  # pyoxigraph's evaluation errors; a worker must survive any query
        return {"error": "evaluation", "message": f"{type(exc).__name__}: {exc}"}, b""
    meta = {
        "media_type": result.media_type,
        "form": result.form,
        "rows": result.rows,
        "truncated": result.truncated,
        "limit": result.limit,
    }
    return meta, result.body


def main(argv: list[str]) -> int:
    guarded = forbid_network()
    # Frames go to the real stdout; anything printed by accident goes to stderr instead.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    stdin = sys.stdin.buffer
    store = ox.Store()
    store.bulk_load(path=argv[1], format=ox.RdfFormat.N_QUADS)
    write_answer(out, {"ready": True, "network_forbidden": guarded, "quads": len(store)})
    while (frame := read_frame(stdin)) is not None:
        write_answer(out, *answer(store, json.loads(frame)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
