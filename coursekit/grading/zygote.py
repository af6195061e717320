"""The zygote: a trusted process that imported torch once and forks a ready student process.

Starting a student process from scratch costs an interpreter and an ``import torch`` (seconds);
forking one from the zygote costs milliseconds. This module does not import torch, so that a
grading command can start the zygote *first*, as a fork of itself while it still has a single
thread, and import torch while the zygote does the same on the other core
(:func:`start`, called by ``python -m coursekit``). When this process already has several
threads (torch starts some when imported), forking is unsafe and the zygote is a fresh
``python -I worker.py zygote`` instead.

The zygote runs only trusted code (``worker.zygote``) and, as root, stays root so that each of
its children can drop to a uid of its own. It exits when this process closes the socket.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
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


class ZygoteError(Exception):
    """The zygote did not start, or exited."""


class Zygote:
    """One zygote process and the socket to it; :meth:`spawn` forks a student process."""

    def __init__(self):
        self.socket, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.proc: subprocess.Popen | None = None
        if can_fork():
            self.pid = self._fork(theirs)
        else:
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

    @staticmethod
    def _fork(theirs: socket.socket) -> int:
        import resource

        from coursekit.grading import worker

        fd = theirs.fileno()
        pid = os.fork()
        if pid == 0:  # the zygote: keep only the control socket, then serve forever
            try:
                os.setsid()
                null = os.open(os.devnull, os.O_RDWR)
                for std in (0, 1, 2):
                    os.dup2(null, std)
                limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
                limit = 65536 if limit == resource.RLIM_INFINITY else min(limit, 1 << 20)
                os.closerange(3, fd)
                os.closerange(fd + 1, limit)
                # Look like `python -I worker.py zygote` to the student code this process's
                # children run: no command line of the grader (it names submissions), and no
                # current directory or PYTHONPATH entries (the repository) on sys.path.
                sys.argv[:] = [str(WORKER_SCRIPT), "zygote"]
                prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
                sys.path[:] = [p for p in sys.path if p and p.startswith(tuple(prefixes))]
                os.chdir("/")
                os.environ.clear()
                os.environ.update({"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
                                   "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})  # fmt: skip
                worker.zygote(fd)
            finally:
                os._exit(0)
        return pid

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
        if self.proc is not None:
            return self.proc.poll() is None
        try:
            return os.waitpid(self.pid, os.WNOHANG) == (0, 0)
        except ChildProcessError:
            return False

    def close(self) -> None:
        self.socket.close()
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def can_fork() -> bool:
    """Whether the zygote can be a fork of this process.

    Only with a single OS thread (a fork copies just the calling thread, so locks held by
    others would stay locked forever) and before any grading tests or reference answers are
    loaded (the zygote's children run student code, which must not find them in memory).
    """
    try:
        single = len(os.listdir("/proc/self/task")) == 1
    except OSError:
        single = False
    return single and not any(name.startswith("coursekit_grading_") for name in sys.modules)


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
    """Start the zygote now, without waiting for it: call before importing torch."""
    get()
