"""What bounds a SPARQL worker process besides its deadline: memory, lifetime and signals.

Memory. A query can need far more memory than its answer (a cross join sorted by ORDER BY reached
5 GB in one worker). Each worker caps its own address space (``RLIMIT_AS``) once its dataset is
loaded: a large dataset still starts, and queries run within the cap (the dataset included). Past
it, Python raises MemoryError, but pyoxigraph's Rust code aborts the process ("memory allocation of
N bytes failed", SIGABRT): the parent reads either as "over the memory limit"
(:func:`out_of_memory`) and replaces the worker.

Lifetime and signals. A worker belongs to the server that started it: it dies with it (the kernel
sends SIGKILL when the parent goes, so a killed server leaves no worker running a query), and it
ignores SIGINT and SIGTERM sent to the whole process group (Ctrl-C, systemd), which would otherwise
kill workers during a graceful shutdown and make the pool start new ones. The parent stops its
workers itself, with SIGKILL.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys

__all__ = ["EXIT_OUT_OF_MEMORY", "OutOfMemory", "address_space", "confine", "out_of_memory", "yield_to_server"]

#: A worker's exit status when Python itself ran out of memory outside a query.
EXIT_OUT_OF_MEMORY = 75
_PR_SET_PDEATHSIG = 1


class OutOfMemory(Exception):
    """A worker answered that the query raised MemoryError (it survived; the pool replaces it anyway)."""


#: How much lower than the server's a SPARQL worker's scheduling priority is
WORKER_NICENESS = 10


def address_space() -> int | None:
    """This process's current address space in bytes (VmSize), where /proc tells it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def yield_to_server() -> None:
    """Die with the parent, ignore group stop signals, and yield the CPU to the server: called first, so that
    loading the dataset (a replacement or a standby starting while bombs run) already takes only what CPU the server
    leaves. A lower scheduling priority (nice) keeps REST answers and /health quick while SPARQL bombs hold every
    worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def confine(memory_bytes: int) -> bool:
    """Cap the address space (once the dataset is loaded); True if the cap is set."""
    if memory_bytes <= 0:
        return False
    try:
        import resource
    except ImportError:  # not POSIX: the deadline alone bounds a query
        return False
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    except (ValueError, OSError):  # above a hard limit set from outside: that one applies
        return False
    return True


def out_of_memory(returncode: int | None) -> bool:
    """Whether a worker's exit status means it ran out of memory (Rust aborts on a failed allocation)."""
    return returncode in (-signal.SIGABRT, EXIT_OUT_OF_MEMORY)
