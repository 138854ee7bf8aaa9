"""A SPARQL worker process, and the parent's handle on it: both ends of one pipe.

The child, ``python -m app.sparql.worker DATASET.nq MEMORY_BYTES``, holds its own copy of the
dataset (or opens a large one's on-disk store read-only, shared by all: ``DATASET.oxigraph``) and answers one
query at a time over length-prefixed frames on stdin/stdout (a request: length + JSON; an answer: length + head
length + JSON head + body). pyoxigraph cannot cancel a running query, so
the parent enforces the deadline by killing the worker; running queries in processes is what makes
that possible (a thread could only be abandoned, still burning a CPU). The worker forbids itself
internet sockets first, and caps its own memory once loaded (:mod:`app.sparql.limits`). The
parent's side (:class:`Worker`) lives here too, so the frame format is written down once;
:mod:`app.sparql.pool` decides which worker answers what, and when.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import os
import struct
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, cast

import pyoxigraph as ox

from .engine import InvalidQuery, QueryRefused, QueryRequest, QueryResult, QueryTooDeep, execute
from .limits import EXIT_OUT_OF_MEMORY, OutOfMemory, address_space, confine, yield_to_server
from .netguard import forbid_network
from .results import NotAcceptable

__all__ = ["Worker", "decode_answer", "main"]

FRAME_LENGTH = struct.Struct(">I")


# -- the parent's side ----------------------------------------------------------------------------
class _AnswerReader(asyncio.SubprocessProtocol):
    """Collects a worker's answers from its stdout as bytes arrive.

    One answer is one frame: length, then the length of a JSON head, the head, the body. Parsing
    frames in the callback and handing them over on a future costs no task and no stream read per
    query, which halves the parent's CPU per request next to StreamReader.readexactly.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._answers: collections.deque[tuple[bytes, bytes]] = collections.deque()
        self._waiter: asyncio.Future[tuple[bytes, bytes]] | None = None
        self._lost: ConnectionError | None = None
        self._loop = asyncio.get_running_loop()
        self.exited = self._loop.create_future()
        self.on_exit: Callable[[], None] | None = None

    def pipe_data_received(self, fd: int, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) >= 8:
            (size,) = FRAME_LENGTH.unpack_from(self._buffer)
            if len(self._buffer) < 4 + size:
                return
            (head_size,) = FRAME_LENGTH.unpack_from(self._buffer, 4)
            answer = bytes(self._buffer[8 : 8 + head_size]), bytes(self._buffer[8 + head_size : 4 + size])
            del self._buffer[: 4 + size]
            if self._waiter is not None and not self._waiter.done():
                self._waiter.set_result(answer)
                self._waiter = None
            else:
                self._answers.append(answer)

    def pipe_connection_lost(self, fd: int, exc: Exception | None) -> None:
        self._fail(ConnectionError(f"the worker's pipe {fd} closed" + (f": {exc}" if exc else "")))

    def process_exited(self) -> None:
        self._fail(ConnectionError("the worker exited"))
        if not self.exited.done():
            self.exited.set_result(None)
        if self.on_exit is not None:
            self.on_exit()

    def _fail(self, exc: ConnectionError) -> None:
        self._lost = self._lost or exc
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_exception(self._lost)
        self._waiter = None

    def next_answer(self) -> asyncio.Future[tuple[bytes, bytes]]:
        """A future for the worker's next answer (already there, or when it arrives)."""
        future: asyncio.Future[tuple[bytes, bytes]] = self._loop.create_future()
        if self._answers:
            future.set_result(self._answers.popleft())
        elif self._lost is not None:
            future.set_exception(self._lost)
        else:
            self._waiter = future
        return future


class Worker:
    """The parent's handle on one worker process: send a request frame, await the answer, kill it."""

    def __init__(self, transport: asyncio.SubprocessTransport, protocol: _AnswerReader) -> None:
        self.transport, self.protocol = transport, protocol
        # uvloop's pipe transports implement WriteTransport without subclassing it
        self.stdin = cast(asyncio.WriteTransport, transport.get_pipe_transport(0))

    @classmethod
    async def spawn(cls, dataset: Path, memory_bytes: int = 0) -> Worker:
        """Start ``python -m <this module> DATASET MEMORY_BYTES``; its first answer will say it is ready.

        The module is named as it was imported (``app.sparql.worker`` in a checkout, ``anklekg.sparql.worker``
        installed), so the worker runs the same code as its parent under either name."""
        transport, protocol = await asyncio.get_running_loop().subprocess_exec(
            _AnswerReader,
            sys.executable,
            "-m",
            __name__,
            str(dataset),
            str(memory_bytes),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=None,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
        )
        return cls(transport, protocol)

    def ask(self, request: QueryRequest) -> asyncio.Future[tuple[bytes, bytes]]:
        """Send one request frame; the future resolves to the answer's (head, body)."""
        answer = self.protocol.next_answer()
        payload = json.dumps(vars(request)).encode()
        if not self.stdin.is_closing():
            self.stdin.write(FRAME_LENGTH.pack(len(payload)) + payload)
        return answer

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.transport.kill()

    async def stop(self, grace_s: float = 5) -> None:
        """Close its input, kill it and wait for it, then release the pipes."""
        if not self.stdin.is_closing():
            self.stdin.close()
        self.kill()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(asyncio.shield(self.protocol.exited), timeout=grace_s)
        self.transport.close()


