"""Starting the zygote (``worker.py``), which forks student processes, and the default limits.
Torch-free, so that a command starts the zygote first and imports torch while it does too."""

from __future__ import annotations

import atexit
import json
import os
import socket
import subprocess
import sys
import threading
from contextlib import suppress
from pathlib import Path

WORKER_SCRIPT = Path(__file__).with_name("worker.py")
STARTUP_TIMEOUT = 120.0  # seconds: importing torch on a busy 2-core machine
# The limits of a student process (here: the command line shows them without torch).
DEFAULT_TIMEOUT = 10.0  # seconds per call
DEFAULT_MEMORY_MB = 2048
DEFAULT_BUDGET = 120.0  # seconds for all calls of one submission together
# The zygote's whole environment (student processes add to it). Idle OpenMP threads sleep
# rather than spin: a thread running beside a by-hand call counts as a use (worker.call).
CLEAN_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "OMP_NUM_THREADS": "1",
             "MKL_NUM_THREADS": "1", "OMP_WAIT_POLICY": "PASSIVE"}


def is_root() -> bool:
    """Whether this process's effective uid is 0 (False where there are no uids)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


CORE = None  # the one core of the zygote's workers, if set (runner.serve)


class Zygote:
    """One zygote process and the socket to it (see ``worker.zygote`` for the requests)."""

    def __init__(self):
        self.socket, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-B", str(WORKER_SCRIPT), str(theirs.fileno())],
            pass_fds=(theirs.fileno(),), env=CLEAN_ENV, cwd="/", start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        theirs.close()
        if CORE is not None:  # its main thread, which forks every keeper (runner.serve)
            os.sched_setaffinity(self.proc.pid, {CORE})
        self.ready = False  # the zygote says so once it has imported torch
        self.lock = threading.Lock()

    def spawn(self, spec: dict, fds: list[int]) -> bool:
        """Fork a student process set up as ``spec`` says, holding ``fds`` (see
        ``worker._keeper``); False if the zygote did not start, or exited."""
        with self.lock, suppress(OSError):
            if not self.ready:
                self.socket.settimeout(STARTUP_TIMEOUT)
                self.ready = self.socket.recv(64) == b"ready"
                self.socket.settimeout(None)
            if self.ready:
                socket.send_fds(self.socket, [json.dumps(spec).encode()], fds)
                return self.socket.recv(64) == b"forked"
        return False

    def close(self) -> None:
        """Close the socket to the zygote and kill it."""
        self.socket.close()
        self.proc.kill()
        self.proc.wait()


_ZYGOTE: Zygote | None = None
_LOCK = threading.Lock()


def start() -> Zygote:
    """This process's zygote, started (or restarted, if it died) now, without waiting for it:
    call before importing torch (the two imports overlap)."""
    global _ZYGOTE
    with _LOCK:
        if _ZYGOTE is None or _ZYGOTE.proc.poll() is not None:
            _ZYGOTE = Zygote()
            atexit.register(_ZYGOTE.close)
        return _ZYGOTE
