"""Running student code in a separate, limited process: :class:`Worker` and the ``student`` proxy.

The trusted process (this one) gets a worker process (``worker.py``, forked from a zygote that
imported torch once, or started with ``python -I``) in a fresh temporary directory holding a
*copy* of each submission module, with ``HOME`` and ``TMPDIR`` pointing there, file writes
confined to it and the repository and the submissions unreadable (Landlock, where the kernel
has it: ``landlock.py``), a memory limit
(``RLIMIT_DATA``, plus a watch on its resident memory), a cap on file sizes and, when the grader
runs as root, an unprivileged uid of its own (from ``UID_BASE``, group ``nogroup``) taken before any
student code runs, so that it cannot write into the repository or touch other submissions'
workers. One worker serves many calls. When a call times out, crashes the worker, or the worker
exits, that call fails with a teaching message and a fresh worker is started for the next call.
Messages travel in the format of ``wire.py``, which can only carry plain data; every value of a
reply is type-checked here again, and nothing the worker says about success is trusted.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import torch

from coursekit.grading import wire, zygote
from coursekit.grading.api import GradingFailure, Outcome, WithGrad
from coursekit.grading.zygote import (  # noqa: F401 - DEFAULT_* are re-exported
    DEFAULT_BUDGET,
    DEFAULT_MEMORY_MB,
    DEFAULT_TIMEOUT,
    STARTUP_TIMEOUT,
    WORKER_SCRIPT,
)

REPO = Path(__file__).resolve().parents[2]
OUTPUT_CAP = 64 * 1024
REPLY_CAP = 256 * 2**20
WITH_GRAD = "__coursekit_with_grad__"
# When grading as root, every live Worker holds a uid of its own from this range (no login, no
# files), so that no two workers (even of different grader processes) share a uid.
UID_BASE = int(os.environ.get("COURSEKIT_GRADER_UID_BASE", "64000"))
UID_COUNT = 1000
LOCK_DIR = Path("/run/coursekit-grader") if Path("/run").is_dir() else Path("/tmp/coursekit-grader")


def _claim_uid(first: int = 0):
    """Lock and return ``(uid, lock file)`` for a worker uid no other live worker holds."""
    import fcntl

    LOCK_DIR.mkdir(mode=0o700, exist_ok=True)
    info = os.lstat(LOCK_DIR)
    if info.st_uid != os.geteuid() or not os.path.isdir(LOCK_DIR) or os.path.islink(LOCK_DIR):
        raise RuntimeError(f"{LOCK_DIR} must be a directory owned by the grader")
    os.chmod(LOCK_DIR, 0o700)
    for k in range(UID_COUNT):
        uid = UID_BASE + (first + k) % UID_COUNT
        handle = open(LOCK_DIR / f"{uid}.lock", "a")  # noqa: SIM115 - held while the worker lives
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            continue
        return uid, handle
    raise RuntimeError("no free grading uid")


class WorkerDied(Exception):
    """The worker process ended (crash, os._exit, killed for memory) during a request."""


class WorkerTimeout(Exception):
    """The worker did not answer within the time limit."""


class BudgetSpent(Exception):
    """The submission used up its time budget (all its calls together)."""


class ProtocolError(Exception):
    """The worker's reply was not valid plain data."""


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _nogroup() -> int:
    import grp

    for name in ("nogroup", "nobody"):
        try:
            return grp.getgrnam(name).gr_gid
        except KeyError:
            continue
    return 65534


class _CappedBuffer:
    """Keeps the first ``cap`` bytes written to a pipe and counts the rest."""

    def __init__(self, cap: int = OUTPUT_CAP):
        self.cap, self.data, self.total = cap, bytearray(), 0
        self.lock = threading.Lock()

    def drain(self, pipe) -> None:
        try:
            while True:
                chunk = pipe.read1(65536) if hasattr(pipe, "read1") else pipe.read(65536)
                if not chunk:
                    break
                with self.lock:
                    self.total += len(chunk)
                    room = self.cap - len(self.data)
                    if room > 0:
                        self.data += chunk[:room]
        except (OSError, ValueError):
            pass

    def text(self) -> str:
        with self.lock:
            text = self.data.decode("utf-8", "replace")
            if self.total > len(self.data):
                text += f"\n[... {self.total - len(self.data)} more bytes of output dropped]"
            return text


