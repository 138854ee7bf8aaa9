"""Fixtures the API tests share."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator

import pytest

from tests.conftest import free_port


@pytest.fixture
def in_process(kg, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """The application served by a real uvicorn in this process (so that the test can reach its routes)."""
    import uvicorn

    from app.api.main import create_app

    monkeypatch.setattr(gc, "freeze", lambda: None)  # the server's business, not the test process's
    app = create_app(kg)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the in-process server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(timeout=30)
