"""Debian's nginx in front of replicas, from the project's own template (deploy/nginx/anklekg.conf.template).

The template is rendered as the nginx image renders it (envsubst of ``${NAME}``) and wrapped in a main file
that gives this nginx a prefix, pid, temp and log paths of its own in a temporary directory: it runs in the
foreground as a child of the test or benchmark, on an unprivileged loopback port, beside any system nginx.
Used by the fixtures in tests/conftest.py, by tests/deploy and by scripts/bench_replicas.py.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "deploy" / "nginx" / "anklekg.conf.template"
_PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")


class NginxMissing(RuntimeError):
    """No nginx binary on this machine (scripts/test installs Debian's when it runs as root)."""


def nginx_binary() -> str:
    """The nginx executable, or NginxMissing saying how to get one."""
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
    if found is None:
        raise NginxMissing(
            "nginx is not installed: scripts/test installs Debian's package when run as root "
            "(apt-get install nginx); the tests through nginx are skipped without it"
        )
    return found


def render(template: str, values: Mapping[str, str]) -> str:
    """``${NAME}`` replaced by ``values[NAME]``, as envsubst does; a placeholder without a value is an error
    (envsubst would leave an empty string and nginx would start with a config nobody meant)."""
    missing = sorted({name for name in _PLACEHOLDER.findall(template) if name not in values})
    if missing:
        raise KeyError(f"the template needs values for {', '.join(missing)}")
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def upstream_servers(addresses: Sequence[str]) -> str:
    """The ``${ANKLEKG_UPSTREAM_SERVERS}`` value for replicas at ``host:port`` addresses."""
    return " ".join(f"server {address};" for address in addresses)


def main_config(prefix: Path, site: Path) -> str:
    """The main file around the site: this nginx's own pid, logs and temp paths, in the foreground."""
    temp = {name: prefix / "temp" / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    user = "user root root;\n" if os.geteuid() == 0 else ""  # as root, workers would otherwise run as nobody
    return (
        f"{user}daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'logs' / 'error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        + "".join(f"    {name}_temp_path {path};\n" for name, path in temp.items())
        + f"    include {site};\n"
        "}\n"
    )


@dataclass
class Nginx:
    """One nginx master process (and its worker) serving the rendered template on ``port``."""

    process: subprocess.Popen[bytes]
    prefix: Path
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.prefix / "logs" / "access.log"

    @property
    def error_log(self) -> Path:
        return self.prefix / "logs" / "error.log"

    @property
    def config(self) -> Path:
        return self.prefix / "conf" / "anklekg.conf"

    @classmethod
    def start(cls, port: int, replicas: Sequence[str]) -> Nginx:
        """Render the template for ``replicas`` (``host:port``), check it with ``nginx -t``, start nginx."""
        binary = nginx_binary()
        prefix = Path(tempfile.mkdtemp(prefix="anklekg-nginx-"))
        for sub in ("conf", "logs", "temp"):
            (prefix / sub).mkdir()
        site = prefix / "conf" / "anklekg.conf"
        site.write_text(
            render(
                TEMPLATE.read_text(encoding="utf-8"),
                {
                    "ANKLEKG_LISTEN": f"127.0.0.1:{port}",
                    "ANKLEKG_UPSTREAM_SERVERS": upstream_servers(replicas),
                    "ANKLEKG_ACCESS_LOG": str(prefix / "logs" / "access.log"),
                },
            ),
            encoding="utf-8",
        )
        main = prefix / "conf" / "nginx.conf"
        main.write_text(main_config(prefix, site), encoding="utf-8")
        command = [binary, "-p", str(prefix), "-c", str(main), "-e", str(prefix / "logs" / "error.log")]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx -t refused the rendered template:\n{checked.stderr}")
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        nginx = cls(process, prefix, port)
        nginx.wait_ready()
        return nginx

    def wait_ready(self, timeout: float = 10.0) -> None:
        """Until nginx accepts connections (any answer will do: the replicas may not be up yet)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.process.returncode}:\n{self.error_log.read_text()}")
            try:
                httpx.get(self.url + "/health", timeout=1.0)
                return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not listen within {timeout} s:\n{self.error_log.read_text()}")

    def pids(self) -> list[int]:
        """The master and its workers (for CPU accounting in the benchmark)."""
        return [self.process.pid, *children(self.process.pid)]

    def log_lines(self, marker: str) -> list[str]:
        """Access-log lines whose request contains ``marker`` (nginx writes each line as the request ends)."""
        if not self.access_log.exists():
            return []
        return [line for line in self.access_log.read_text().splitlines() if marker in line]

    def stop(self) -> None:
        """SIGQUIT (graceful), then SIGKILL; the temporary prefix goes with it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.prefix, ignore_errors=True)


def upstreams_of(line: str) -> list[str]:
    """The replicas nginx tried for one access-log line, in order (``upstream=a:1, b:2``)."""
    match = re.search(r"upstream=(.*?) upstream_status=", line)
    return [] if match is None or match.group(1) == "-" else [a.strip() for a in match.group(1).split(",")]


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, from /proc (nginx's workers, a server's SPARQL workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found
