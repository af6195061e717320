"""The zygote: a trusted process that imported torch once and forks ready student processes.

Starting a student process from scratch costs an interpreter and an ``import torch`` (seconds);
forking one from the zygote costs milliseconds. The zygote is a fresh ``python -I worker.py``
with a clean environment, so nothing of the grader (its environment, command line, memory) is
there for student code to find. This module does not import torch, so that a grading command
can start the zygote *first* (:func:`start`, called by ``python -m coursekit``) and import torch
while the zygote does the same on the other core. As root the zygote stays root, so that each
student process can drop to a uid of its own. It exits when this process closes the socket.
"""

from __future__ import annotations

import atexit
import json
import socket
import subprocess
import sys
import threading
from pathlib import Path

WORKER_SCRIPT = Path(__file__).with_name("worker.py")
STARTUP_TIMEOUT = 120.0  # seconds: importing torch on a busy 2-core machine
# The limits of a student process, here so that the command line can show them before torch
# is imported.
DEFAULT_TIMEOUT = 10.0  # seconds per call
DEFAULT_MEMORY_MB = 2048
DEFAULT_BUDGET = 120.0  # seconds for all calls of one submission together


class ZygoteError(Exception):
    """The zygote did not start, or exited."""


class Zygote:
    """One zygote process and the socket to it (see ``worker.zygote`` for the requests)."""

    def __init__(self):
        self.socket, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
               "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}  # fmt: skip
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-B", str(WORKER_SCRIPT), str(theirs.fileno())],
            pass_fds=(theirs.fileno(),), env=env, cwd="/", start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        theirs.close()
        self.ready = False  # the zygote says so once it has imported torch
        self.lock = threading.Lock()

    def spawn(self, spec: dict, fds: list[int]) -> None:
        """Fork a student process set up as ``spec`` says, holding ``fds`` (request and response
        pipes, stdout, stderr, status: see ``worker._keeper``)."""
        with self.lock:
            try:
                if not self.ready:
                    self.socket.settimeout(STARTUP_TIMEOUT)
                    self.ready = self.socket.recv(64) == b"ready"
                    self.socket.settimeout(None)
                if self.ready:
                    socket.send_fds(self.socket, [json.dumps(spec).encode()], fds)
                    if self.socket.recv(64) == b"forked":
                        return
            except OSError as exc:
                raise ZygoteError(f"the grading zygote did not answer ({exc})") from None
        raise ZygoteError("the grading zygote did not start, or exited")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        self.socket.close()
        self.proc.kill()
        self.proc.wait()


_ZYGOTE: Zygote | None = None
_LOCK = threading.Lock()


def get() -> Zygote:
    """This process's zygote, started (or restarted, if it died) on first use."""
    global _ZYGOTE
    with _LOCK:
        if _ZYGOTE is None or not _ZYGOTE.alive():
            _ZYGOTE = Zygote()
            atexit.register(_ZYGOTE.close)
        return _ZYGOTE


def start() -> None:
    """Start the zygote now, without waiting: call before importing torch (the two overlap)."""
    get()
