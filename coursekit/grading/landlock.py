"""Confine a student process's file writes to its own folder with Linux Landlock.

A grader that is not root cannot give the student process a uid of its own, so without this
the student's code could write wherever the grading user can: into the repository, the tests,
or the other submissions. Landlock (Linux 5.13+) lets an unprivileged process give up rights
for itself and its future children, for good. The student process keeps every right to *read*
(it must import torch), and may create, change or delete files only beneath its own temporary
folder, plus write to ``/dev/null``. Files it opened before (its pipes to the grader) stay
usable.

This file imports only the standard library: the student process loads it by path, like
``wire.py``. Where Landlock is missing (another OS, an old or locked-down kernel),
:func:`restrict_writes` says why and changes nothing; the grader reports that.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys

# Landlock's system calls have the same numbers on every Linux architecture (asm-generic).
SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS = 38

WRITE_FILE = 1 << 1
REMOVE_DIR = 1 << 4
REMOVE_FILE = 1 << 5
MAKE_CHAR, MAKE_DIR, MAKE_REG, MAKE_SOCK = 1 << 6, 1 << 7, 1 << 8, 1 << 9
MAKE_FIFO, MAKE_BLOCK, MAKE_SYM = 1 << 10, 1 << 11, 1 << 12
REFER = 1 << 13  # ABI 2: renaming or linking across folders
TRUNCATE = 1 << 14  # ABI 3: truncate(2) without opening the file

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


def restrict_writes(folder: str) -> str:
    """Allow this process (and its children) to write only beneath ``folder``, for good.

    Returns ``""`` when the restriction is in force, or else why it is not (nothing changed).
    """
    abi = abi_version()
    if abi < 1:
        return "this system has no Landlock (Linux 5.13 or later with Landlock enabled)"
    handled = WRITES_V1 | (REFER if abi >= 2 else 0) | (TRUNCATE if abi >= 3 else 0)
    libc = _syscall()
    attr = ctypes.create_string_buffer(struct.pack("=Q", handled))
    ruleset = libc.syscall(_long(SYS_CREATE_RULESET), attr, _long(8), _long(0))
    if ruleset < 0:
        return f"landlock_create_ruleset failed: {os.strerror(ctypes.get_errno())}"
    try:
        rules = [(folder, handled), (os.devnull, WRITE_FILE | (TRUNCATE if abi >= 3 else 0))]
        for path, allowed in rules:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            try:
                rule = ctypes.create_string_buffer(struct.pack("=Qi", allowed, fd))
                add = (_long(SYS_ADD_RULE), _long(ruleset), _long(RULE_PATH_BENEATH), rule)
                if libc.syscall(*add, _long(0)) < 0:
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
