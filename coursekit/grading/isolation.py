"""Running student code in a separate, limited process: :class:`Worker` (one student process at
a time, its process tree watched for memory) and the ``student`` proxy. See the README."""

from __future__ import annotations

import atexit
import errno
import functools
import os
import re
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import types
from contextlib import suppress
from pathlib import Path

import torch

from coursekit.grading import report, wire, zygote
from coursekit.grading.api import GradingFailure, Outcome, WithGrad, _describe
from coursekit.grading.course import Course
from coursekit.grading.worker import WITH_GRAD, call
from coursekit.grading.zygote import DEFAULT_BUDGET, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, is_root

REPLY_CAP = 256 * 2**20
FILE_CAP = 1 << 20  # bytes: a module of exercise answers is a few KiB
PROC = os.path.isdir("/proc/self")  # Linux: processes and their memory are found there
MEMORY_SLACK_MB = 512  # the process tree's private memory may exceed the limit by this much
WATCH_INTERVAL = 0.5  # seconds between two looks at the memory of a worker's processes
IMPORT_TIMEOUT = 30.0  # s at least: torch.optim's first step imports torch._dynamo (README)
FILES_MB, FILES_COUNT = 256, 10_000  # its folder is its only writable place; /tmp may be in RAM
# Kernel memory no smaps shows, counted against the memory limit (README: "Limits"):
MAPPING_BYTES = 1536  # a mapping's area (and a shared one's shmem file)
# the most a socket may queue: twice the largest SO_SNDBUF or SO_RCVBUF
SOCKET_BYTES = 2 * max(int(Path(f"/proc/sys/net/core/{k}mem_max").read_text())
                       if Path(f"/proc/sys/net/core/{k}mem_max").exists() else 212_992
                       for k in "wr")  # fmt: skip
EPOLL_WATCH_BYTES = 256  # ~200 a watch, one per descriptor (Linux caps them at 4% of RAM a uid)
# As root, every live Worker (of any grader process) holds a uid of its own from this range.
UID_BASE = int(os.environ.get("COURSEKIT_GRADER_UID_BASE", "64000"))
UID_COUNT = 1000
LOCK_DIR = Path("/run/coursekit-grader") if Path("/run").is_dir() else Path("/tmp/coursekit-grader")
RUN_PREFIX = "coursekit-grading-"
# SysV IPC objects in /proc/sysvipc/<kind>: (ipcrm's option, id column, column naming a process
# that made or wrote it, size column). A semaphore set names no process: its creator's uid.
IPC_TABLES = {"shm": ("-m", "shmid", "cpid", "size"), "msg": ("-q", "msqid", "lspid", "cbytes"),
              "sem": ("-s", "semid", None, None)}  # fmt: skip


def _hidden_by_others() -> list[str]:
    """The folders other graders of this uid hide, from their run folders' ``hidden`` files."""
    found, mine = [], run_folder()  # first: it removes the run folders of graders gone
    for listed in Path(tempfile.gettempdir()).glob(f"{RUN_PREFIX}*-*/hidden"):
        with suppress(OSError):
            if listed.parent != mine and listed.lstat().st_uid == os.geteuid():
                found += listed.read_text().splitlines()
    return found


def _publish_hidden(hidden: list[str]) -> None:
    """Lists ``hidden`` in this grader's run folder, for graders started later to hide too."""
    with suppress(OSError):
        staged = run_folder() / "hidden.new"
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write("\n".join(hidden))
        os.replace(staged, run_folder() / "hidden")


class WorkerError(Exception):
    """A request the student process did not answer. ``kind``: "died", "timeout", "budget" (the
    submission's time is spent), "protocol" (an unreadable reply) or "import" (its module was
    refused or did not import)."""

    def __init__(self, kind: str, message: str = ""):
        super().__init__(message)
        self.kind = kind


def _nogroup() -> int:
    import grp

    return next((g.gr_gid for g in grp.getgrall() if g.gr_name in ("nogroup", "nobody")), 65534)


def _home() -> str:
    import pwd

    try:
        return pwd.getpwuid(os.geteuid()).pw_dir
    except KeyError:  # a uid with no name (a container's)
        return "/"


def _claim_uid(first: int = 0):
    """Lock and return ``(uid, lock file)`` for a worker uid no other live worker holds."""
    import fcntl

    LOCK_DIR.mkdir(mode=0o700, exist_ok=True)
    info = os.lstat(LOCK_DIR)
    if info.st_uid != os.geteuid() or not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o077:
        raise RuntimeError(f"{LOCK_DIR} must be a folder only the grader may use (mode 700)")
    for k in range(UID_COUNT):
        uid = UID_BASE + (first + k) % UID_COUNT
        handle = open(LOCK_DIR / f"{uid}.lock", "a")  # noqa: SIM115 - held while the worker lives
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return uid, handle
        except OSError:
            handle.close()
    raise RuntimeError("no free grading uid")


_RUN: dict[int, tuple[Path, int]] = {}  # pid -> its run folder, and a lock held on it


