"""Confine a student process with Linux Landlock (5.13+), for good and without privileges (see
the README). Stdlib only: the student process loads it by path."""

from __future__ import annotations

import ctypes
import importlib.util
import os
import stat
import struct
import sys
from contextlib import suppress

# Landlock's system calls have the same numbers on every Linux architecture (asm-generic).
SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446
RULE_PATH_BENEATH, PR_SET_NO_NEW_PRIVS = 1, 38

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REFER = 1 << 13  # ABI 2: renaming or linking across folders
TRUNCATE = 1 << 14  # ABI 3: truncate(2) without opening the file
WRITES_V1 = 0b1_1111_1111_0010  # WRITE_FILE, REMOVE_DIR/FILE, MAKE_CHAR/DIR/REG/SOCK/FIFO/BLOCK/SYM

# ABI 6: signals and abstract unix sockets stay within the domain, so student code cannot
# signal the grader or another submission's worker, whatever uid they run as.
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1
# ABI 4: no TCP port may be bound or connected to (no rule allows one), in any network namespace.
BIND_TCP, CONNECT_TCP = 1 << 0, 1 << 1
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE


def _syscall():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


_long = ctypes.c_long  # syscall(2) is variadic: every argument is passed at full register width


def abi_version() -> int:
    """Landlock's ABI version in this kernel, or 0 where there is none."""
    if not sys.platform.startswith("linux"):
        return 0
    version = _syscall().syscall(_long(SYS_CREATE_RULESET), None, _long(0), _long(1))
    return max(int(version), 0)


# Read by every honest process: the system's programs, libraries, configuration and devices.
# Nothing else (other users' homes, /srv, /var, /mnt, other courses) unless kept (README).
SYSTEM = ("/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/etc", "/proc", "/sys",
          "/dev", "/nix/store")


def readable_paths(hidden: list[str], keep: list[str]) -> list[str]:
    """Paths whose subtrees hold :data:`SYSTEM` and ``keep`` but nothing beneath ``hidden``
    (Landlock can only allow: every entry beside the way down to a hidden path is allowed). A
    kept path inside a hidden one stays readable (a venv inside the course), one hidden is not."""
    hidden = {os.path.realpath(h) for h in hidden} - {"/"}
    found: list[str] = []

    def walk(path: str) -> None:
        if not any(h.startswith(path.rstrip(os.sep) + os.sep) for h in hidden):
            found.append(path)
            return
        with suppress(OSError):
            for entry in os.listdir(path):
                inner = os.path.join(path, entry)
                if inner not in hidden:  # never walked into: a folder hidden inside changes nothing
                    walk(inner)

    def below(path: str, folders) -> bool:
        return any(path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)

    roots = dict.fromkeys(os.path.realpath(r) for r in (*SYSTEM, *keep))
    for root in roots:  # /lib in /usr (merged /usr) is walked with /usr: no rule of its own
        nested = below(root, roots) and not below(root, hidden)
        if os.path.exists(root) and root not in hidden and not nested:
            walk(root)
    return found


def _libraries() -> list[str]:
    """The folders of the shared libraries this process has loaded (a Python outside /usr)."""
    with suppress(OSError), open("/proc/self/maps") as maps:
        return [os.path.dirname(f[5]) for f in map(str.split, maps)
                if len(f) == 6 and f[5].startswith("/") and ".so" in f[5]]
    return []


def confine(folder: str, hidden: list[str] | tuple[str, ...] = ()) -> str:
    """For good, let this process and its children write only beneath ``folder`` and read only it,
    the system's folders and the Python installation, less ``hidden``; ``""``, or why not."""
    abi = abi_version()
    if abi < 1:
        return "this system has no Landlock (Linux 5.13 or later with Landlock enabled)"
    writes = WRITES_V1 | (REFER if abi >= 2 else 0) | (TRUNCATE if abi >= 3 else 0)
    reads = READ_FILE | READ_DIR | EXECUTE
    rules = [(folder, writes | reads), (os.devnull, WRITE_FILE | (TRUNCATE if abi >= 3 else 0))]
    # The Python installation, and coursekit (a student module may import it) even inside a
    # hidden course (an editable install): this one and the one this interpreter imports, which
    # may be another checkout's (a venv inside a second clone of the course).
    coursekit = [os.path.dirname(os.path.dirname(os.path.abspath(__file__)))]
    with suppress(ImportError, ValueError, AttributeError, TypeError):
        coursekit += importlib.util.find_spec("coursekit").submodule_search_locations
    keep = [folder, sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, *coursekit]
    keep += [p for p in sys.path if p]
    tops = [os.path.realpath(h) + os.sep for h in hidden]
    keep += [lib for lib in _libraries() if not any((lib + os.sep).startswith(t) for t in tops)]
    rules += [(path, reads) for path in readable_paths(list(hidden), keep)]
    libc = _syscall()
    # struct landlock_ruleset_attr: handled_access_fs, handled_access_net (ABI 4), scoped (ABI 6)
    fields = (writes | reads, BIND_TCP | CONNECT_TCP, SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL)
    fields = fields[: 3 if abi >= 6 else 2 if abi >= 4 else 1]
    attr = ctypes.create_string_buffer(struct.pack(f"={len(fields)}Q", *fields))
    ruleset = libc.syscall(_long(SYS_CREATE_RULESET), attr, _long(len(attr.raw)), _long(0))
    if ruleset < 0:
        return f"landlock_create_ruleset failed: {os.strerror(ctypes.get_errno())}"
    try:
        for path, allowed in rules:
            # Not through a link: its rule would be its target's (README: `current -> class`).
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC | os.O_NOFOLLOW)
            except OSError:
                continue  # gone since it was listed: nothing to allow
            try:
                mode = os.fstat(fd).st_mode
                if stat.S_ISLNK(mode):
                    continue  # what lies behind it has a rule of its own, or none
                if not stat.S_ISDIR(mode):
                    allowed &= FILE_RIGHTS  # a rule on a file may hold only these
                rule = ctypes.create_string_buffer(struct.pack("=Qi", allowed, fd))
                add = (_long(SYS_ADD_RULE), _long(ruleset), _long(RULE_PATH_BENEATH), rule)
                if allowed and libc.syscall(*add, _long(0)) < 0:
                    return f"landlock_add_rule({path}) failed: {os.strerror(ctypes.get_errno())}"
            finally:
                os.close(fd)
        # Required to restrict oneself without privileges; also, no setuid program can undo it.
        if libc.prctl(PR_SET_NO_NEW_PRIVS, _long(1), _long(0), _long(0), _long(0)) != 0:
            return f"prctl(PR_SET_NO_NEW_PRIVS) failed: {os.strerror(ctypes.get_errno())}"
        if libc.syscall(_long(SYS_RESTRICT_SELF), _long(ruleset), _long(0)) < 0:
            return f"landlock_restrict_self failed: {os.strerror(ctypes.get_errno())}"
    finally:
        os.close(ruleset)
    return ""
