"""The zygote: a trusted process that imported torch once and forks a ready student process.

Starting a student process from scratch costs an interpreter and an ``import torch`` (seconds);
forking one from the zygote costs milliseconds. The zygote itself is a fresh ``python -I
worker.py zygote`` with a clean environment, so nothing of the grader (its environment, command
line, memory) is there for student code to find. This module does not import torch, so that a
grading command can start the zygote *first* (:func:`start`, called by ``python -m coursekit``)
and import torch while the zygote does the same on the other core, instead of one after the
other.

The zygote runs only trusted code (``worker.zygote``) and, as root, stays root so that each of
its children can drop to a uid of its own. It exits when this process closes the socket.
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
# The limits of a student process, here (not in isolation.py) so that the command line can
# show them before torch is imported.
DEFAULT_TIMEOUT = 10.0  # seconds per call
DEFAULT_MEMORY_MB = 2048
DEFAULT_BUDGET = 120.0  # seconds for all calls of one submission together


class ZygoteError(Exception):
    """The zygote did not start, or exited."""


class Zygote:
    """One zygote process and the socket to it; :meth:`spawn` forks a student process."""

    def __init__(self):
        self.socket, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
               "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}  # fmt: skip
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-B", str(WORKER_SCRIPT), "zygote", str(theirs.fileno())],
            pass_fds=(theirs.fileno(),), env=env, cwd="/", start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.pid = self.proc.pid
        theirs.close()
        self.ready = False  # the zygote says so once it has imported torch
        self.lock = threading.Lock()

    def _wait_ready(self) -> None:
        self.socket.settimeout(STARTUP_TIMEOUT)
        try:
            message = self.socket.recv(4096)
        except OSError as exc:
            raise ZygoteError(f"the grading zygote did not start ({exc})") from None
        if b"ready" not in message:
            raise ZygoteError("the grading zygote did not start")
        self.ready = True

    def spawn(self, spec: dict, fds: list[int]) -> int:
        """Fork a student process set up as ``spec`` says, holding ``fds``; return its pid.

        ``spec`` is ``{"dir", "env", "memory_mb", "nproc", "uid", "gid"}``; ``fds`` are the
        request and response pipes and its stdout and stderr (see ``worker._become_worker``).
        """
        with self.lock:
            if not self.ready:
                self._wait_ready()
            try:
                socket.send_fds(self.socket, [json.dumps(spec).encode()], fds)
                reply = self.socket.recv(4096)
            except OSError as exc:
                raise ZygoteError(f"the grading zygote exited ({exc})") from None
        if not reply:
            raise ZygoteError("the grading zygote exited")
        return int(json.loads(reply)["pid"])

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
    """Start the zygote now, without waiting for it: call before importing torch, so that the
    two imports of torch overlap."""
    get()
