"""Forbid this process internet sockets, with a seccomp filter the kernel enforces.

pyoxigraph evaluates ``SERVICE`` by fetching over HTTP, and no Python switch turns that off. The
engine refuses ``SERVICE`` from the parsed query first (with a clear message); this filter is the
guarantee underneath: in a SPARQL worker, ``socket(AF_INET | AF_INET6 | AF_PACKET, ...)`` fails with EPERM,
so no query, however written, can reach the network. Pipes to the parent keep working.

Linux on x86-64 and AArch64 only; elsewhere :func:`forbid_network` returns False and the engine's
check stands alone.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import struct
import sys

__all__ = ["forbid_network"]

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_LD_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RET = 0x06  # BPF_RET | BPF_K
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}  # AUDIT_ARCH_*, __NR_socket
_AF_INET, _AF_INET6, _AF_PACKET = 2, 10, 17


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]


def forbid_network() -> bool:
    """Install the filter for this thread and every thread it later starts; True if installed."""
    arch = _ARCHES.get(platform.machine())
    if not sys.platform.startswith("linux") or arch is None:
        return False
    audit_arch, nr_socket = arch
    instructions = [  # (code, jump if true, jump if false, constant); jumps count instructions skipped
        (_LD_ABS, 0, 0, 4),  # 0: architecture
        (_JEQ, 0, 8, audit_arch),  # 1: another ABI: allow (our 64-bit interpreter makes no such calls)
        (_LD_ABS, 0, 0, 0),  # 2: syscall number
        (_JGE, 5, 0, 0x40000000),  # 3: x32 ABI numbers: deny
        (_JEQ, 0, 5, nr_socket),  # 4: not socket(): allow
        (_LD_ABS, 0, 0, 16),  # 5: its first argument, the address family
        (_JEQ, 2, 0, _AF_INET),  # 6
        (_JEQ, 1, 0, _AF_INET6),  # 7
        (_JEQ, 0, 1, _AF_PACKET),  # 8
        (_RET, 0, 0, _RET_ERRNO | errno.EPERM),  # 9: deny
        (_RET, 0, 0, _RET_ALLOW),  # 10: allow
    ]
    code = b"".join(struct.pack("=HBBI", *i) for i in instructions)
    buffer = ctypes.create_string_buffer(code, len(code))
    program = _Program(len(instructions), ctypes.cast(buffer, ctypes.c_char_p))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        return False
    return bool(libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(program), 0, 0) == 0)
