"""Shared fixtures: the real service, started once per session as a uvicorn subprocess."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


#: Tests that start servers or a browser of their own, or wait on deadlines: marked slow, so that
#: ``scripts/test --fast`` (pytest -m "not slow") is the inner loop and the full suite still runs them all.
SLOW_PATHS = (
    "tests/cli/",
    "tests/web/",
    "tests/api/test_openapi_properties.py",
    "tests/api/test_guard.py",
    "tests/api/test_connections.py",
    "tests/api/test_leaks.py",
    "tests/sparql/test_safety.py",
    "tests/sparql/test_datasets.py",
    "tests/sparql/test_hostile.py",
    "tests/api/routes/test_exports.py",
)


def pytest_configure(config: pytest.Config) -> None:
    """Validation reports are stored in a folder of this run's own (app/ontology/validation/stamp.py): the
    session validates the data in full once, never trusting a report left by an earlier run or by the user."""
    if "ANKLEKG_CACHE_DIR" not in os.environ:
        os.environ["ANKLEKG_CACHE_DIR"] = tempfile.mkdtemp(prefix="anklekg-test-cache-")
        config.add_cleanup(lambda: shutil.rmtree(os.environ.pop("ANKLEKG_CACHE_DIR"), ignore_errors=True))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        where = item.path.relative_to(ROOT).as_posix()
        if where.startswith(SLOW_PATHS):
            item.add_marker(pytest.mark.slow)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """A real `anklekg serve` process on a free loopback port."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = ROOT / ".pytest_cache" / f"server-{self.port}.log"
        self.log.parent.mkdir(exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "app",
            "serve",
            "--port",
            str(self.port),
            "--log-level",
            "warning",
            *args,
        ]
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log.read_text()}")
            try:
                if httpx.get(self.url + "/health", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server not ready after {timeout} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log_file.close()


@contextmanager
def running(server: LiveServer) -> Iterator[LiveServer]:
    """Wait until the server answers, hand it over, and stop it whatever happens."""
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    with running(LiveServer()) as server:
        yield server


@pytest.fixture(scope="session")
def client(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=30.0) as http:
        yield http


@pytest.fixture(scope="session")
def kg():  # type: ignore[no-untyped-def]
    """The bundled ontology loaded in-process, as a notebook user would (the Python API)."""
    from app.kg import AnkleKG
    from app.settings import Settings

    return AnkleKG.load(Settings())
