"""External SPARQL stores for the tests: Oxigraph's own server loaded with our export, and a TCP relay
that records what AnkleKG sends a store and when it hangs up on it.

The store is real (``oxigraph serve-read-only``, from the test extra's ``oxigraph`` package) and holds
exactly what ``anklekg export --only anklekg-dataset.nq`` writes: the asserted default graph and the
asserted and inferred named graphs, so its answers can be compared with the in-process workers'.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, free_port

#: Oxigraph's own bound on a query (``--timeout-s``): it goes on evaluating after its client has left.
STORE_TIMEOUT_S = 5


def oxigraph_binary() -> str:
    """The ``oxigraph`` command of the test extra, or a skip saying how to get it."""
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).is_file():
        pytest.skip("the oxigraph server is missing: install the test extra (pip install -e '.[test]')")
    return found


def export_dataset(directory: Path) -> Path:
    """The SPARQL dataset as the CLI exports it (anklekg-dataset.nq), written into ``directory``."""
    subprocess.run([sys.executable, "-m", "app", "export", "--only", "anklekg-dataset.nq", "--out", str(directory)],
                   cwd=ROOT, check=True, capture_output=True, timeout=120)  # fmt: skip
    return directory / "anklekg-dataset.nq"


def load_oxigraph(dataset: Path, location: Path) -> Path:
    """An Oxigraph database at ``location`` loaded with ``dataset`` (``oxigraph load``)."""
    subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", str(dataset)],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    return location


#: ``GROUP_CONCAT(... ; separator="s") AS ?v``: the order of the joined values is left to the engine.
_CONCAT = re.compile(r'GROUP_CONCAT\((?:[^()]|\([^()]*\))*?separator\s*=\s*"([^"]*)"\s*\)\s+AS\s+\?(\w+)', re.I)


def comparable_rows(answer: httpx.Response, concatenated: dict[str, str]) -> list[dict[str, object]]:
    """Solutions (JSON or CSV) with each GROUP_CONCAT value as the sorted list of what it joins."""
    if answer.headers["content-type"].startswith("text/csv"):
        table: list[dict[str, str]] = list(csv.DictReader(io.StringIO(answer.text)))
    else:
        table = [{k: v["value"] for k, v in b.items()} for b in answer.json()["results"]["bindings"]]
    rows: list[dict[str, object]] = []
    for cells in table:
        row: dict[str, object] = dict(cells)
        for name, separator in concatenated.items():
            if cells.get(name):
                row[name] = sorted(cells[name].split(separator))
        rows.append(row)
    return rows


def concatenations(query: str) -> dict[str, str]:
    """The variables a query binds to GROUP_CONCAT, with their separators."""
    return {name: separator for separator, name in _CONCAT.findall(query)}


class OxigraphServer:
    """``oxigraph serve-read-only`` on a loopback port that stays the same across :meth:`kill` and :meth:`start`."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}/query"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30) -> OxigraphServer:
        command = [oxigraph_binary(), "serve-read-only", "--location", str(self.location),
                   "--bind", f"127.0.0.1:{self.port}", "--timeout-s", str(STORE_TIMEOUT_S)]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph exited with {self.process.returncode}")
            try:
                httpx.post(self.endpoint, data={"query": "ASK {}"}, timeout=1).raise_for_status()
                return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"oxigraph did not answer on port {self.port} within {timeout} s")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.kill()


@dataclass
class Connection:
    """One connection AnkleKG opened to the store, through the relay."""

    opened: float
    client: socket.socket = field(repr=False)
    sent: bytearray = field(default_factory=bytearray)
    hung_up: float | None = None  # when AnkleKG closed it (not the store, not the relay)
    closed_by_store: bool = False


