"""A validated, indexed snapshot of the knowledge base, kept by the content hash of everything it is built from.

A start that parses Turtle, validates and indexes spends most of its time on work whose result only changes
when the data (or the code) does. ``anklekg build`` (also run in the Docker image) does that work once and keeps
its result in ``ANKLEKG_CACHE_DIR/snapshot-<fingerprint>/``:

* ``knowledge.pickle``: the knowledge base's records and indices (plain typed records, the name index) and the
  validation report;
* ``asserted.oxigraph/``: the asserted triples in pyoxigraph's on-disk store, blank nodes named as the loader
  names them (so replicas still write the same bytes), opened read-only by a start: nothing is parsed and nothing
  is copied into memory (at 100 copies of the graph, parsing its N-Quads took 10 s of a 16 s start);
* ``asserted.nq``: the same triples as N-Quads, for whoever wants them as a file;
* ``dataset.nq``: the SPARQL dataset (asserted, inferred, extra graphs) that the SPARQL workers load, so that a
  start neither builds nor dumps it; from ``sparql_on_disk_bytes`` (64 MiB) also ``dataset.oxigraph/``, the same
  dataset in an on-disk store that the workers open read-only instead of each holding a copy in memory;
* ``links.pickle`` and ``profiles.pickle``: the projection's links (app.graph.links, what paths and
  neighbourhoods walk) and the differential's per-structure profiles, read after the port opens (or on first use),
  not before;
* ``browse.pickle``: the explorer's browse groups (their SPARQL queries run once, at build time: run by every
  start's warm-up over the on-disk store, they left ~40 MiB of the store's reads in the process at 100 copies);
* ``impact-answers.bin``: finished answers, gzipped, with an index at the end (:class:`StoredAnswers`): the
  service's single-injury impact answers, written by ``anklekg build`` (app/api/stored.py decides which and makes
  their bytes; ``--no-impact-answers`` leaves the file out). A start reads nothing of it; the index is read on first
  use (or by the warm-up) and an answer only when asked for, so memory does not grow by the answers' size.

The networkx projection itself (exports, centrality) is projected from the records when first asked
  for: at 100 copies of the graph it held 79 MiB, its links ~10.

The fingerprint covers every file under the data folder, the extra files named by the settings, the Python
source of ``app/``, the versions of Python and of the libraries whose objects are stored, and the options that
change what is built; one changed byte is another fingerprint, hence a miss. A miss, or a snapshot that cannot be
read, is never an error: the start loads in full and says why (log and ``/health``).

Pickles run code when read, so a snapshot is read only from a folder owned by this user (or by root, as in the
Docker image) that no one else may write to; anything else is treated as missing.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import logging
import os
import pickle
import shutil
import stat
import struct
import sys
import tempfile
import time
import weakref
import zlib
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .knowledge.base import KnowledgeBase
from .ontology.validation.report import ValidationReport
from .settings import Settings
from .sparql.dataset import write_on_disk_copy
from .version import __version__

if TYPE_CHECKING:
    import networkx as nx

    from .graph.links import Links
    from .learn import BrowseGroups
    from .reasoning.differential import Profiles

__all__ = ["FORMAT", "Snapshot", "StoredAnswers", "StoredKnowledge"]

logger = logging.getLogger(__name__)

#: Bumped when the stored form changes: an older snapshot is then simply a miss.
FORMAT = 4
_APP_DIR = Path(__file__).resolve().parent
_LIBRARIES = ("pyoxigraph", "networkx", "pydantic", "pydantic-core", "rapidfuzz", "rdflib", "pyshacl")
KNOWLEDGE, ASSERTED, STORE, DATASET, LINKS, PROFILES, BROWSE, META = (
    "knowledge.pickle", "asserted.nq", "asserted.oxigraph", "dataset.nq", "links.pickle", "profiles.pickle",
    "browse.pickle", "meta.json",
)  # fmt: skip
ANSWERS = "impact-answers.bin"


def _library_versions(names: Sequence[str]) -> dict[str, str]:
    """The installed versions of ``names``, read from their distributions' folder names (``name-version.dist-info``)
    on ``sys.path``, the first one found winning as it does for imports; one not found so is asked of
    importlib.metadata, which parses every METADATA file it looks at (~10 ms of every start for these seven)."""
    wanted = {name.lower().replace("-", "_"): name for name in names}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if item.endswith(".dist-info"):
                name, _, release = item.removesuffix(".dist-info").partition("-")
                key = name.lower().replace("-", "_").replace(".", "_")
                if key in wanted and wanted[key] not in found:
                    found[wanted[key]] = release
    for name in names:
        if name not in found:
            try:
                found[name] = version(name)
            except PackageNotFoundError:
                found[name] = "absent"
    return {name: found[name] for name in names}


def _files(item: Path) -> list[Path]:
    """The files under ``item`` (or ``item`` itself), in a stable order; never into __pycache__ (os.walk: rglob
    looked at every compiled file too)."""
    if not item.is_dir():
        return [item]
    found: list[str] = []
    for root, dirs, names in os.walk(item):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found.extend(os.path.join(root, name) for name in names)
    return [Path(file) for file in sorted(found)]


@dataclass(frozen=True)
class StoredKnowledge:
    """What a start reads from a snapshot: the knowledge base (its store loaded), the validation report, the file the
    SPARQL workers load, and readers of the differential's profiles and of the browse groups (called once, after the
    port opens; None when the snapshot has none)."""

    kb: KnowledgeBase
    report: ValidationReport | None
    dataset_file: Path
    profiles: Callable[[], Profiles | None]
    browse: Callable[[], BrowseGroups | None]
    answers: Callable[[], StoredAnswers | None]


#: The answers file's first and last bytes (the last follow the index's offset and length)
_MAGIC = b"AKGANS1\n"
_TRAILER = struct.Struct("<QQ8s")


class StoredAnswers:
    """Finished answers kept in one file of a snapshot: each answer's ETag and gzipped body, one after the other,
    then an index (key -> offset, length and CRC-32 of each, pickled) and a trailer that locates it.

    Opened once (the file stays open: a build replacing the snapshot meanwhile cannot mix two files' offsets), the
    index read at once (~5,700 keys, ~1 MB in memory); :meth:`get` reads one answer with one ``pread`` and checks
    it. What is read is not kept here: the caller keeps it in its bounded answer cache."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        """Raises OSError or ValueError when the file is unreadable, truncated or of other inputs."""
        self.path = path
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            size = os.fstat(fd).st_size
            if size < len(_MAGIC) + _TRAILER.size or os.pread(fd, len(_MAGIC), 0) != _MAGIC:
                raise ValueError("not an answers file")
            at, length, magic = _TRAILER.unpack(os.pread(fd, _TRAILER.size, size - _TRAILER.size))
            if magic != _MAGIC or at + length + _TRAILER.size != size:
                raise ValueError("truncated")
            stored = pickle.loads(os.pread(fd, length, at))  # our own file, in a folder only we may write
            if stored.get("fingerprint") != fingerprint:
                raise ValueError("made from other inputs")
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        weakref.finalize(self, os.close, fd)  # closed with the object (a test loads many; a server one)
        #: key -> offset << 64 | length << 32 | CRC-32 (one int per answer: the index's memory is the keys')
        self._index: dict[str, int] = stored["index"]

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, key: str) -> bool:
        return key in self._index

    def get(self, key: str) -> tuple[str, bytes] | None:
        """The answer kept under ``key``: its ETag and its body as stored (compressed); None when no answer is kept
        under that key. Raises OSError when the file cannot be read, or what it reads is not what was written."""
        where = self._index.get(key)
        if where is None:
            return None
        length = where >> 32 & 0xFFFFFFFF
        record = os.pread(self._fd, length, where >> 64)
        if len(record) != length or zlib.crc32(record) != where & 0xFFFFFFFF:
            raise OSError(f"{self.path}: the answer {key!r} is not as it was written")
        etag, _, body = record.partition(b"\n")
        return etag.decode("latin-1"), body

    @staticmethod
    def write(path: Path, fingerprint: str, answers: Iterable[tuple[str, str, bytes]],
              compress: Callable[[bytes], bytes]) -> int:  # fmt: skip
        """Write ``answers`` (key, ETag, body) into ``path``, each body as ``compress`` makes it (a gzip member);
        returns how many. The compression runs in a thread beside the code that makes the answers (zlib lets go
        of the GIL): on two cores a build then takes about the time of making the answers alone."""
        index: dict[str, int] = {}
        with open(path, "wb") as out, ThreadPoolExecutor(max_workers=1) as pool:
            out.write(_MAGIC)
            at = len(_MAGIC)
            pending: list[tuple[str, str, Future[bytes]]] = []

            def drain(keep: int) -> None:
                nonlocal at
                while len(pending) > keep:
                    key, etag, zipped = pending.pop(0)
                    if "\n" in etag or key in index:
                        raise ValueError(f"answer {key!r}: a repeated key or an ETag with a newline")
                    record = etag.encode("latin-1") + b"\n" + zipped.result()
                    if len(record) > 0xFFFFFFFF:
                        raise ValueError(f"answer {key!r} is larger than 4 GiB")
                    out.write(record)
                    index[key] = at << 64 | len(record) << 32 | zlib.crc32(record)
                    at += len(record)

            for key, etag, body in answers:
                pending.append((key, etag, pool.submit(compress, body)))
                drain(keep=8)
            drain(keep=0)
            stored = pickle.dumps({"fingerprint": fingerprint, "index": index}, protocol=pickle.HIGHEST_PROTOCOL)
            out.write(stored)
            out.write(_TRAILER.pack(at, len(stored), _MAGIC))
        return len(index)


@dataclass(frozen=True)
class Snapshot:
    """The fingerprint of one build's inputs, and the folder its snapshot is (or will be) kept in."""

    fingerprint: str
    directory: Path

    @classmethod
    def of(cls, settings: Settings) -> Snapshot | None:
        """The snapshot these settings would use; None when no cache folder is set (ANKLEKG_CACHE_DIR)."""
        if settings.cache_dir is None:
            return None
        digest = hashlib.sha256()
        header = {
            "format": FORMAT,
            "anklekg": __version__,
            "python": sys.version,
            "libraries": _library_versions(_LIBRARIES),
            "ontology_files": settings.ontology_files,
            "shacl": settings.shacl_on_start,
            "datasets": settings.sparql_datasets,
            "sparql_on_disk_bytes": settings.sparql_on_disk_bytes,
        }
        digest.update(json.dumps(header, sort_keys=True, default=str).encode())
        extra = [Path(v.rpartition("=")[0]) for v in settings.sparql_datasets]
        named = [settings.diagram_layout, *([settings.reference_csv] if settings.reference_csv else []), *extra]
        for root in (_APP_DIR, settings.data_dir, *named):
            for file in _files(root):
                digest.update(f"\0{file.name if root in named else file.relative_to(root)}\0".encode())
                digest.update(file.read_bytes() if file.is_file() else b"\0missing")
        fingerprint = digest.hexdigest()
        return cls(fingerprint, settings.cache_dir / f"snapshot-{fingerprint[:32]}")

    # -- reading ------------------------------------------------------------------------------------------
    def why_unusable(self) -> str | None:
        """Why this snapshot cannot be read (None: it can)."""
        try:
            info = self.directory.stat()
        except FileNotFoundError:
            return f"no snapshot for these data and code ({self.fingerprint[:12]}); `anklekg build` makes one"
        except OSError as exc:
            return f"snapshot {self.directory} is unreadable ({exc})"
        # this user's, or root's (a container image's, built as root and served as another user)
        if info.st_uid not in (os.getuid(), 0) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return f"snapshot {self.directory} is not this user's (nor root's) or others may write to it: not trusted"
        try:
            meta = json.loads((self.directory / META).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            return f"snapshot {self.directory} has no readable {META} ({exc})"
        if meta.get("fingerprint") != self.fingerprint or meta.get("format") != FORMAT:
            return f"snapshot {self.directory} was made from other inputs"
        return None

    def read(self, *, validated: bool) -> StoredKnowledge | None:
        """The stored knowledge base and report (the report only when ``validated``), or None with a log line."""
        why = self.why_unusable()
        if why is None:
            try:
                with open(self.directory / KNOWLEDGE, "rb") as handle:
                    stored = pickle.load(handle)  # our own file, in a folder only we may write
                kb, report = stored["kb"], stored["report"]
                if not isinstance(kb, KnowledgeBase) or stored.get("fingerprint") != self.fingerprint:
                    raise ValueError("not a knowledge base of these inputs")
                store = ox.Store.read_only(str(self.directory / STORE))
            except Exception as exc:  # unpickling can fail many ways (a class that changed...): a miss, said
                why = f"snapshot {self.directory} could not be read ({type(exc).__name__}: {exc})"
            else:
                kb.store = store
                kb.graph_source = functools.partial(_project_graph, kb)
                kb.links_source = self._links_reader(kb)
                return StoredKnowledge(kb, report if validated else None, self.directory / DATASET, self._profiles,
                                       self._browse, self._answers)  # fmt: skip
        logger.info("%s: loading in full", why)
        return None

    def _links_reader(self, kb: KnowledgeBase) -> Callable[[], Links]:
        def read_links() -> Links:
            try:
                with open(self.directory / LINKS, "rb") as handle:
                    links: Links = pickle.load(handle)  # see read(): only from our own folder
                return links
            except Exception as exc:
                logger.warning("snapshot links %s unreadable (%s): projecting again", self.directory / LINKS, exc)
                from .graph.projection import project_links

                return project_links(kb.terms, kb.statements, kb.restraints, kb.actions)

        return read_links

    def _profiles(self) -> Profiles | None:
        try:
            with open(self.directory / PROFILES, "rb") as handle:
                profiles: Profiles = pickle.load(handle)  # see read(): only from our own folder
            return profiles
        except Exception as exc:
            logger.warning("snapshot profiles %s unreadable (%s): computing them", self.directory / PROFILES, exc)
            return None

    def _browse(self) -> BrowseGroups | None:
        try:
            with open(self.directory / BROWSE, "rb") as handle:
                groups: BrowseGroups = pickle.load(handle)  # see read(): only from our own folder
            return groups
        except FileNotFoundError:
            return None  # written without them (a benchmark's snapshot): read from the store
        except Exception as exc:
            logger.warning("snapshot browse groups %s unreadable (%s): run again", self.directory / BROWSE, exc)
            return None

    def _answers(self) -> StoredAnswers | None:
        """The stored answers (their index read now), or None, said in the log: a snapshot built without them, or
        whose file cannot be read (then every answer is computed, as without a snapshot)."""
        path = self.directory / ANSWERS
        if not path.exists():
            logger.info("snapshot %s keeps no impact answers (built with --no-impact-answers): they are computed on "
                        "a miss", self.directory)  # fmt: skip
            return None
        try:
            return StoredAnswers(path, self.fingerprint)
        except Exception as exc:
            logger.warning("snapshot answers %s unreadable (%s): they are computed on a miss", path, exc)
            return None

    # -- writing ------------------------------------------------------------------------------------------
    def write(
        self, kb: KnowledgeBase, report: ValidationReport, profiles: Profiles, dataset: ox.Store,
        extra: Sequence[str] = (), on_disk_bytes: int = 64 * 1024 * 1024, browse: BrowseGroups | None = None,
        answers: Iterable[tuple[str, str, bytes]] | None = None, compress: Callable[[bytes], bytes] | None = None,
    ) -> None:  # fmt: skip
        """Write the snapshot into a private temporary folder, then move it into place (a reader never sees half
        of one). ``browse``: the browse groups, when given (else a start reads them from the store). ``answers``:
        finished answers (key, ETag, body) to keep, each as ``compress`` makes it (see :class:`StoredAnswers`).
        Raises OSError when the cache folder cannot be written."""
        started = time.perf_counter()
        parent = self.directory.parent
        parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".snapshot-", dir=parent))  # mode 0700
        try:
            with open(work / KNOWLEDGE, "wb") as handle:
                state = {"fingerprint": self.fingerprint, "kb": kb, "report": report}
                pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
            kb.store.dump(output=str(work / ASSERTED), format=ox.RdfFormat.N_QUADS, from_graph=ox.DefaultGraph())
            on_disk = ox.Store(str(work / STORE))
            # parse + extend, not Store.load, which renames blank nodes at random (app/ontology/load.py)
            on_disk.extend(ox.parse(path=str(work / ASSERTED), format=ox.RdfFormat.N_QUADS))
            on_disk.flush()
            on_disk.optimize()
            del on_disk  # closed: a start opens it read-only
            dataset.dump(output=str(work / DATASET), format=ox.RdfFormat.N_QUADS)
            write_on_disk_copy(work / DATASET, on_disk_bytes)  # the workers open it, when large enough
            with open(work / LINKS, "wb") as handle:
                pickle.dump(kb.links, handle, protocol=pickle.HIGHEST_PROTOCOL)
            with open(work / PROFILES, "wb") as handle:
                pickle.dump(profiles, handle, protocol=pickle.HIGHEST_PROTOCOL)
            if browse is not None:
                with open(work / BROWSE, "wb") as handle:
                    pickle.dump(browse, handle, protocol=pickle.HIGHEST_PROTOCOL)
            stored, answers_seconds = 0, 0.0
            if answers is not None:
                begun = time.perf_counter()
                stored = StoredAnswers.write(work / ANSWERS, self.fingerprint, answers, compress or _gzip)
                answers_seconds = time.perf_counter() - begun
            meta: dict[str, Any] = {
                "format": FORMAT, "fingerprint": self.fingerprint, "anklekg": __version__, "counts": kb.counts(),
                "datasets": list(extra), "built_seconds": round(time.perf_counter() - started, 3),
                "impact_answers": stored, "impact_answers_seconds": round(answers_seconds, 3),
                "impact_answers_bytes": (work / ANSWERS).stat().st_size if answers is not None else 0,
            }  # fmt: skip
            (work / META).write_text(json.dumps(meta, indent=2), encoding="utf-8")
            shutil.rmtree(self.directory, ignore_errors=True)
            os.replace(work, self.directory)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise

    def remove_others(self) -> list[Path]:
        """Remove this cache folder's snapshots of other inputs (a build keeps only the current one)."""
        removed = []
        for other in self.directory.parent.glob("snapshot-*"):
            if other != self.directory and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
                removed.append(other)
        return removed


def _gzip(body: bytes) -> bytes:
    return gzip.compress(body, mtime=0)


def _project_graph(kb: KnowledgeBase) -> nx.MultiDiGraph:
    """The networkx projection of a snapshot's records (exports, centrality: projected when first asked for)."""
    from .graph.projection import project_graph

    return project_graph(kb.terms, kb.statements, kb.restraints, kb.actions)