def decode_answer(head: bytes, body: bytes) -> QueryResult:
    """The result an answer frame carries, or the engine error it reports (see :func:`answer`)."""
    meta = json.loads(head)
    error = meta.get("error")
    if error == "invalid":
        kind = QueryTooDeep if meta.get("too_deep") else InvalidQuery
        raise kind(meta["message"], meta.get("line"), meta.get("column"))
    if error == "memory":
        raise OutOfMemory(meta["message"])
    if error == "refused":
        raise QueryRefused(meta["reason"], meta["message"])
    if error == "not-acceptable":
        raise NotAcceptable(meta["form"], meta["offered"])
    if error == "evaluation":
        raise InvalidQuery(meta["message"])
    return QueryResult(body, meta["media_type"], meta["form"], meta["rows"], meta["truncated_by"], meta["limit"],
                       meta["max_bytes"])  # fmt: skip


# -- the child's side -----------------------------------------------------------------------------
def read_frame(stream: BinaryIO) -> bytes | None:
    """One frame, or None at end of input (the parent closed the pipe)."""
    head = stream.read(4)
    if len(head) < 4:
        return None
    (size,) = FRAME_LENGTH.unpack(head)
    return stream.read(size)


def write_answer(stream: BinaryIO, head: dict[str, Any], body: bytes = b"") -> None:
    """One frame: its length, the length of the JSON head, the head, the body."""
    encoded = json.dumps(head).encode()
    stream.write(FRAME_LENGTH.pack(4 + len(encoded) + len(body)) + FRAME_LENGTH.pack(len(encoded)) + encoded)
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
        max_bytes=message.get("max_bytes"),
        base_iri=message.get("base_iri"),
    )
    try:
        result = execute(store, request)
    except InvalidQuery as exc:
        too_deep = isinstance(exc, QueryTooDeep)
        return {"error": "invalid", "message": exc.message, "line": exc.line, "column": exc.column,
                "too_deep": too_deep}, b""  # fmt: skip
    except QueryRefused as exc:
        return {"error": "refused", "reason": exc.reason, "message": exc.detail}, b""
    except NotAcceptable as exc:
        return {"error": "not-acceptable", "form": exc.form, "offered": list(exc.offered)}, b""
    except MemoryError as exc:  # Python's own allocations failed under the limit (pyoxigraph's abort instead)
        return {"error": "memory", "message": f"MemoryError: {exc}"}, b""
    except Exception as exc:  # pyoxigraph's evaluation errors; a worker must survive any query
        return {"error": "evaluation", "message": f"{type(exc).__name__}: {exc}"}, b""
    meta = {
        "media_type": result.media_type,
        "form": result.form,
        "rows": result.rows,
        "truncated_by": result.truncated_by,
        "limit": result.limit,
        "max_bytes": result.max_bytes,
    }
    return meta, result.body


def main(argv: list[str]) -> int:
    yield_to_server()
    guarded = forbid_network()
    # Frames go to the real stdout; anything printed by accident goes to stderr instead.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    stdin = sys.stdin.buffer
    if os.path.isdir(argv[1]):  # a large dataset's on-disk store (app/sparql/dataset.py): shared, read-only
        store = ox.Store.read_only(argv[1])
    else:
        store = ox.Store()
        # parse + extend, not bulk_load: a Store's loaders rename blank nodes at random, and the parent's names are
        # the same on every replica (app/ontology/load.py), so that SPARQL answers are the same bytes whichever answers
        store.extend(ox.parse(path=argv[1], format=ox.RdfFormat.N_QUADS))
    # Capped after the load, so a large dataset still starts; queries then run within the cap.
    limited = confine(int(argv[2]) if len(argv) > 2 else 0)
    ready = {"ready": True, "network_forbidden": guarded, "memory_limited": limited, "address_space": address_space()}
    write_answer(out, ready)  # (no quad count: an on-disk store counts by reading every quad, 1 s at 100 copies)
    try:
        while (frame := read_frame(stdin)) is not None:
            write_answer(out, *answer(store, json.loads(frame)))
    except MemoryError:  # outside a query (reading or writing a frame): say so by the exit status
        os._exit(EXIT_OUT_OF_MEMORY)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