def check_plain(value, depth: int = 0):
    """Raise ProtocolError unless ``value`` is plain data built from exact, safe types."""
    if depth > 25:
        raise ProtocolError("nested too deeply")
    t = type(value)
    if value is None or t in (bool, int, float, str, complex, torch.Tensor):
        return value
    if t in (list, tuple):
        for v in value:
            check_plain(v, depth + 1)
        return value
    if t is dict:
        for k, v in value.items():
            check_plain(k, depth + 1)
            check_plain(v, depth + 1)
        return value
    raise ProtocolError(f"unexpected type {t.__name__}")


def _encode_arg(arg):
    if isinstance(arg, WithGrad):
        return {WITH_GRAD: arg.tensor, "grad": arg.grad}
    if isinstance(arg, list):
        return [_encode_arg(a) for a in arg]
    if isinstance(arg, tuple):
        return tuple(_encode_arg(a) for a in arg)
    if type(arg) is torch.Tensor:
        return arg.detach().clone()
    return arg


class Worker:
    """One student process at a time, restarted when it dies; serves many calls.

    Args:
        timeout: seconds allowed per call (and per module import).
        memory_mb: limit on the worker's private memory (``RLIMIT_DATA``).
        slot: index of this worker among those running at once (picks its uid as root).
        hidden: folders the worker may not read, besides the repository (submissions).
    """

    def __init__(
        self, timeout=DEFAULT_TIMEOUT, memory_mb=DEFAULT_MEMORY_MB, slot: int = 0, hidden=(),
        budget: float = DEFAULT_BUDGET,
    ):  # fmt: skip
        self.timeout, self.memory_mb, self.slot = float(timeout), int(memory_mb), slot
        # Seconds the student process may spend in all calls and imports together: sleeping
        # just under the per-call limit in every call must not cost an hour per student.
        self.budget, self.spent = float(budget), 0.0
        # Folders the student process may not read (with Landlock): the repository, which
        # holds the reference answers, always.
        self.hidden = sorted({str(REPO), *(str(Path(h).resolve()) for h in hidden)})
        self.use_zygote = os.environ.get("COURSEKIT_GRADER_ZYGOTE", "1") != "0"
        self.proc: subprocess.Popen | None = None  # only without the zygote
        self.pid: int | None = None
        self._pipes: list = []
        self.dir: Path | None = None
        self.loaded: set[str] = set()
        self.modules: dict[str, tuple[str, Path]] = {}  # key -> (module name, source path)
        self.uid, self._uid_lock = _claim_uid(slot) if is_root() else (None, None)
        self.gid = _nogroup() if is_root() else None
        self.starts = 0
        self.exchanges = 0  # requests answered or failed, counted for benchmarks/grading.py
        self.confinement = "not started"
        self._lock = threading.Lock()

    # -- process management ------------------------------------------------------------------

    def start(self) -> None:
        """Start a fresh worker in a fresh directory and wait until it is ready."""
        self.stop()
        self.dir = Path(tempfile.mkdtemp(prefix="coursekit-grading-"))
        os.chmod(self.dir, 0o700)
        if self.uid is not None:
            os.chown(self.dir, self.uid, self.gid)
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(self.dir),
            "TMPDIR": str(self.dir),
            "LANG": "C.UTF-8",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        nproc = 256 if self.uid is not None else 0
        uid = -1 if self.uid is None else self.uid
        gid = -1 if self.gid is None else self.gid
        req_r, req_w = os.pipe()
        resp_r, resp_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        try:
            if self.use_zygote:
                spec = {"dir": str(self.dir), "env": env, "memory_mb": self.memory_mb,
                        "nproc": nproc, "uid": uid, "gid": gid, "hidden": self.hidden}  # fmt: skip
                try:
                    self.pid = zygote.get().spawn(spec, [req_r, resp_w, out_w, err_w])
                except zygote.ZygoteError as exc:
                    raise WorkerDied(str(exc)) from None
            else:
                command = [
                    sys.executable, "-I", "-B", str(WORKER_SCRIPT), str(req_r), str(resp_w),
                    str(self.memory_mb), str(nproc), str(uid), str(gid), json.dumps(self.hidden),
                ]  # fmt: skip
                self.proc = subprocess.Popen(
                    command, cwd=self.dir, env=env, stdin=subprocess.DEVNULL, stdout=out_w,
                    stderr=err_w, pass_fds=(req_r, resp_w), start_new_session=True,
                )  # fmt: skip
                self.pid = self.proc.pid
        finally:
            for fd in (req_r, resp_w, out_w, err_w):
                os.close(fd)
        self.request_fd, self.response_fd = req_w, resp_r
        self.stdout, self.stderr = _CappedBuffer(), _CappedBuffer()
        self._pipes = [os.fdopen(out_r, "rb", buffering=0), os.fdopen(err_r, "rb", buffering=0)]
        for buffer, pipe in zip((self.stdout, self.stderr), self._pipes, strict=True):
            threading.Thread(target=buffer.drain, args=(pipe,), daemon=True).start()
        self.loaded = set()
        self.starts += 1
        try:
            reply = self._receive(STARTUP_TIMEOUT)
        except (WorkerDied, WorkerTimeout, ProtocolError) as exc:
            self.stop()
            raise WorkerDied(f"the student process did not start ({type(exc).__name__})") from None
        if reply.get("ready") is not True:
            self.stop()
            raise WorkerDied("the student process did not start")
        # Only for reports and tests (nothing the worker says is trusted for scores): "" when
        # its writes are confined to its folder, else why not.
        self.confinement = str(reply.get("confinement", "unknown"))

    def running(self) -> bool:
        return self.pid is not None

    def stop(self) -> None:
        """Kill the worker (and anything it started) and remove its directory."""
        pid, self.pid = self.pid, None
        if pid is not None:
            for fd in (self.request_fd, self.response_fd):
                try:
                    os.close(fd)
                except OSError:
                    pass
            for kill in (os.killpg, os.kill):
                try:
                    kill(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            if self.proc is not None:
                self.proc.wait()
            if self.uid is not None:
                _kill_all_of(self.uid, self.gid)
            for pipe in self._pipes:
                try:
                    pipe.close()
                except OSError:
                    pass
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def close(self) -> None:
        """Stop the worker and give its uid back."""
        self.stop()
        lock, self._uid_lock = getattr(self, "_uid_lock", None), None
        if lock is not None:
            lock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass

    # -- messages ----------------------------------------------------------------------------

    def _send(self, message: dict) -> None:
        payload = wire.encode(message)
        data = memoryview(struct.pack(">Q", len(payload)) + payload)
        try:
            while data:
                data = data[os.write(self.request_fd, data) :]
        except (BrokenPipeError, OSError) as exc:
            raise WorkerDied from exc

    def _read(self, n: int, deadline: float) -> bytes:
        chunks, left = [], n
        while left:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WorkerTimeout
            ready, _, _ = select.select([self.response_fd], [], [], min(remaining, 0.25))
            if not ready:
                self._check_memory()
                continue
            chunk = os.read(self.response_fd, min(left, 1 << 20))
            if not chunk:
                raise WorkerDied
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def _check_memory(self) -> None:
        """Kill the worker if its resident memory (shared memory included) exceeds the limit.

        A second line of defence: RLIMIT_DATA does not count shared mappings.
        """
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except (OSError, TypeError):
            return
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss_mb = int(line.split()[1]) // 1024
                if rss_mb > self.memory_mb + 1024:
                    self.stop()
                    raise WorkerDied(
                        f"the student process was stopped for using {rss_mb} MiB of memory"
                        f" (the limit is {self.memory_mb} MiB)"
                    )
                return

    def _receive(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        (length,) = struct.unpack(">Q", self._read(8, deadline))
        if length > REPLY_CAP:
            raise ProtocolError(f"the reply is {length} bytes, more than the {REPLY_CAP} allowed")
        payload = self._read(length, deadline)
        try:
            reply = wire.decode(payload)
        except wire.WireError as exc:
            raise ProtocolError(f"unreadable reply ({exc})") from None
        if type(reply) is not dict:
            raise ProtocolError("the reply is not a dict")
        check_plain(reply)
        return reply

    def exit_description(self) -> str:
        proc = self.proc
        if proc is None:  # forked by the zygote: no exit status to read
            time.sleep(0.05)
            try:
                os.kill(self.pid, 0)
            except (ProcessLookupError, TypeError):
                return (
                    "the student process ended (sys.exit()/os._exit(), a crash, or the memory"
                    " limit)"
                )
            except PermissionError:
                pass
            return "the student process closed its connection to the grader"
        try:
            code = proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "the student process stopped answering"
        if code < 0:
            sig = -code
            if sig == signal.SIGKILL:
                return "the student process was killed (SIGKILL), perhaps for using too much memory"
            if sig == signal.SIGSEGV:
                return "the student process crashed (segmentation fault)"
            return f"the student process was killed by signal {sig}"
        return f"the student process exited with code {code} (sys.exit or os._exit in your code?)"

    # -- requests ----------------------------------------------------------------------------

    def register(self, key: str, name: str, source: Path) -> None:
        """Make module ``source`` callable as ``key`` (it is copied and imported on first use)."""
        self.modules[key] = (name, Path(source))
        self.loaded.discard(key)

    def request(self, message: dict, timeout: float | None = None) -> dict:
        """Send one request and return the reply; restart the worker if it is not running.

        Raises WorkerTimeout, WorkerDied or ProtocolError; the worker is then stopped so the
        next request starts a fresh one.
        """
        if self.pid is None:
            self.start()
        key = message.get("key")
        if key is not None and key not in self.loaded:
            self._load(key)
        return self._exchange(message, timeout)

    def _exchange(self, message: dict, timeout: float | None = None) -> dict:
        self.exchanges += 1
        left = self.budget - self.spent
        if left <= 0:
            raise BudgetSpent
        limit = self.timeout if timeout is None else timeout
        start = time.monotonic()
        try:
            self._send(message)
            return self._receive(min(limit, left))
        except WorkerTimeout:
            self.stop()
            if left < limit:
                raise BudgetSpent from None
            raise
        except WorkerDied as exc:
            description = str(exc) or self.exit_description()
            self.stop()
            raise WorkerDied(description) from None
        except ProtocolError:
            self.stop()
            raise
        finally:
            self.spent += time.monotonic() - start

    def _load(self, key: str) -> None:
        name, source = self.modules[key]
        folder = self.dir / f"m{len(self.loaded)}_{os.getpid()}_{time.monotonic_ns()}"
        folder.mkdir()
        target = folder / f"{name}.py"
        try:
            target.write_bytes(read_submission_file(source))
        except SubmissionRefused as exc:
            raise ImportFailure(str(exc)) from None
        if self.uid is not None:
            os.chown(folder, self.uid, self.gid)
            os.chown(target, self.uid, self.gid)
        try:
            reply = self._exchange({"op": "load", "key": key, "name": name, "file": str(target)})
        except WorkerTimeout:
            raise ImportFailure(
                f"importing {name}.py took longer than {self.timeout:g} s: is there an endless"
                " loop or a long computation at the top level of the module? Put work inside"
                " functions."
            ) from None
        except WorkerDied as exc:
            raise ImportFailure(
                f"importing {name}.py stopped the student process: {exc}. Remove code at the top"
                " level of the module that exits or crashes."
            ) from None
        except ProtocolError as exc:
            raise ImportFailure(f"importing {name}.py failed: {exc}") from None
        if reply.get("ok") is not True:
            raise ImportFailure(
                f"importing {name}.py failed: {_reply_error(reply)}. Fix the error at the top"
                " level of the module (imports, definitions) first."
            )
        self.loaded.add(key)


class ImportFailure(Exception):
    """A submission module could not be imported; every test of its chapter fails."""


class SubmissionRefused(Exception):
    """A submitted file is not a plain, regular file of reasonable size (says why)."""


FILE_CAP = 1 << 20  # bytes: a module of exercise answers is a few KiB


def read_submission_file(path: Path) -> bytes:
    """The bytes of a submitted file, read here (trusted) without following any link.

    Opened with ``O_NOFOLLOW`` and checked with ``fstat`` on the open file (no race with a
    swap): only a regular file with a single name, at most ``FILE_CAP`` bytes, is accepted.
    Raises SubmissionRefused with a reason addressed to the student.
    """
    name = Path(path).name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.islink(path):
            raise SubmissionRefused(f"{name} is a symbolic link: submit the file itself") from None
        raise SubmissionRefused(f"{name} could not be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SubmissionRefused(
                f"{name} is not a regular file (a folder, device or pipe): submit the file itself"
            )
        if info.st_nlink != 1:
            raise SubmissionRefused(f"{name} is a hard link to another file: submit a copy")
        if info.st_size > FILE_CAP:
            raise SubmissionRefused(
                f"{name} is {info.st_size} bytes, more than the {FILE_CAP} allowed"
            )
        data = os.read(fd, FILE_CAP + 1)
    finally:
        os.close(fd)
    if len(data) > FILE_CAP:
        raise SubmissionRefused(f"{name} is larger than the {FILE_CAP} bytes allowed")
    return data


def _reply_error(reply: dict) -> str:
    kind = reply.get("kind")
    message = str(reply.get("message", ""))
    exc_type = str(reply.get("type", ""))
    if kind == "exit":
        return message
    if exc_type:
        return f"{exc_type}: {message}" if message else exc_type
    return message or "unknown error"


def _kill_all_of(uid: int, gid: int) -> None:
    """Kill every process of the dedicated worker ``uid`` (escaped children included)."""
    kill = shutil.which("kill", path="/usr/bin:/bin")
    if kill is None:
        return
    try:
        subprocess.run(
            [kill, "-9", "-1"],
            user=uid, group=gid, extra_groups=[], timeout=10,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        pass


# ---------------------------------------------------------------------------------------------
# The `student` object the grading tests receive
# ---------------------------------------------------------------------------------------------


class Student:
    """Calls the submission's functions in the worker: ``student.fn(...)`` or ``student.run(...)``.

    Each call either returns plain data or raises :class:`GradingFailure` with a teaching
    message (not implemented, exception, timeout, crash, unsupported return type). A function
    that timed out once is not run again.
    """

    def __init__(self, worker: Worker, key: str, chapter: str, source: Path | None):
        self._worker, self._key, self._chapter = worker, key, chapter
        self._source = source
        self._timed_out: set[str] = set()
        self._import_error: str | None = None
        if source is None:
            self._import_error = (
                f"no {chapter}.py in the submission: this chapter's exercises score 0"
            )
        else:
            worker.register(key, chapter, source)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)

        def call(*args, **kwargs):
            return self.run(name, *args, **kwargs).value

        call.__name__ = name
        return call

    def run(self, fn: str, *args, seed: int | None = None, grad: bool = False, **kwargs) -> Outcome:
        """Call ``fn(*args, **kwargs)`` in the student process; return an :class:`Outcome`."""
        if self._import_error is not None:
            raise GradingFailure(self._import_error)
        if fn in self._timed_out:
            raise GradingFailure(
                f"{fn}() timed out earlier (more than {self._worker.timeout:g} s), so it is not"
                " run again: look for an endless loop."
            )
        message = {
            "op": "call",
            "key": self._key,
            "fn": fn,
            "args": [_encode_arg(a) for a in args],
            "kwargs": {k: _encode_arg(v) for k, v in kwargs.items()},
            "seed": seed,
            "grad": bool(grad),
        }
        with self._worker._lock:
            try:
                reply = self._worker.request(message)
            except ImportFailure as exc:
                self._import_error = str(exc)
                raise GradingFailure(self._import_error) from None
            except BudgetSpent:
                raise GradingFailure(
                    f"this submission used up its time budget ({self._worker.budget:g} s for all"
                    " its calls together), so the rest of it is not run: look for calls that"
                    " sleep or loop far longer than they need."
                ) from None
            except WorkerTimeout:
                self._timed_out.add(fn)
                raise GradingFailure(
                    f"{fn}() did not finish within {self._worker.timeout:g} s: is there an"
                    " endless loop (e.g. a while loop whose condition never changes)?"
                ) from None
            except WorkerDied as exc:
                raise GradingFailure(
                    f"calling {fn}() stopped the student process: {exc}. Functions must return"
                    " their result, not exit or crash the interpreter."
                ) from None
            except ProtocolError as exc:
                raise GradingFailure(
                    f"{fn}() returned something the grader cannot read back ({exc}): return"
                    " tensors, numbers, lists or tuples."
                ) from None
        return _outcome(fn, reply, self._worker)


def _outcome(fn: str, reply: dict, worker: Worker) -> Outcome:
    if reply.get("ok") is not True:
        kind = reply.get("kind")
        if kind == "not_implemented":
            raise GradingFailure(
                f"{fn}() is not implemented yet (it raises NotImplementedError): write its body."
            )
        if kind == "missing":
            raise GradingFailure(
                f"the submission has no function {fn}(): define it with this name."
            )
        if kind == "unsupported":
            raise GradingFailure(f"{fn}() returned an unsupported value: {reply.get('message')}")
        if kind == "exit":
            raise GradingFailure(
                f"{reply.get('message')}: functions must return their result, not exit."
            )
        text = _reply_error(reply)
        if kind == "memory" or "can't allocate memory" in text or "MemoryError" in text:
            raise GradingFailure(
                f"{fn}() ran out of memory (the limit is {worker.memory_mb} MiB): {text[:300]}."
                " Is a tensor much larger than it should be (e.g. an (n, n) matrix from"
                " broadcasting)?"
            )
        tb = str(reply.get("traceback", ""))
        raise GradingFailure(f"{fn}() raised {text[:1500]}" + (f"\n{tb}" if tb else ""))
    value, args, grads = reply.get("value"), reply.get("args"), reply.get("grads")
    arg_grads = reply.get("arg_grads")
    if type(args) is not list or (grads is not None and type(grads) is not list):
        raise GradingFailure(f"{fn}(): the student process sent a malformed reply.")
    return Outcome(value=value, args=args, grads=grads, arg_grads=arg_grads)


class InProcessStudent(Student):
    """Calls a module's functions in *this* process: no isolation at all.

    Only for trusted code, e.g. measuring what the isolation costs (benchmarks/grading.py).
    """

    def __init__(self, module, chapter: str):
        self._module, self._chapter = module, chapter
        self._timed_out: set[str] = set()
        self._import_error = None
        self._worker = Worker()

    def run(self, fn: str, *args, seed: int | None = None, grad: bool = False, **kwargs) -> Outcome:
        from coursekit.grading import worker as worker_module

        request = {
            "fn": fn,
            "args": [_encode_arg(a) for a in args],
            "kwargs": {k: _encode_arg(v) for k, v in kwargs.items()},
            "seed": seed,
            "grad": bool(grad),
        }
        return _outcome(fn, worker_module.call(self._module, request), self._worker)