def run_folder() -> Path:
    """This grader process's private run folder (README: "Folders"); run folders of graders
    that are gone are removed, never run."""
    import fcntl

    if os.getpid() not in _RUN:
        for old in Path(tempfile.gettempdir()).glob(f"{RUN_PREFIX}*-*"):
            pid = old.name[len(RUN_PREFIX) :].split("-")[0]
            if pid.isdigit() and old.lstat().st_uid == os.geteuid() and not _alive(int(pid)):
                # and unlocked too: a pid says nothing across pid namespaces (containers share /tmp)
                with suppress(OSError):
                    held = os.open(old, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
                    try:
                        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    finally:
                        os.close(held)
                    _remove(old)
        path = Path(tempfile.mkdtemp(prefix=f"{RUN_PREFIX}{os.getpid()}-"))
        if is_root():  # worker uids may pass through, not list it
            os.chown(path, 0, _nogroup())
            os.chmod(path, 0o710)
        lock = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(lock, fcntl.LOCK_EX)
        atexit.register(_remove, path)
        _RUN[os.getpid()] = path, lock
    return _RUN[os.getpid()][0]


def _remove(folder: Path) -> None:
    """Remove a folder student code filled (its processes are gone), however deep, and made
    searchable again first for a normal user (chmod -R follows no link; README: "Folders")."""
    if not is_root() and os.path.isdir(folder):
        subprocess.run(["chmod", "-R", "u+rwx", "--", str(folder)], capture_output=True,
                       timeout=600)  # fmt: skip
    try:
        shutil.rmtree(folder, ignore_errors=True)
    except RecursionError:  # rm walks any depth without following links
        subprocess.run(["rm", "-rf", "--", str(folder)], capture_output=True, timeout=600)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError as exc:
        return not isinstance(exc, ProcessLookupError)  # EPERM: alive, someone else's
    return True


def _encode_arg(arg):
    if isinstance(arg, WithGrad):
        return {WITH_GRAD: arg.tensor, "grad": arg.grad}
    if isinstance(arg, list | tuple):
        return type(arg)(_encode_arg(a) for a in arg)
    return arg.detach().clone() if type(arg) is torch.Tensor else arg


class Worker:
    """One student process at a time, restarted when it dies. ``timeout`` per call or import,
    ``budget`` for all (s); ``memory_mb`` for its process tree; ``slot``: where to look for a free
    uid (root). It may not read ``hidden``, ``course``, the current folder's course, the one the
    interpreter lives in (a venv inside another checkout), $TMPDIR nor ``sys.pycache_prefix``."""

    def __init__(
        self, timeout=DEFAULT_TIMEOUT, memory_mb=DEFAULT_MEMORY_MB, slot: int = 0, hidden=(),
        budget: float = DEFAULT_BUDGET, course: Course | None = None,
    ):  # fmt: skip
        self.timeout, self.memory_mb = float(timeout), int(memory_mb)
        self.budget, self.spent = float(budget), 0.0
        courses = [course or Course.default(), Course.default(), Course.at(Path(sys.prefix).parent)]
        # The grader's home; as a normal user also its uid's, the student's own (README).
        home = [os.path.expanduser("~"), *([] if is_root() else [_home()])]
        folders = [*(h for c in courses for h in c.hidden), *hidden, tempfile.gettempdir(), *home]
        # PYTHONPYCACHEPREFIX: the reference's bytecode lies there, outside the course.
        folders += [sys.pycache_prefix] if sys.pycache_prefix else []
        # Terminals: as a normal user, student code could read what the instructor types.
        folders += ["/dev/pts", "/dev/ptmx", "/dev/console", *map(str, Path("/dev").glob("tty*"))]
        # And what the other live graders of this uid hide: a second `grade` run's class (README).
        folders += _hidden_by_others()
        self.hidden = sorted({os.path.realpath(h) for h in folders if os.path.exists(h)})
        _publish_hidden(self.hidden)
        self.pid, self.dir = None, None
        self.modules: dict[str, tuple[str, Path]] = {}  # key -> (module name, source path)
        self.uid, self._uid_lock = _claim_uid(slot) if is_root() else (None, None)
        self.gid = _nogroup() if is_root() else None
        self.exchanges = 0  # counted for benchmarks/grading.py
        self.confinement = "not started"  # "" once confined by Landlock, else why not

    def start(self) -> None:
        """Start a fresh student process in a fresh folder and wait until it is ready."""
        self.stop()
        self._seen, self._since, self.killed_for = set(), int(time.time()), ""
        self._sizes: dict = {}  # (device, inode) -> the most bytes a file of its folder held
        self.loaded: dict[str, bytes] = {}  # key -> the code the student process imported
        self.dir = Path(tempfile.mkdtemp(prefix="s", dir=run_folder()))
        self._give(self.dir)
        env = {**zygote.CLEAN_ENV, "HOME": str(self.dir), "TMPDIR": str(self.dir),
               "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
        spec = {"dir": str(self.dir), "env": env, "memory_mb": self.memory_mb,
                "nproc": 256 if self.uid is not None else 0, "hidden": self.hidden,
                "uid": self.uid, "gid": self.gid}  # fmt: skip
        (request_r, request_w), (response_r, response_w), (status_r, status_w) = (
            os.pipe() for _ in range(3)
        )
        self.request_fd, self.response_fd, self.status_fd = request_w, response_r, status_r
        os.set_blocking(request_w, False)
        try:
            spawned = zygote.start().spawn(spec, [request_r, response_w, status_w])
        finally:
            for fd in (request_r, response_w, status_w):
                os.close(fd)
        pid = self._keeper_says(zygote.STARTUP_TIMEOUT) if spawned else None
        if pid is None or pid <= 1:  # _kill(pid) must never mean "every process" to kill(2)
            for fd in (request_w, response_r, status_r):
                os.close(fd)
            why = "the student process" if spawned else "the grading zygote"
            raise WorkerError("died", f"{why} did not start")
        self.pid = self._leader = pid
        # Its own pid namespace (every process in it is the worker's) and IPC namespace (its
        # SysV objects die with it), if the keeper made them.
        self.ns, self.ipc_ns = _own_namespace(pid, "pid"), _own_namespace(pid, "ipc")
        threading.Thread(target=self._watch, args=(self.pid, self.dir), daemon=True).start()
        try:
            self.confinement = str(self._receive(zygote.STARTUP_TIMEOUT).get("confinement"))
        except WorkerError as exc:
            self.stop()
            raise WorkerError("died", f"the student process did not start ({exc.kind})") from None

    def _give(self, *paths: Path | int) -> None:
        """As root, hand ``paths`` (or open descriptors) to the worker's uid."""
        for path in paths if self.uid is not None else ():
            os.chown(path, self.uid, self.gid)

    def _keeper_says(self, timeout: float) -> int | None:
        """The next number on the status pipe: the student's pid, then its ``waitpid`` status
        (``worker._keeper``, trusted code; the student process never holds this pipe)."""
        try:
            return wire.receive(self.status_fd, 64, _deadline(self.status_fd, timeout))
        except (EOFError, WorkerError):
            return None

    def tree(self) -> list[int]:
        """Every live process of the worker: its pid namespace, or else its uid (as root) or
        its session (a normal user without namespaces: a child that leaves it escapes)."""
        found = []
        for pid in (int(e) for e in os.listdir("/proc") if e.isdigit()) if PROC else ():
            try:
                if self.ns is not None:
                    mine = _in_namespace(pid, self.ns, self._leader)
                elif self.uid is not None:
                    mine = os.stat(f"/proc/{pid}").st_uid == self.uid
                else:
                    mine = pid == self._leader or os.getsid(pid) == self._leader
            except OSError:
                continue
            found += [pid] if mine else []
        self._seen.update(found)
        return found

    def _watch(self, pid: int, folder: Path) -> None:
        """Kill the worker when the private memory of its whole process tree (SysV segments
        included) is over the limit (``RLIMIT_DATA`` bounds each process alone), or its folder
        holds more than ``FILES_MB`` or ``FILES_COUNT`` files (``RLIMIT_FSIZE``: each file)."""
        alone = set()  # processes whose main thread ended alone, at the last look
        while self.pid == pid:
            time.sleep(WATCH_INTERVAL)
            used, unlisted, hidden, mappings, found_alone = 0, {}, "", 0, set()
            for p in self.tree():
                # Shares (Pss): MAP_SHARED memory a child touched too counts once in full
                # (Linux before 5.0 has no Pss_Anon: private memory there).
                kb = {}
                try:
                    with open(f"/proc/{p}/smaps_rollup") as rollup:
                        kb = {x.split(":")[0]: int(x.split()[1]) for x in rollup
                              if x.endswith("kB\n")}  # fmt: skip
                except PermissionError:  # made non-dumpable: a normal user may not look (README)
                    hidden = _NON_DUMPABLE
                except (OSError, ValueError):
                    pass
                kinds = ("Pss_Anon", "Pss_Shmem") if "Pss_Anon" in kb else ("Private_Clean",
                                                                            "Private_Dirty")
                used += sum(kb.get(k, 0) for k in kinds) >> 10
                with suppress(OSError, ValueError):  # page tables: terabytes of zero pages mapped
                    with open(f"/proc/{p}/status") as status:  # read-only cost no Pss, only these
                        field = dict(x.split(":", 1) for x in status if ":" in x)
                    used += int(field.get("VmPTE", "0 kB").split()[0]) >> 10
                    # A leader that ended alone while its threads run on hides their memory
                    # from /proc (README); seen twice in a row, it is no process on its way out.
                    if field.get("State", "").split()[:1] == ["Z"] and int(
                            field.get("Threads", "1")) > 1:  # fmt: skip
                        hidden = hidden or _ALONE * (p in alone)
                        found_alone.add(p)
                unlisted.update(_unlisted_files(p))
                count, mapped = _mappings(p, self._sizes)
                mappings += count
                for key, size in mapped.items():
                    unlisted[key] = max(unlisted.get(key, 0), size)
            alone = found_alone
            sockets = sum(n for k, n in unlisted.items() if k[0] in ("socket", "epoll"))
            used += self._remove_ipc() + sockets + mappings * MAPPING_BYTES >> 20
            written, files = _folder_usage(folder, self._sizes)
            written += sum(unlisted.values()) - sockets >> 20
            if hidden:
                why = hidden
            elif used > self.memory_mb + MEMORY_SLACK_MB:
                why = (f"using {used} MiB of memory, its child processes included (the limit is"
                       f" {self.memory_mb} MiB)")  # fmt: skip
            elif written > FILES_MB or files > FILES_COUNT:
                why = (f"writing {written} MiB in {files} files (the limit is {FILES_MB} MiB"
                       f" in {FILES_COUNT} files): return results, do not save them")  # fmt: skip
            else:
                continue
            if self.pid == pid:
                self.killed_for = f"the student process was stopped for {why}"
                self._kill(pid)

    def _remove_ipc(self) -> int:
        """Without an IPC namespace, remove the SysV IPC objects the worker made since it
        started and return the bytes they hold (README: "SysV IPC without an IPC namespace")."""
        if self.ipc_ns is not None:
            return 0
        held, doomed = 0, []
        for kind, (flag, id_column, pid_column, size_column) in IPC_TABLES.items():
            with suppress(OSError, ValueError):
                head, *lines = Path(f"/proc/sysvipc/{kind}").read_text().splitlines()
                for row in (dict(zip(head.split(), line.split(), strict=False)) for line in lines):
                    if pid_column:  # made or written by one of its processes
                        made = int(row[pid_column]) in self._seen
                    else:  # as a normal user, all sets of its uid (it is the grader's)
                        made = self.uid is None and int(row["cuid"]) == os.geteuid()
                    if (made or int(row["cuid"]) == self.uid) and int(row["ctime"]) >= self._since:
                        held += int(row.get(size_column, 0))
                        if not int(row["perms"], 8) & 0o1000:  # SHM_DEST: removed already
                            doomed += [flag, row[id_column]]
        if doomed:  # as root, as its uid (no groups): root may lack CAP_SYS_ADMIN (Docker)
            with suppress(OSError, subprocess.SubprocessError):
                subprocess.run(["ipcrm", *doomed], capture_output=True, timeout=10, user=self.uid,
                               group=self.gid, extra_groups=None if self.uid is None else [])
        return held

    def _kill(self, pid: int) -> None:
        """Kill the worker's processes: in its pid namespace, pid 1 there takes the others
        with it; otherwise every process found is killed until none is left."""
        for _ in range(50):
            found = ([pid] if _alive(pid) else []) if self.ns else self.tree()
            found += [-pid] if not PROC and _alive(pid) else []  # elsewhere: its process group
            for p in found:
                with suppress(OSError):
                    os.kill(p, signal.SIGKILL)
            if not found:
                return
            time.sleep(0.01)

    def stop(self) -> None:
        """Kill the worker (and anything it started) and remove its folder."""
        pid, self.pid = self.pid, None
        if pid is not None:
            self._kill(pid)
            self._remove_ipc()
            for fd in (self.request_fd, self.response_fd, self.status_fd):
                os.close(fd)
        if self.dir is not None:
            _remove(self.dir)
            self.dir = None

    def close(self) -> None:
        """Stop the worker and give its uid back."""
        self.stop()
        if self._uid_lock is not None:
            self._uid_lock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _receive(self, timeout: float) -> dict:
        try:
            reply = wire.receive(self.response_fd, REPLY_CAP, _deadline(self.response_fd, timeout))
        except EOFError:
            raise WorkerError("died") from None
        except wire.WireError as exc:
            raise WorkerError("protocol", f"unreadable reply ({exc})") from None
        if type(reply) is not dict:
            raise WorkerError("protocol", "the reply is not a dict")
        return reply

    def exit_description(self) -> str:
        """Why the student process ended, from its ``waitpid`` status."""
        status = self._keeper_says(2.0)
        if status is None:
            return "the student process closed its connection to the grader"
        if os.WIFEXITED(status):
            code = os.WEXITSTATUS(status)
            return f"the student process exited with code {code} (sys.exit or os._exit?)"
        try:
            sig = signal.Signals(os.WTERMSIG(status))
        except ValueError:  # a real-time signal: Python names only SIGRTMIN and SIGRTMAX
            return f"the student process was killed by signal {os.WTERMSIG(status)}"
        why = {signal.SIGKILL: ", perhaps for using too much memory", signal.SIGSEGV: ": a crash"}
        return f"the student process was killed by {sig.name} ({sig.value}){why.get(sig, '')}"

    def request(self, message: dict) -> dict:
        """Send one request and return the reply, starting the worker and importing the module
        of ``message["key"]`` if needed. Raises WorkerError (the worker is then stopped)."""
        if self.pid is None:
            self.start()
        if message["key"] not in self.loaded:
            self._load(message["key"])
        return self._exchange(message)

    def _exchange(self, message: dict, allowed: float | None = None) -> dict:
        self.exchanges += 1
        left, allowed = self.budget - self.spent, allowed or self.timeout
        if left <= 0:
            raise WorkerError("budget")
        start = time.monotonic()
        try:
            limit = min(allowed, left)
            # Sent within the limit too: a student process may stop reading its requests.
            wire.send(self.request_fd, message, _deadline(self.request_fd, limit, True))
            return self._receive(limit)
        except (WorkerError, OSError) as exc:  # OSError: the request pipe is closed
            kind = getattr(exc, "kind", "died")
            why = (self.killed_for or self.exit_description()) if kind == "died" else str(exc)
            self.stop()
            raise WorkerError("budget" if kind == "timeout" and left < allowed else kind,
                              why) from None  # fmt: skip
        finally:
            self.spent += time.monotonic() - start

    def _load(self, key: str) -> None:
        name, source = self.modules[key]
        if isinstance(source, WorkerError):  # refused when it was read (read_submission)
            raise source
        code = source if isinstance(source, bytes) else read_submission_file(source)
        # Through descriptors that follow no link: the student process may run already (another
        # chapter) and swap a link in for `folder` (README: "Folders").
        try:
            folder = Path(tempfile.mkdtemp(prefix="m", dir=self.dir))
            target, dir_fd = folder / f"{name}.py", os.open(folder, _NO_LINK | os.O_DIRECTORY)
            try:
                fd = os.open(target.name, _NO_LINK | os.O_WRONLY | os.O_CREAT | os.O_EXCL,
                             0o644, dir_fd=dir_fd)  # fmt: skip
                with open(fd, "wb") as file:
                    file.write(code)
                    self._give(dir_fd, file.fileno())
            finally:
                os.close(dir_fd)
        except OSError as exc:
            raise WorkerError("import", f"importing {name}.py failed: its folder was changed"
                              f" while the grader wrote the module ({exc})") from None
        try:
            allowed = max(self.timeout, IMPORT_TIMEOUT)
            reply = self._exchange({"op": "load", "key": key, "name": name, "file": str(target)},
                                   allowed)  # fmt: skip
        except WorkerError as exc:
            if exc.kind == "budget":
                raise
            why = {
                "timeout": f"took longer than {allowed:g} s: is there an endless loop or a"
                " long computation at the top level of the module? Put work inside functions.",
                "died": f"stopped the student process: {exc}. Remove code at the top level of"
                " the module that exits or crashes.",
            }.get(exc.kind, f"failed: {exc}")
            raise WorkerError("import", f"importing {name}.py {why}") from None
        if reply.get("ok") is not True:
            # A syntax error may be on any line, a function's body too: Python runs none of them
            fix = (" Python reads none of the file until you fix the line it names." if
                   _text(reply, "type") in ("SyntaxError", "IndentationError", "TabError") else
                   " Fix the error at the top level of the module (imports, definitions) first.")
            raise WorkerError("import", f"importing {name}.py failed: {_reply_error(reply)}."
                              f"{fix}{_import_hint(reply, code)}"
                              f"\n{_text(reply, 'traceback')[:2000]}".rstrip())  # fmt: skip
        self.loaded[key] = code


# What a module may import, said in these words in every stub, exercises/README.md and the book.
PACKAGES = ("the standard library and torch (numpy, matplotlib and tqdm import too, but no"
            " answer needs them)")
_MAIN = " (a demo's can go inside an `if __name__ == \"__main__\":` block)"
# (whether the failure looks like it: its type, message, the file, the line of a SyntaxError;
# what to tell the student)
_IMPORT_HINTS = [
    (lambda kind, message, code, line: code[:2] in (b"\xff\xfe", b"\xfe\xff")
     or b"\0" in code and "null bytes" in message,
     " The file is saved as UTF-16 (a Windows editor's 'Unicode'), which Python cannot read:"
     " save it as UTF-8."),
    (lambda kind, message, code, line: code.lstrip()[:1] == b"{" and b'"cells"' in code,
     " The file is a Jupyter notebook (its JSON), not Python: export the notebook as a script"
     " (File > Save and Export Notebook As > Executable Script) and submit that."),
    (lambda kind, message, code, line: kind == "NameError" and ("get_ipython" in message
                                                                or "'display'" in message),
     " get_ipython() and display() exist only in Jupyter: a notebook exported as a script"
     " keeps its % and ! commands as get_ipython() calls. Delete those lines (the code of a"
     " %%time cell is a string there, and never runs: take it out of the call)."),
    (lambda kind, message, code, line: kind == "NameError" and "get_ipython" not in message
     and "'display'" not in message,
     " Code outside the functions runs when the grader imports the file, with only the names"
     " defined or imported above it: a line that tries your functions on a notebook's"
     " variables fails there. Delete it or move it into an `if __name__ == \"__main__\":`"
     " block."),
    (lambda kind, message, code, line: re.match(rb"[%!]|[\w.]+\?\??\s*$", line),
     " Lines that start with % or ! (or end with ?) are Jupyter commands, not Python: delete"
     " them from the .py file."),
    (lambda kind, message, code, line: re.match(rb"type\s+\w+\s*(\[.*\])?\s*=", line),
     " The grader runs Python 3.11, which has no `type X = ...` statement: write `X = ...`."),
    (lambda kind, message, code, line: kind == "ModuleNotFoundError"
     or "relative import" in message,
     f" Each module is graded on its own: it can import {PACKAGES}, not your other files (nor"
     " with a relative import) or other packages. Remove an import the exercises do not"
     f" need{_MAIN} and copy what it needs from your other files into it."),
    (lambda kind, message, code, line: kind == "UsageError" and b"coursekit" in code,
     f" Your module calls coursekit when it is imported: delete that call{_MAIN}."),
    (lambda kind, message, code, line: kind == "EOFError"
     and re.search(rb"(?<![\w.])input\(", code),
     f" input() waits for a keyboard, and the grader has none: remove it{_MAIN}."),
    (lambda kind, message, code, line: kind == "SystemExit" and b"parse_args" in code,
     f" argparse's parse_args() read the grader's command line and stopped: move it{_MAIN}."),
]


def _import_hint(reply: dict, code: bytes) -> str:
    """What the student can do about a module that did not import, where the error alone says
    little (a notebook exported as it was, a file saved as UTF-16, an import of their own)."""
    kind, message = _text(reply, "type"), _text(reply, "message")
    at = re.search(r"line (\d{1,9})\)$", message) if kind == "SyntaxError" else None
    lines = code.splitlines() if at else []
    line = lines[int(at.group(1)) - 1] if at and 0 < int(at.group(1)) <= len(lines) else b""
    return "".join(hint for applies, hint in _IMPORT_HINTS if applies(kind, message, code, line))


def _folder_usage(folder: Path, sizes: dict) -> tuple[int, int]:
    """(MiB on disk, entries) beneath ``folder``, counting stops past ``FILES_COUNT`` (as does a
    tree over 100 deep); ``sizes``: (device, inode) -> the most bytes it held (for
    ``_mappings``). Each folder is opened from its parent's descriptor, following no link."""
    blocks, entries, todo = 0, 0, []  # (a folder's descriptor, its listing), one a level
    try:
        todo.append(_opened(str(folder), None))
        while todo and entries <= FILES_COUNT:
            entry = next(todo[-1][1], None)
            if entry is None:
                _close(*todo.pop())
                continue
            entries += 1
            if len(todo) > 100:
                entries = FILES_COUNT + 1
            with suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                blocks += info.st_blocks
                key = info.st_dev, info.st_ino
                if stat.S_ISREG(info.st_mode) and len(sizes) < 4 * FILES_COUNT or key in sizes:
                    sizes[key] = max(sizes.get(key, 0), info.st_blocks * 512)
                if stat.S_ISDIR(info.st_mode):
                    todo.append(_opened(entry.name, todo[-1][0]))
    except OSError as exc:  # out of descriptors: too many folders to count
        entries = max(entries, (FILES_COUNT + 1) * (exc.errno in (errno.EMFILE, errno.ENFILE)))
    finally:
        for held in todo:
            _close(*held)
    return blocks * 512 >> 20, entries


def _opened(name: str, parent: int | None) -> tuple[int, object]:
    """(a descriptor, ``os.scandir``) of the folder ``name`` in the folder open as ``parent``
    (None: ``name`` is a path), following no link. For a normal user, a folder made unsearchable
    gets its bits back through its own O_PATH descriptor, never a path a link could take over."""
    held = os.open(name, os.O_PATH | os.O_DIRECTORY | _NO_LINK, dir_fd=parent)
    try:
        if not is_root() and os.fstat(held).st_mode & 0o700 != 0o700:
            os.chmod(f"/proc/self/fd/{held}", 0o700)
        fd = os.open(f"/proc/self/fd/{held}", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    finally:
        os.close(held)
    try:
        return fd, os.scandir(fd)
    except OSError:
        os.close(fd)
        raise


def _close(fd: int, listing) -> None:
    listing.close()
    os.close(fd)


def _in_namespace(pid: int, ns: str, leader: int) -> bool:
    """Whether process ``pid`` is in pid namespace ``ns``, whose init is ``leader``; by its
    ancestry (``/proc/PID/stat``) where a non-dumpable process hides its namespace."""
    try:
        return os.readlink(f"/proc/{pid}/ns/pid") == ns
    except PermissionError:
        if os.stat(f"/proc/{pid}").st_uid != os.geteuid():
            return False
        while pid > 1 and pid != leader:  # the ppid: the field after the ")" ending the name
            pid = int(Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
        return pid == leader


# Why a process tree was stopped that hides from the memory watch.
_NON_DUMPABLE = ("hiding one of its processes from the grader's memory watch (prctl"
                 " PR_SET_DUMPABLE): leave your processes as they are")
_ALONE = ("ending a process's main thread alone while its other threads run on (the grader's"
          " memory watch then sees none of its memory): end a process as a whole")


def _unlisted_files(pid: int) -> dict:
    """``{(device, inode): bytes}`` of the files process ``pid`` holds open that no folder lists
    (a memfd, a removed file), and each socket's and epoll instance's kernel memory, keyed
    ``("socket", ...)`` and ``("epoll", ...)``."""
    found = {}
    with suppress(OSError):
        for fd in os.listdir(f"/proc/{pid}/fd"):
            with suppress(OSError):
                info = os.stat(f"/proc/{pid}/fd/{fd}")
                if stat.S_ISREG(info.st_mode) and info.st_nlink == 0:
                    found[info.st_dev, info.st_ino] = info.st_blocks * 512
                elif stat.S_ISSOCK(info.st_mode):
                    found["socket", info.st_ino] = SOCKET_BYTES
                elif os.readlink(f"/proc/{pid}/fd/{fd}") == "anon_inode:[eventpoll]":
                    with open(f"/proc/{pid}/fdinfo/{fd}", "rb") as watches:  # a line each
                        found["epoll", pid, fd] = watches.read().count(b"tfd:") * EPOLL_WATCH_BYTES
    return found


def _mappings(pid: int, sizes: dict) -> tuple[int, dict]:
    """(how many memory mappings process ``pid`` has, ``{(device, inode): bytes}`` of the
    removed files it maps, which no folder, descriptor or smaps shows). Each counts as the most
    of what it maps, ``sizes``, and its ``map_files`` entry (CAP_SYS_ADMIN only)."""
    count, found = 0, {}
    with suppress(OSError, ValueError), open(f"/proc/{pid}/maps", "rb") as maps:
        for line in maps:
            count += 1
            if not line.endswith(b" (deleted)\n"):
                continue
            span, _, offset, device, inode = line.split(None, 5)[:5]
            key = os.makedev(*(int(x, 16) for x in device.split(b":"))), int(inode)
            if key[0] == _shmem_device():  # shared anonymous memory, SysV's: smaps has them
                continue
            start, end = (int(x, 16) for x in span.split(b"-"))
            held = sizes.get(key, 0)
            with suppress(OSError):
                held = max(held, os.stat(f"/proc/{pid}/map_files/{span.decode()}").st_blocks * 512)
            found[key] = max(found.get(key, 0), held, int(offset, 16) + end - start)
    return count, found


@functools.lru_cache(maxsize=1)
def _shmem_device() -> int | None:
    """The device of the kernel's own shmem files (shared anonymous memory, SysV segments,
    memfds: one device), which a path in ``/proc/PID/maps`` cannot forge."""
    try:
        fd = os.memfd_create("coursekit-probe")
    except (AttributeError, OSError):
        return None
    try:
        return os.fstat(fd).st_dev
    finally:
        os.close(fd)


def _deadline(fd: int, timeout: float, write: bool = False):
    """``wait`` for :func:`wire.receive` (or :func:`wire.send`, ``write``): WorkerError("timeout")
    once ``fd`` stays silent (full) until ``timeout`` seconds from now."""
    deadline = time.monotonic() + timeout

    def wait():
        remaining = deadline - time.monotonic()
        ready = select.select([] if write else [fd], [fd] if write else [], [], max(remaining, 0))
        if remaining <= 0 or not any(ready):
            raise WorkerError("timeout")

    return wait


def _own_namespace(pid: int, kind: str) -> str | None:
    """The namespace of that kind of process ``pid``, if it is not this process's one."""
    try:
        ns = os.readlink(f"/proc/{pid}/ns/{kind}")
        return ns if ns != os.readlink(f"/proc/self/ns/{kind}") else None
    except OSError:
        return None


_NO_LINK = os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def read_submission_file(path: Path, dir_fd: int | None = None) -> bytes:
    """The bytes of a submitted file (``path`` relative to the open folder ``dir_fd``, if
    given); WorkerError unless it is a regular file with one name, at most ``FILE_CAP`` bytes,
    and the one ``lstat`` saw. A device or a pipe is never opened."""
    name = Path(path).name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    try:
        seen = os.lstat(path, dir_fd=dir_fd)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | _NO_LINK, dir_fd=dir_fd) if \
            stat.S_ISREG(seen.st_mode) else None  # fmt: skip
    except OSError as exc:
        raise WorkerError("import", f"{name} could not be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd) if fd is not None else seen
        data = os.read(fd, FILE_CAP + 1) if fd is not None and stat.S_ISREG(info.st_mode) else b""
    finally:
        if fd is not None:
            os.close(fd)
    if stat.S_ISLNK(seen.st_mode):
        why = "is a symbolic link: submit the file itself"
    elif not stat.S_ISREG(info.st_mode):
        why = "is not a regular file (a folder, device or pipe): submit the file itself"
    elif (info.st_dev, info.st_ino) != (seen.st_dev, seen.st_ino):
        why = "was replaced while the grader read it: submit it again"
    elif info.st_nlink != 1:
        why = (f"is a hard link (one file with {info.st_nlink} names), which the grader does not"
               " read: submit a copy (a backup made with cp -al or rsync --link-dest makes such"
               " links: grade a plain copy)")
    elif len(data) > FILE_CAP or info.st_size > FILE_CAP:
        why = f"is {max(info.st_size, len(data))} bytes, more than the {FILE_CAP} allowed"
    else:
        return data
    raise WorkerError("import", f"{name} {why}")


def read_submission(folder: Path, chapters, files=None) -> dict[str, bytes | WorkerError | None]:
    """``{chapter: the module's bytes, why it is refused, or None where there is none}``, read
    through one descriptor of ``folder`` before any student code runs; ``files`` names each
    chapter's file where it is not ``<chapter>.py``. WorkerError if ``folder`` itself is a link
    or cannot be read."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | _NO_LINK)
    except OSError as exc:
        why = "is a symbolic link: submit the folder itself" if os.path.islink(folder) else (
            f"could not be read ({exc.strerror})")  # fmt: skip
        raise WorkerError("import", f"the submission folder {why}") from None
    modules: dict[str, bytes | WorkerError | None] = {}
    try:
        for chapter in chapters:
            name = f"{chapter}.py" if files is None else files.get(chapter)
            try:
                if name is None:  # a Canvas user who uploaded no file for this chapter
                    raise FileNotFoundError
                os.lstat(name, dir_fd=fd)
                modules[chapter] = read_submission_file(name, dir_fd=fd)
            except FileNotFoundError:
                modules[chapter] = None
            except WorkerError as exc:
                modules[chapter] = exc
    finally:
        os.close(fd)
    return modules


def _text(reply: dict, key: str) -> str:
    """A text of a reply, or "" where the student process sent another value: str() of a
    tensor of shape (2,) * 22 took the grader hours (README: "Intake and bounds")."""
    value = reply.get(key, "")
    return value if type(value) is str else ""


def _reply_error(reply: dict) -> str:
    message, exc_type = _text(reply, "message"), _text(reply, "type")
    if reply.get("kind") == "exit" or not exc_type:
        return message or "unknown error"
    return f"{exc_type}: {message}" if message else exc_type


class Student:
    """``student.fn(...)`` or ``student.run(...)``: calls the submission's functions in the
    worker; returns plain data or raises :class:`GradingFailure` with a teaching message."""

    def __init__(self, worker: Worker, key: str, chapter: str,
                 source: Path | bytes | WorkerError | None):  # fmt: skip
        self._worker, self._key = worker, key
        self._timed_out: set[str] = set()
        self._import_error = None
        # Functions with a "by hand" rule: their calls note the torch functions they use.
        self.watched: set[str] = set()
        self.reached: dict[str, set[str]] = {}
        if source is None:
            self._import_error = f"no {chapter}.py in the submitted folder: its exercises score 0"
        else:  # copied and imported on first use
            worker.modules[key] = (chapter, Path(source) if isinstance(source, str) else source)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self._call(name, args, kwargs, echo=False).value

    def code(self) -> bytes | None:
        """The submitted module's bytes as the student process imported them (None before)."""
        return self._worker.loaded.get(self._key)

    def run(self, fn: str, *args, seed: int | tuple | None = None,
            grad: bool | torch.Tensor = False, no_grad: bool = False, watch: bool = True,
            **kwargs) -> Outcome:  # fmt: skip
        """Call ``fn(*args, **kwargs)`` in the student process; return an :class:`Outcome`.
        ``seed``: of torch's generator, Python's random and NumPy's; a pair ``(torch's, the
        others')`` tells apart code that draws from torch's generator from code that does not.
        ``grad=True``: with the gradients of ``value.sum()``; a tensor shaped like the value:
        of ``(value * grad).sum()``, for a function whose values always sum alike (softmax).
        ``no_grad=True``: the call runs under ``torch.no_grad()``, as a learner's evaluation
        loop calls it. ``watch=False``: the call notes no torch function (a by-hand rule is
        judged on the others): the notes cost a Python loop 50 times its time."""
        return self._call(fn, args, kwargs, seed, grad, no_grad=no_grad, watch=watch)

    def _call(self, fn, args, kwargs, seed=None, grad=False, echo=True, no_grad=False,
              watch=True) -> Outcome:
        """``echo=False``: the reply leaves out the arguments after the call (only the value
        is wanted: half the data to encode and decode on each side)."""
        worker = self._worker
        if self._import_error is not None:
            raise GradingFailure(self._import_error)
        if fn in self._timed_out:
            raise GradingFailure(f"{fn}() timed out earlier (more than {worker.timeout:g} s), so"
                                 " it is not run again: look for an endless loop.")  # fmt: skip
        try:
            kwargs = {k: _encode_arg(v) for k, v in kwargs.items()}
            grad = _encode_arg(grad) if isinstance(grad, torch.Tensor) else bool(grad)
            reply = worker.request({"op": "call", "key": self._key, "fn": fn, "seed": seed,
                                    "grad": grad, "echo": echo, "kwargs": kwargs,
                                    "no_grad": bool(no_grad),
                                    "watch": watch and fn in self.watched,
                                    "args": [_encode_arg(a) for a in args]})  # fmt: skip
        except WorkerError as exc:
            message = _CALL_FAILED[exc.kind].format(fn=fn, exc=exc, w=worker)
            if exc.kind == "import":
                self._import_error = message
            elif exc.kind == "timeout":
                self._timed_out.add(fn)
            raise GradingFailure(message) from None
        reached = reply.get("reached")
        if type(reached) is list and fn in self.watched:  # the worker notes only watched calls
            noted = self.reached.setdefault(fn, set())
            for name in reached[:256]:  # a torch function's name is short (forged ones are not)
                if len(noted) < 256 and type(name) is str and len(name) <= 200:
                    noted.add(name)
        return _outcome(fn, reply, worker.memory_mb, args, kwargs)


_CALL_FAILED = {  # what a call the student process did not answer tells the student
    "import": "{exc}",
    "budget": "this submission used up its time budget ({w.budget:g} s for all its calls"
    " together), so the rest of it is not run: look for calls that sleep or loop far longer"
    " than they need.",
    "timeout": "{fn}() did not finish within {w.timeout:g} s: is there an endless loop"
    " (e.g. a while loop whose condition never changes)?",
    "died": "calling {fn}() stopped the student process: {exc}. Functions must return"
    " their result, not exit or crash the interpreter.",
    "protocol": "{fn}() returned something the grader cannot read back ({exc}): return"
    " tensors, numbers, lists or tuples.",
}


def _outcome(fn: str, reply: dict, memory_mb: int, args=(), kwargs=None) -> Outcome:
    if reply.get("ok") is not True:
        kind, text = reply.get("kind"), _reply_error(reply)
        if kind == "not_implemented":
            raise GradingFailure(report.NOT_STARTED.format(fn=fn))
        if kind == "missing":
            raise GradingFailure(f"the submission has no function {fn}(): define it by that name.")
        if kind == "unsupported":
            raise GradingFailure(f"{fn}() returned an unsupported value: {_text(reply, 'message')}")
        if kind == "exit":
            raise GradingFailure(f"{text}: functions must return their result, not exit.")
        if kind == "memory" or "can't allocate memory" in text or "MemoryError" in text:
            raise GradingFailure(
                f"{fn}() ran out of memory (the limit is {memory_mb} MiB): {text[:300]}. Is a"
                " tensor much larger than it should be (e.g. an (n, n) matrix from broadcasting)?"
            )
        if "modified by an inplace operation" in text:  # torch's words name no line of theirs
            text = (f"{text[:1000].rstrip('.')}. An in-place operation (exp_(), /=,"
                    " x[...] = ...) changed a tensor autograd had saved for the backward pass:"
                    " use the out-of-place form (Z = Z.exp(), Z = Z / s)")
        tb, raised = _text(reply, "traceback"), reply.get("raised")
        if type(raised) is not list or not all(type(r) is str for r in raised):
            raised = []
        # Which call: an exception on one input of several (a 0-dim x, a float64 one) says so.
        called = ", ".join([_describe(getattr(a, "tensor", a), returned=False) for a in args]
                           + [f"{k}={_describe(getattr(v, 'tensor', v), returned=False)}"
                              for k, v in (kwargs or {}).items()])  # fmt: skip
        raise GradingFailure(f"{fn}({called}) raised {text[:1500]}" + (f"\n{tb}" if tb else ""),
                             tuple(raised[:8]))  # fmt: skip
    args, grads = reply.get("args"), reply.get("grads")
    if type(args) is not list or (grads is not None and type(grads) is not list):
        raise GradingFailure(f"{fn}(): the student process sent a malformed reply.")
    shares = reply.get("shares")
    return Outcome(value=reply.get("value"), args=args, grads=grads,
                   arg_grads=reply.get("arg_grads"),
                   shares=[i for i in shares[:8] if type(i) is int] if type(shares) is list
                   else [])  # fmt: skip


class InProcessStudent(Student):
    """Calls a module's functions in *this* process: no isolation (for benchmarks/grading.py)."""

    def __init__(self, module, chapter: str):
        # Messages quote the default limits. Not a Worker: as root, one claims a grading uid.
        here = types.SimpleNamespace(timeout=DEFAULT_TIMEOUT, memory_mb=DEFAULT_MEMORY_MB,
                                     budget=DEFAULT_BUDGET, modules={}, loaded={},
                                     request=lambda message: call(module, message))
        super().__init__(here, chapter, chapter, Path(f"{chapter}.py"))
