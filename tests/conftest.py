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

from tests.balancer import Nginx, NginxMissing, nginx_binary

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
    "tests/deploy/test_replicas.py",
    "tests/sparql/test_external.py",
    "tests/sparql/test_virtuoso.py",
    "tests/sparql/test_w3c_protocol.py",
)


def pytest_configure(config: pytest.Config) -> None:
    """Validation reports are stored in a folder of this run's own (app/ontology/validation/stamp.py): the
    session validates the data in full once, never trusting a report left by an earlier run or by the user."""
    if "ANKLEKG_CACHE_DIR" not in os.environ:
        os.environ["ANKLEKG_CACHE_DIR"] = tempfile.mkdtemp(prefix="anklekg-test-cache-")
        config.add_cleanup(lambda: shutil.rmtree(os.environ.pop("ANKLEKG_CACHE_DIR"), ignore_errors=True))


#: Modules whose tests of the `client` fixture run twice: straight to a server, and through Debian's nginx with
#: the project's own config (deploy/nginx) in front of two replicas: the same assertions by both routes. A test
#: that reads one process's own state (its counters) is marked ``one_replica`` and runs straight only.
THROUGH_NGINX = (
    "tests/api/test_service.py",
    "tests/api/routes/test_differential.py",
    "tests/api/routes/test_entities.py",
    "tests/api/routes/test_exports.py",
    "tests/api/routes/test_health.py",
    "tests/api/routes/test_impact.py",
    "tests/api/routes/test_linked_data.py",
    "tests/api/routes/test_search.py",
    "tests/api/routes/test_sparql.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    kept, one_replica = [], []
    for item in items:
        where = item.path.relative_to(ROOT).as_posix()
        if where.startswith(SLOW_PATHS):
            item.add_marker(pytest.mark.slow)
        callspec = getattr(item, "callspec", None)
        if callspec and callspec.params.get("client") == "via-nginx" and item.get_closest_marker("one_replica"):
            one_replica.append(item)  # a test's mark or one of its parameters' (pytest.param(..., marks=...))
        else:
            kept.append(item)
    if one_replica:
        config.hook.pytest_deselected(items=one_replica)
        items[:] = kept


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    where = metafunc.definition.path.relative_to(ROOT).as_posix()
    if where in THROUGH_NGINX and "client" in metafunc.fixturenames:
        routes = ["direct", pytest.param("via-nginx", marks=pytest.mark.slow)]
        metafunc.parametrize("client", routes, indirect=True, scope="session")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """A real `anklekg serve` process on a free loopback port."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.args = args
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
def in_process_server() -> Iterator[LiveServer]:
    """The service as it ships: /sparql answered by its own worker processes."""
    with running(LiveServer()) as server:
        yield server


@pytest.fixture(scope="session")
def live_server(in_process_server: LiveServer) -> LiveServer:
    return in_process_server


@pytest.fixture(scope="session")
def dataset_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SPARQL dataset as ``anklekg export`` writes it (anklekg-dataset.nq), for external stores to load."""
    from tests.sparql.stores import export_dataset

    return export_dataset(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="session")
def store_location(dataset_export: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An Oxigraph database loaded with that export; read-only servers may share it."""
    from tests.sparql.stores import load_oxigraph

    return load_oxigraph(dataset_export, tmp_path_factory.mktemp("store") / "oxigraph")


@pytest.fixture(scope="session")
def external_store(store_location: Path) -> Iterator[str]:
    """A real ``oxigraph serve-read-only`` over that database; its query endpoint URL."""
    from tests.sparql.stores import OxigraphServer

    with OxigraphServer(store_location) as store:
        yield store.endpoint


@pytest.fixture(scope="session")
def external_server(external_store: str) -> Iterator[LiveServer]:
    """The same service answering /sparql from the external store (--sparql-endpoint), with default limits."""
    with running(LiveServer("--sparql-endpoint", external_store)) as server:
        yield server


#: The SPARQL suites run against both ways of answering /sparql; the external one starts two more
#: servers, so it is left out of the fast loop.
ENDPOINT_MODES = ["in-process", pytest.param("external", marks=pytest.mark.slow)]


@pytest.fixture(scope="session", params=ENDPOINT_MODES)
def endpoint_server(request: pytest.FixtureRequest) -> LiveServer:
    """The in-process server, then the one forwarding to an external store (for suites that override
    ``live_server`` and ``client`` with it)."""
    name = "in_process_server" if request.param == "in-process" else "external_server"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def replicas() -> Iterator[tuple[LiveServer, LiveServer]]:
    """Two replicas of the service, as deploy/ runs them (access logs on: tests/deploy reads the client addresses)."""
    first, second = LiveServer("--log-level", "info"), LiveServer("--log-level", "info")
    with running(first), running(second):
        yield first, second


@pytest.fixture(scope="session")
def nginx_front(replicas: tuple[LiveServer, LiveServer]) -> Iterator[Nginx]:
    """nginx from deploy/nginx/anklekg.conf.template, round robin over the two replicas; skips without nginx."""
    try:
        nginx_binary()
    except NginxMissing as exc:
        pytest.skip(str(exc))
    nginx = Nginx.start(free_port(), [f"127.0.0.1:{server.port}" for server in replicas])
    try:
        yield nginx
    finally:
        nginx.stop()


@pytest.fixture(scope="session")
def client(request: pytest.FixtureRequest) -> Iterator[httpx.Client]:
    """A client of the service: straight to it, or (``via-nginx``, see THROUGH_NGINX) through nginx."""
    route = getattr(request, "param", "direct")
    server: LiveServer | Nginx = request.getfixturevalue("nginx_front" if route == "via-nginx" else "live_server")
    with httpx.Client(base_url=server.url, timeout=30.0) as http:
        yield http


@pytest.fixture(scope="session")
def kg():  # type: ignore[no-untyped-def]
    """The bundled ontology loaded in-process, as a notebook user would (the Python API)."""
    from app.kg import AnkleKG
    from app.settings import Settings

    return AnkleKG.load(Settings())
