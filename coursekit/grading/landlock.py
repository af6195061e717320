"""Confine a student process with Linux Landlock: it writes only to its own folder, and
cannot read the course repository (the reference answers) or the submissions.

A grader that is not root cannot give the student process a uid of its own, so without this
the student's code could write wherever the grading user can (the repository, the tests, the
other submissions) and read the reference answers. Even as root, with a uid of its own, it
could write into folders open to everyone, like /tmp, and read whatever is world-readable.
Landlock (Linux 5.13+) lets an unprivileged process give up rights for itself and its future
children, for good. The student process may create, change or delete files only beneath its
own temporary folder (and write to ``/dev/null``); it may read everything except what lies
beneath the folders it is told to hide, apart from the Python installation it needs. Files it
opened before (its pipes to the grader) stay usable.

This file imports only the standard library: the student process loads it by path, like
``wire.py``. Where Landlock is missing (another OS, an old or locked-down kernel),
:func:`confine` says why and changes nothing; the grader reports that.
"""

from __future__ import annotations

import ctypes
import os
import stat
import struct
import sys

# Landlock's system calls have the same numbers on every Linux architecture (asm-generic).
SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS = 38

EXECUTE = 1 << 0
WRITE_FILE = 1 << 1
READ_FILE = 1 << 2
READ_DIR = 1 << 3
REMOVE_DIR = 1 << 4
REMOVE_FILE = 1 << 5
MAKE_CHAR, MAKE_DIR, MAKE_REG, MAKE_SOCK = 1 << 6, 1 << 7, 1 << 8, 1 << 9
MAKE_FIFO, MAKE_BLOCK, MAKE_SYM = 1 << 10, 1 << 11, 1 << 12
REFER = 1 << 13  # ABI 2: renaming or linking across folders
TRUNCATE = 1 << 14  # ABI 3: truncate(2) without opening the file

# ABI 6: signals and abstract unix sockets stay within the domain, so student code cannot
# signal the grader or another submission's worker, whatever uid they run as.
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE
WRITES_V1 = (
    WRITE_FILE | REMOVE_DIR | REMOVE_FILE | MAKE_CHAR | MAKE_DIR | MAKE_REG | MAKE_SOCK
    | MAKE_FIFO | MAKE_BLOCK | MAKE_SYM
)  # fmt: skip


def _syscall():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


def _long(value: int) -> ctypes.c_long:
    # syscall(2) is variadic: every argument must be passed at full register width.
    return ctypes.c_long(value)


def abi_version() -> int:
    """Landlock's ABI version in this kernel, or 0 where there is none."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        libc = _syscall()
    except OSError:
        return 0
    version = libc.syscall(_long(SYS_CREATE_RULESET), None, _long(0), _long(CREATE_RULESET_VERSION))
    return max(int(version), 0)


def readable_paths(hidden: list[str], keep: list[str]) -> list[str]:
    """Paths whose subtrees together hold everything except what lies beneath ``hidden``.

    Landlock can only allow, so "all but the repository" is spelled out: walking down from
    ``/`` towards each hidden path, every entry beside that path is allowed. ``keep`` (the
    Python installation, say, even when it lies inside the repository) is allowed as well.
    """
    hidden = {os.path.realpath(h) for h in hidden} - {"/"}
    found: list[str] = []

    def walk(directory: str) -> None:
        try:
            entries = os.listdir(directory)
        except OSError:
            return
        for entry in entries:
            path = os.path.join(directory, entry)
            if path in hidden:
                continue
            if any(h.startswith(path + os.sep) for h in hidden):
                walk(path)
            else:
                found.append(path)

    if hidden:
        walk("/")
    else:
        found.append("/")
    return found + [os.path.realpath(k) for k in keep if os.path.exists(k)]


def confine(folder: str, hidden: list[str] | tuple[str, ...] = ()) -> str:
    """From now on, let this process (and its children) write only beneath ``folder``, and
    read anything but what lies beneath ``hidden`` (except the Python installation), for good.

    Returns ``""`` when the restriction is in force, or else why it is not (nothing changed).
    """
    abi = abi_version()
    if abi < 1:
        return "this system has no Landlock (Linux 5.13 or later with Landlock enabled)"
    writes = WRITES_V1 | (REFER if abi >= 2 else 0) | (TRUNCATE if abi >= 3 else 0)
    reads = (READ_FILE | READ_DIR | EXECUTE) if hidden else 0
    rules = [(folder, writes | reads), (os.devnull, WRITE_FILE | (TRUNCATE if abi >= 3 else 0))]
    if hidden:
        keep = [folder, sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix]
        keep += [p for p in sys.path if p]
        rules += [(path, reads) for path in readable_paths(list(hidden), keep)]
    libc = _syscall()
    if abi >= 6:  # struct landlock_ruleset_attr: handled_access_fs, handled_access_net, scoped
        scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL
        attr = ctypes.create_string_buffer(struct.pack("=QQQ", writes | reads, 0, scoped))
    else:
        attr = ctypes.create_string_buffer(struct.pack("=Q", writes | reads))
    size = len(attr.raw)
    ruleset = libc.syscall(_long(SYS_CREATE_RULESET), attr, _long(size), _long(0))
    if ruleset < 0:
        return f"landlock_create_ruleset failed: {os.strerror(ctypes.get_errno())}"
    try:
        for path, allowed in rules:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue  # gone since it was listed: nothing to allow
            try:
                if not stat.S_ISDIR(os.fstat(fd).st_mode):
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
