"""One Settings object, read from ANKLEKG_* environment variables (and CLI flags that set them)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """The data a wheel installs inside the package (anklekg/data), else the checkout's data/ beside app/.

    Beside the code, not under sys.prefix, so that every kind of install finds it (a venv, ``pip install --user``,
    ``--target``, a notebook's kernel) and a checkout never reads another install's data.
    """
    code = Path(__file__).resolve().parent
    installed = code / "data"
    return installed if (installed / "ankle_ontology.ttl").is_file() else code.parent / "data"


def default_worker_memory_mb(workers: int) -> int:
    """min(2 GiB, RAM / (2 x workers)): all workers at their limit still leave half the machine to the rest."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # no sysconf (not POSIX): assume a small machine
        total = 4 * 1024**3
    return max(256, min(2048, total // (2 * workers) // 1024**2))


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/anklekg`` (``~/.cache/anklekg``): per user, outside the checkout and the install."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "anklekg"


def default_reference_csv() -> Path | None:
    """The reference table the data's xrefs are checked against, vendored in data/reference/ (see SOURCE.md)."""
    candidate = default_data_dir() / "reference" / "ankle_structures.csv"
    return candidate if candidate.is_file() else None


class Settings(BaseSettings):
    """Where the data lives and how the service runs."""

    model_config = SettingsConfigDict(env_prefix="ANKLEKG_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    ontology_files: tuple[str, ...] = ("schema.ttl", "ankle_ontology.ttl")
    reference_csv: Path | None = Field(default_factory=default_reference_csv)
    # where the schematic views draw things (drawing data keyed by the graph's ids; checked at load)
    diagram_layout: Path = Field(default_factory=lambda data: data["data_dir"] / "diagrams" / "views.json")
    validate_on_start: bool = True
    shacl_on_start: bool = True
    # where validation reports are kept by their inputs' fingerprint (app/ontology/validation/stamp.py), so a
    # start with unchanged data skips validation; None: validate at every start, keep nothing
    cache_dir: Path | None = Field(default_factory=default_cache_dir)
    host: str = "127.0.0.1"
    port: int = 8000
    cors_origins: list[str] = ["*"]
    # Host names requests may carry (empty: the bind address and localhost, or any when binding 0.0.0.0);
    # request bodies over these sizes get 413 before the rest is read.
    allowed_hosts: list[str] = []
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    max_sparql_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    # requests answered at once; more get 503 with Retry-After (uvicorn's own limit is a backstop above it)
    max_requests_in_flight: int = Field(default=256, ge=1)
    # seconds a connection may take to send a request's head (from connecting, or from the request's first
    # byte) and then its body, and may stay idle between requests; past them it is closed (app/api/connections.py)
    header_timeout: float = Field(default=10.0, gt=0)
    body_timeout: float = Field(default=30.0, gt=0)
    keep_alive_timeout: int = Field(default=5, ge=1)
    # finished answers kept by normalised request (0: none kept); see app/api/answer_cache.py
    answer_cache_bytes: int = Field(default=64 * 1024 * 1024, ge=0)
    # SPARQL endpoint: a hard deadline per query, how many run at once, how many more may wait,
    # the result-row cap, and extra RDF files served as named graphs ("FILE=GRAPH_IRI").
    sparql_timeout: float = Field(default=10.0, gt=0, le=3600)
    sparql_workers: int = Field(default_factory=lambda: max(1, min(4, os.cpu_count() or 1)), ge=1, le=64)
    sparql_max_waiting: int = Field(default=32, ge=0)
    sparql_max_rows: int = Field(default=10_000, ge=1)
    # Hard limits per query: a worker's address space (over it: 503, the worker is replaced) and the
    # result body's size (over it: truncated and reported, like the row cap).
    sparql_worker_memory_mb: int = Field(
        default_factory=lambda data: default_worker_memory_mb(data.get("sparql_workers", 1)), ge=128
    )
    sparql_max_bytes: int = Field(default=32 * 1024 * 1024, ge=1024)
    # Fairness per client (remote address): queries one client runs at once (default: half the
    # workers, so one client never holds them all), and how many more of its queries may wait.
    sparql_client_limit: int = Field(default_factory=lambda data: max(1, data.get("sparql_workers", 1) // 2), ge=1)
    sparql_client_queue: int = Field(default=4, ge=0)
    # Fairness across clients: while a client that ran no long query lately waits for a worker, queries past
    # this many seconds may hold all workers but one (the longest-running is stopped), and clients whose
    # queries ran this long are served after the others for one deadline (0: no preemption; app/sparql/pool.py)
    sparql_fair_share: float = Field(default=0.5, ge=0)
    sparql_datasets: tuple[str, ...] = ()
    # From this size of the SPARQL dataset (its N-Quads), `anklekg build` keeps it in an on-disk store too, and the
    # workers open that one store read-only instead of each parsing a copy into memory (app/sparql/dataset.py)
    sparql_on_disk_bytes: int = Field(default=64 * 1024 * 1024, ge=0)
    # An external SPARQL 1.1 query endpoint that answers /sparql instead of our workers (none are started);
    # the limits above still apply in front of it: deadline, caps, fairness, and sparql_workers bounds the
    # queries forwarded at once.
    sparql_endpoint: str | None = None
    # how that store is asked for SELECT rows: SPARQL 1.1 TSV (fastest to read), or SPARQL XML for a store
    # whose TSV is not standard (Virtuoso 7 writes IRIs as quoted strings)
    sparql_endpoint_results: Literal["tsv", "xml"] = "tsv"

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        return [h for h in value.split(",") if h.strip()] if isinstance(value, str) else value

    @field_validator("port")
    @classmethod
    def _port_in_range(cls, value: int) -> int:
        if not 0 <= value <= 65535:
            raise ValueError(f"port {value} is not between 0 and 65535")
        return value

    @field_validator("sparql_endpoint")
    @classmethod
    def _endpoint_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.fragment:
            raise ValueError(
                f"sparql_endpoint {value!r} is not an http:// or https:// URL with a host and no #fragment "
                "(e.g. http://127.0.0.1:7878/query)"
            )
        return value

    @model_validator(mode="after")
    def _datasets_are_loaded_locally(self) -> Settings:
        if self.sparql_endpoint and self.sparql_datasets:
            raise ValueError(
                "sparql_datasets (--dataset) loads files into AnkleKG's own SPARQL workers, which an external "
                "sparql_endpoint replaces: load those files into that store instead"
            )
        return self

    @property
    def ontology_paths(self) -> list[Path]:
        return [self.data_dir / name for name in self.ontology_files]
