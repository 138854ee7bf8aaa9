"""What every request is checked for before any router sees it: a Host we answer to, and a body we can afford.

Asked by the HTTP edge (app/api/edge.py) with the headers it read once. A request that fails gets an RFC 9457
problem at once, before the rest of its body is read: a 100 MB upload costs the server nothing beyond the bytes
already in flight, and a forged Host never reaches a redirect or a cache key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from starlette.types import Message, Receive, Scope, Send

from .problems import PROBLEM_JSON, problem_type_uri

#: A host name, an IPv4 address or a bracketed IPv6 address, with an optional port (RFC 9110 section 7.2).
_HOST = re.compile(r"^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::[0-9]{1,5})?$")
#: Binding every interface (a container behind a proxy) names no host: any well-formed Host is accepted
#: unless ``allowed_hosts`` is configured.
_ANY_INTERFACE = {"0.0.0.0", "::", ""}
_LOOPBACK = ("localhost", "127.0.0.1", "::1")
#: Health probes (a container's, a balancer's, Kubernetes') are answered however busy the service is: it already
#: refuses the excess with 503 itself, and a probe that failed under load would have a busy replica pulled or
#: restarted, its load moved onto the others, and overload turned into an outage (deploy/README.md).
PROBE_PATHS = frozenset({"/health"})


def allowed_hosts(configured: Iterable[str], bind_host: str) -> frozenset[str] | None:
    """The host names requests may carry (lower case, no port); None: any well-formed one.

    Configured names win; otherwise the bind address and the loopback names, or any host when the service
    binds every interface. "*" in the configured list also means any.
    """
    names = {h.strip().lower().strip("[]") for h in configured if h.strip()}
    if "*" in names:
        return None
    if names:
        return frozenset(names)
    if bind_host in _ANY_INTERFACE:
        return None
    return frozenset({bind_host.lower().strip("[]"), *_LOOPBACK})


def _host_name(host: str) -> str:
    """The name part of a well-formed Host value: without the port, IPv6 without brackets."""
    if host.startswith("["):
        return host[1 : host.index("]")].lower()
    return host.rsplit(":", 1)[0].lower() if ":" in host else host.lower()


class RequestGuard:
    """Refuses requests whose Host is malformed or not ours (400), bodies over the size limit (413), and requests
    beyond the number in progress the service takes at once (503 with Retry-After; never a health probe).

    Not a middleware of its own: the HTTP edge (app/api/edge.py) reads the request's headers once and asks
    :meth:`refuse`, counts :attr:`in_flight` around the request and reads a bounded body with :meth:`read_body`.
    """

    def __init__(
        self, *, hosts: frozenset[str] | None, max_body: int, max_sparql_body: int, max_in_flight: int
    ) -> None:
        self.hosts = hosts
        self.max_body = max_body
        self.max_sparql_body = max_sparql_body
        self.max_in_flight = max_in_flight
        self.in_flight = 0  # one event loop: no lock needed

    def limit(self, scope: Scope) -> int:
        """The largest body this request may send."""
        return self.max_sparql_body if scope["path"].rstrip("/") == "/sparql" else self.max_body

    async def refuse(self, scope: Scope, send: Send, host: str, declared_length: str) -> bool:
        """Answer the request with a problem and return True when it is refused (``declared_length``: its
        Content-Length header, or "")."""
        if not _HOST.match(host):
            shown = host[:60] + ("…" if len(host) > 60 else "")
            detail = f"The Host header {shown!r} is not a host name or address with an optional port."
            await _problem(send, scope, 400, "invalid-host", "Invalid Host header", detail)
            return True
        if self.hosts is not None and _host_name(host) not in self.hosts:
            await _problem(send, scope, 400, "unknown-host", "Unknown host",
                           f"This service does not answer for the host {_host_name(host)!r}. Its operator can "
                           "allow it with --allowed-host or ANKLEKG_ALLOWED_HOSTS.")  # fmt: skip
            return True
        if declared_length.isdigit() and int(declared_length) > self.limit(scope):
            await _too_large(send, scope, self.limit(scope))
            return True
        if self.in_flight >= self.max_in_flight and scope["path"] not in PROBE_PATHS:
            await _problem(send, scope, 503, "busy", "Too many requests in progress",
                           f"The service is answering {self.in_flight} requests, its limit. Retry in a second.",
                           retry_after=1)  # fmt: skip
            return True
        return False

    async def read_body(self, scope: Scope, receive: Receive, send: Send) -> Receive | None:
        """A POST's (PUT's, PATCH's) whole body, read now within the limit and replayed to the app; None when it
        passed the limit (answered 413 at once: the rest is never read)."""
        limit = self.limit(scope)
        body = await _read_body(receive, limit)
        if body is None:
            await _too_large(send, scope, limit)
            return None
        return _replay(body, receive)


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it passes the limit (the rest is never read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)  # the client left: the app sees an empty or partial body and answers nobody
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: the disconnect, when it comes

    return replay


async def _too_large(send: Send, scope: Scope, limit: int) -> None:
    await _problem(send, scope, 413, "body-too-large", "Request body too large",
                   f"The request body is over {limit} bytes, the limit for {scope['path']}. Send a smaller body "
                   "(for a large SPARQL query, narrow it; for many injuries, ask in several requests).",
                   limit=limit)  # fmt: skip


async def _problem(
    send: Send, scope: Scope, status: int, slug: str, title: str, detail: str, retry_after: int | None = None,
    **extra: object,
) -> None:
    body = json.dumps(
        {"type": problem_type_uri(slug), "title": title, "status": status, "detail": detail,
         "instance": scope["path"][:200], **extra}
    ).encode()  # fmt: skip
    headers = [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]  # fmt: skip
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