class Relay:
    """A TCP relay from a loopback port to the store's (``target``, switchable), recording per connection what
    AnkleKG sends and when AnkleKG hangs up. When nothing listens on ``target`` it accepts and hangs up at once,
    as a proxy in front of a dead store would."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.connections: list[Connection] = []
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._server.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        connection = Connection(opened=time.monotonic(), client=client)
        with self._lock:
            self.connections.append(connection)
        try:
            store = socket.create_connection(("127.0.0.1", self.target), timeout=2)
        except OSError:
            connection.closed_by_store = True
            client.close()
            return
        store.settimeout(None)
        threading.Thread(target=self._back, args=(store, client, connection), daemon=True).start()
        while True:
            try:
                data = client.recv(65536)
            except OSError:
                data = b""
            if not data:
                if not connection.closed_by_store:
                    connection.hung_up = time.monotonic()
                break
            with self._lock:
                connection.sent += data
            try:
                store.sendall(data)
            except OSError:
                break
        store.close()
        client.close()

    def _back(self, store: socket.socket, client: socket.socket, connection: Connection) -> None:
        while True:
            try:
                data = store.recv(65536)
            except OSError:
                data = b""
            if not data:
                break
            try:
                client.sendall(data)
            except OSError:
                return
        connection.closed_by_store = True
        with contextlib.suppress(OSError):
            client.shutdown(socket.SHUT_RDWR)

    def switch(self, target: int) -> None:
        """Send new connections to ``target`` and end the open ones (AnkleKG sees its store restart)."""
        self.target = target
        with self._lock:
            open_ = [c for c in self.connections if c.hung_up is None and not c.closed_by_store]
        for connection in open_:
            connection.closed_by_store = True
            with contextlib.suppress(OSError):
                connection.client.shutdown(socket.SHUT_RDWR)

    def carrying(self, marker: str) -> list[Connection]:
        """The connections on which ``marker`` was sent."""
        with self._lock:
            return [c for c in self.connections if marker.encode() in c.sent]

    def close(self) -> None:
        self._server.close()


_VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql}
ServerThreads = 10
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {dir}

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {dir}
ServerThreads = 10

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = {timeout}
"""


class VirtuosoServer:
    """Debian's Virtuoso 7 (``virtuoso-t``, installed by scripts/test) in a folder of its own, loaded with
    ``dataset`` by ``isql-vt``. Virtuoso's default graph, when a query names none, is the union of all
    its graphs: tests name the dataset with default-graph-uri / named-graph-uri."""

    def __init__(self, directory: Path, dataset: Path) -> None:
        self.binaries = {name: shutil.which(name) for name in ("virtuoso-t", "isql-vt")}
        if not all(self.binaries.values()):
            pytest.skip("Virtuoso is not installed (scripts/test installs Debian's virtuoso-opensource-7-bin as root)")
        self.directory, self.dataset = directory, dataset
        self.sql_port, self.http_port = free_port(), free_port()
        self.endpoint = f"http://127.0.0.1:{self.http_port}/sparql"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> VirtuosoServer:
        self.directory.mkdir(parents=True, exist_ok=True)
        shutil.copy(self.dataset, self.directory / self.dataset.name)
        ini = self.directory / "virtuoso.ini"
        ini.write_text(_VIRTUOSO_INI.format(dir=self.directory, sql=self.sql_port, http=self.http_port,
                                            timeout=STORE_TIMEOUT_S))  # fmt: skip
        command = [str(self.binaries["virtuoso-t"]), "-f", "-c", str(ini)]
        self.process = subprocess.Popen(command, cwd=self.directory, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)  # fmt: skip
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = (self.directory / "virtuoso.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"Virtuoso did not start (status {self.process.poll()}):\n{log}")
            try:
                httpx.post(self.endpoint, data={"query": "ASK {}"}, timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        load = (f"ld_dir('{self.directory}', '{self.dataset.name}', 'urn:anklekg:default'); "
                "rdf_loader_run(); checkpoint;")  # fmt: skip
        subprocess.run([str(self.binaries["isql-vt"]), str(self.sql_port), "dba", "dba", f"exec={load}"],
                       check=True, capture_output=True, timeout=120)  # fmt: skip
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def __enter__(self) -> VirtuosoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
