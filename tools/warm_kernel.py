"""Warm kernels for nbval: pages' kernels forked from a server that has already imported torch.

    pytest --nbval-lax -p tools.warm_kernel ...      (what `make nbval` runs)

Every page's kernel used to pay for the interpreter, ipykernel, torch, matplotlib and coursekit
(4-6 s on the 2-core machine, 20 pages), and a page that builds a torch.optim optimizer about
2 s more (it imports torch._dynamo and sympy). As a pytest plugin, this module

- starts a fork server (``python tools/warm_kernel.py serve SOCKET``) in the controlling pytest
  process, for this run only: its socket and files lie in ``<rootdir>/.warm-kernel``
  (``_build/nbval/.warm-kernel``), and it is stopped at the end of the run (and dies with
  pytest: PR_SET_PDEATHSIG). It imports what every page's kernel imports, then forks;
- writes a kernel spec ``coursekit-nbval-warm`` into that folder, puts the folder first on
  JUPYTER_PATH and selects it (nbval's ``--nbval-kernel-name``) in this run only: a learner's
  and JupyterLab's kernel stay the real ``python3`` kernel. The cached pages that the book
  build reads are built from the pages' own kernelspec (tools/nbval_cache.py), not this one.

The spec's argv runs the launcher (``python tools/warm_kernel.py launch SOCKET -f FILE``), which
jupyter_client starts, signals and kills as if it were the kernel. It sends the server its
argv, cwd, environment, sys.path and, with SCM_RIGHTS, its stdin/stdout/stderr; the server
forks a child that takes them over and runs ipykernel as ``python -m ipykernel_launcher`` would.
The launcher forwards SIGINT/SIGTERM/SIGHUP/SIGQUIT to the kernel's process group and exits
with the kernel's status. SIGKILL cannot be forwarded: the kernel watches its socket to the
launcher instead and kills its process group when the launcher is gone.

What a page sees stays as in a fresh kernel:

- the server imports before any thread exists and starts none (it checks, and refuses to fork
  otherwise); it runs no torch operation; OMP_NUM_THREADS is the run's;
- python's, numpy's and torch's CPU random generators are seeded afresh in each kernel, as a
  fresh process seeds them at import (CUDA is never initialized in the server). One thing a
  fork cannot renew is the str hash seed: the kernels of one run share the server's;
- matplotlib is imported with MPLBACKEND set as ipykernel sets it (the inline backend), and
  the inline backend module itself is not imported in the server: importing it in a kernel
  hooks it into that kernel's IPython, as before;
- the server serves only a launcher whose interpreter, sys.path (PYTHONPATH: the student
  edition's coursekit) and import-time settings (OMP_*, MPL*, TORCH*, HOME, ...) match its own.

Otherwise, or if the server cannot be reached, the launcher execs a normal kernel
(``python -m ipykernel_launcher``) in its own process and records why; the run's summary
lists it. The server reaps each kernel with os.wait4 and files its CPU time, which
tools/nbval_cache.py adds to the pytest worker's RUSAGE_CHILDREN (a forked kernel is not
pytest's child); the summary also shows the server's own CPU, spent on imports once.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
from pathlib import Path

KERNEL_NAME = "coursekit-nbval-warm"
ENV_DIR = "COURSEKIT_WARM_KERNEL"  # set in the pytest processes of a run with a server
START_TIMEOUT = 30.0  # seconds the launcher waits for a fork (the server may still import)
# What a page's kernel imports; the server imports them before it forks. Not the inline
# backend (see above) and nothing that starts a thread.
WARM_MODULES = [
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "IPython.core.completer",
    "numpy", "torch", "torch._dynamo", "torch.optim", "torch.utils.data", "matplotlib",
    "matplotlib.pyplot", "coursekit", "coursekit.data", "coursekit.training",
    "coursekit.plotting", "coursekit.optim", "coursekit.book", "coursekit.checkpoint",
]  # fmt: skip
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"  # ipykernel's MPLBACKEND default
# Settings that modules read when they are imported: a kernel must have the server's.
IMPORT_ENV_PREFIXES = ("PYTHON", "OMP_", "MKL_", "KMP_", "OPENBLAS", "MPL", "TORCH", "PYTORCH",
                       "CUDA", "HOME", "XDG_", "LANG", "LC_")
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def _import_env(env: dict) -> dict:
    env = {k: v for k, v in env.items() if k.startswith(IMPORT_ENV_PREFIXES)}
    env.setdefault("MPLBACKEND", INLINE_BACKEND)  # what ipykernel sets when it is unset
    return env


# ---------------------------------------------------------------------------- the launcher


def launch(sock_path: str, kernel_args: list[str]) -> None:
    """The kernel spec's command: get a forked kernel, else become a normal one."""
    folder = Path(sock_path).parent
    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        conn.settimeout(START_TIMEOUT)
        conn.connect(sock_path)
        request = {"argv": kernel_args, "cwd": os.getcwd(), "env": dict(os.environ),
                   "path": sys.path[1:], "executable": sys.executable, "launcher": os.getpid(),
                   "worker": os.getppid()}  # fmt: skip
        socket.send_fds(conn, [json.dumps(request).encode()], [0, 1, 2])
        reply = json.loads(conn.recv(1 << 16) or b'{"refused": "the server closed the socket"}')
        why = reply.get("refused")
    except (OSError, ValueError) as exc:
        why = f"no answer from the server at {sock_path}: {exc!r}"
    if why:
        _cold(folder, why, kernel_args)
    pid = reply["pid"]

    def forward(signum, frame):
        try:
            os.killpg(pid, signum)
        except ProcessLookupError:
            pass

    for signum in FORWARDED:
        signal.signal(signum, forward)
    conn.settimeout(None)
    msg = conn.recv(1 << 16)  # the server's report once it has reaped the kernel
    if not msg:
        sys.exit(1)  # the server is gone (its kernel dies with this launcher)
    status = json.loads(msg)["status"]
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    sys.exit(os.waitstatus_to_exitcode(status))


def _cold(folder: Path, why: str, kernel_args: list[str]) -> None:
    """Become a normal kernel, in this process, after saying why."""
    print(f"warm_kernel: {why}; starting a normal kernel", file=sys.stderr, flush=True)
    try:
        (folder / "cold").mkdir(exist_ok=True)
        (folder / "cold" / f"{os.getpid()}.txt").write_text(why)
    except OSError:
        pass
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *kernel_args])


# ------------------------------------------------------------------------------ the server


def _die_with_parent() -> None:
    """PR_SET_PDEATHSIG: the server gets SIGTERM when the pytest process that started it ends."""
    import ctypes

    parent = os.getppid()
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)
    if os.getppid() != parent:  # it had already ended
        sys.exit(0)


def serve(sock_path: str) -> None:
    """Bind first (launchers may connect and wait), import, then fork a kernel per request."""
    _die_with_parent()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    folder = Path(sock_path).parent
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    listener.bind(sock_path)
    os.chmod(sock_path, 0o600)
    listener.listen(64)
    try:
        _serve(listener, folder)
    finally:  # also when SIGTERM (or the parent's end) comes during the imports
        Path(sock_path).unlink(missing_ok=True)


def _serve(listener, folder: Path) -> None:
    import resource
    import selectors
    import time

    start = time.perf_counter()
    env = dict(os.environ)
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    import importlib

    refused = None
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except Exception as exc:  # the launchers start normal kernels, which will say it too
            refused = f"the server could not import {name}: {exc!r}"
            break
    threads = len(os.listdir("/proc/self/task"))  # e.g. OpenBLAS's, without OMP_NUM_THREADS=1
    if not refused and threads != 1:
        refused = f"the server has {threads} threads after its imports: forking is unsafe"
    if not refused and "matplotlib_inline.backend_inline" in sys.modules:
        refused = "the server imported the inline backend: kernels would not show figures"
    os.environ.clear()
    os.environ.update(env)  # the kernel's own MPLBACKEND decides (ipykernel sets it the same)
    # The imported modules' objects (390,000 with torch._dynamo and sympy) go to the collector's
    # permanent generation: a kernel's collections then skip them, where they would make every
    # full collection slower (a page's timed Python loop took 1.5 times as long) and copy every
    # page of the server's memory into the kernel (copy-on-write) the first time.
    import gc

    gc.collect()
    gc.freeze()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    (folder / "server.json").write_text(json.dumps({
        "import_seconds": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
        "refused": refused,
    }))  # fmt: skip
    print(f"imported in {time.perf_counter() - start:.1f} s; {refused or 'forking'}", flush=True)
    (folder / "cpu").mkdir(exist_ok=True)
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ)
    kernels: dict[int, tuple] = {}  # pidfd -> (pid, socket to the launcher, request)
    try:
        while True:
            for key, _ in sel.select():
                if key.fileobj is listener:
                    conn, _ = listener.accept()
                    pidfd = _fork(conn, env, refused, listener, kernels)
                    if pidfd is not None:
                        sel.register(pidfd, selectors.EVENT_READ)
                    continue
                pid, conn, request = kernels.pop(key.fd)
                sel.unregister(key.fd)
                os.close(key.fd)
                _, status, ru = os.wait4(pid, 0)
                record = {"status": status, "cpu": ru.ru_utime + ru.ru_stime}
                name = f"{request['worker']}-{request['launcher']}"
                # Written whole, then renamed: forked_cpu may list the folder at any moment
                # (it once read a .json created but still empty, and the nbval run crashed).
                (folder / "cpu" / f"{name}.tmp").write_text(json.dumps(record))
                (folder / "cpu" / f"{name}.tmp").replace(folder / "cpu" / f"{name}.json")
                try:
                    conn.send(json.dumps(record).encode())
                except OSError:
                    pass  # the launcher was killed (how nbval stops kernels)
                conn.close()
    finally:
        for pid, _, _ in kernels.values():
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _fork(conn, env: dict, refused, listener, kernels: dict):
    """Read a launcher's request and fork its kernel; return the kernel's pidfd."""
    try:
        msg, fds, _, _ = socket.recv_fds(conn, 1 << 20, 3)
        request = json.loads(msg)
    except (OSError, ValueError):
        conn.close()
        return None
    why = refused
    if not why and request["executable"] != sys.executable:
        why = f"another interpreter: {request['executable']} (the server's is {sys.executable})"
    if not why and request["path"] != sys.path[1:]:
        why = f"another sys.path (PYTHONPATH?): {request['path']} (the server's: {sys.path[1:]})"
    if not why and _import_env(request["env"]) != _import_env(env):
        mine, theirs = _import_env(env), _import_env(request["env"])
        keys = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))
        why = f"other import-time settings: {', '.join(keys)}"
    if why or len(fds) != 3:
        for fd in fds:
            os.close(fd)
        try:
            conn.send(json.dumps({"refused": why or "stdio not received"}).encode())
        finally:
            conn.close()
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _kernel(conn, fds, request, [listener, *(c for _, c, _ in kernels.values())], kernels)
    for fd in fds:
        os.close(fd)
    try:
        os.setpgid(pid, pid)  # also done by the child: whichever runs first
    except OSError:
        pass
    pidfd = os.pidfd_open(pid)
    kernels[pidfd] = (pid, conn, request)
    (Path(listener.getsockname()).parent / "cpu" / f"{request['worker']}-{request['launcher']}"
     ".forked").write_text(str(pid))  # fmt: skip
    try:
        conn.send(json.dumps({"pid": pid}).encode())
    except OSError:
        pass  # the launcher gave up waiting: the kernel sees it and ends
    return pidfd


def _kernel(conn, fds: list[int], request: dict, server_sockets: list, kernels: dict):
    """In the forked child: become the launcher's kernel, as `python -m ipykernel_launcher`."""
    code = 1
    try:
        os.setpgid(0, 0)  # the launcher signals this group, as jupyter_client would the kernel's
        for s in server_sockets:
            s.close()
        for pidfd in kernels:
            os.close(pidfd)
        for i, fd in enumerate(fds):
            os.dup2(fd, i)
            os.close(fd)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        import importlib.util
        import random
        import threading

        import numpy as np
        import torch

        sys.argv = [importlib.util.find_spec("ipykernel_launcher").origin, *request["argv"]]
        sys.path[:] = request["path"]  # what ipykernel_launcher leaves (it drops the cwd)
        # A fresh process seeds these at import from the OS: so does each kernel, not sharing
        # the server's states.
        random.seed()
        np.random.seed()  # noqa: NPY002 (the legacy global state is what a page may draw from)
        torch.default_generator.seed()

        def watch():  # the launcher's end closes when it exits or is killed (SIGKILL)
            try:
                while conn.recv(1 << 16):
                    pass
            finally:
                os.killpg(0, signal.SIGKILL)

        threading.Thread(target=watch, daemon=True, name="warm-kernel-launcher-watch").start()
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        import atexit

        atexit._run_exitfuncs()  # what the interpreter does on exit; os._exit skips it
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(code)


# -------------------------------------------------------------- numbers for tools/nbval_cache


def forked_cpu(worker: int, wait: float = 0.0, folder: str | Path | None = None) -> float:
    """CPU seconds of the forked kernels of pytest process ``worker`` that ended; waits up to
    ``wait`` seconds for those forked to be reaped (a killed launcher ends before its kernel).
    ``folder``: the server's (default: this run's, if it has one)."""
    folder = folder or os.environ.get(ENV_DIR)
    if not folder:
        return 0.0
    import time

    cpu_dir = Path(folder) / "cpu"
    deadline = time.monotonic() + wait
    while True:
        forked = {p.stem for p in cpu_dir.glob(f"{worker}-*.forked")}
        reaped = {p.stem: p for p in cpu_dir.glob(f"{worker}-*.json")}
        if forked <= reaped.keys() or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    return sum(json.loads(p.read_text())["cpu"] for p in reaped.values())


# --------------------------------------------------------------------------- pytest plugin

_server = None


def pytest_configure(config):
    global _server
    if not hasattr(config, "workerinput"):  # pytest-xdist's workers use the controller's server
        folder = Path(str(config.rootpath)) / ".warm-kernel"
        _server = start_server(folder)
        if _server is not None:  # the xdist workers, started after this, inherit these
            os.environ[ENV_DIR] = str(folder)
            os.environ["JUPYTER_PATH"] = os.pathsep.join(
                [str(folder), *filter(None, [os.environ.get("JUPYTER_PATH")])])
    if os.environ.get(ENV_DIR):
        config.option.nbval_kernel_name = KERNEL_NAME


def start_server(folder: Path, env: dict | None = None):
    """Write the kernel spec into ``folder/kernels`` and start the server (environment ``env``,
    default this process's); its Popen, or None (normal kernels) where the socket's path is too
    long."""
    import shutil
    import subprocess
    import time

    shutil.rmtree(folder, ignore_errors=True)
    spec_dir = folder / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    sock = folder / "server.sock"
    if len(str(sock)) > 100:  # sun_path holds 108 bytes
        print(f"warm_kernel: {sock} is too long for a socket: normal kernels", file=sys.stderr)
        return None
    spec = {
        "argv": [sys.executable, str(Path(__file__).resolve()), "launch", str(sock),
                 "-f", "{connection_file}"],
        "display_name": "Python 3 (nbval, forked from a warm server)",
        "language": "python",
        "interrupt_mode": "signal",
    }  # fmt: skip
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1))
    with open(folder / "server.log", "wb") as log:
        server = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "serve", str(sock)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env,
            start_new_session=True,  # a ^C to pytest interrupts pytest, which stops it
        )  # fmt: skip
    # It binds its socket before it imports anything: a launcher may then connect, and waits.
    deadline = time.monotonic() + 30
    while not sock.exists() and server.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if not sock.exists():
        print(f"warm_kernel: the server did not start, see {folder / 'server.log'}: normal "
              "kernels", file=sys.stderr)
        stop_server(server)
        return None
    return server


def stop_server(server) -> None:
    server.terminate()
    try:
        server.wait(10)
    except Exception:
        server.kill()
        server.wait()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    folder = os.environ.get(ENV_DIR)
    if hasattr(config, "workerinput") or not folder:
        return
    folder = Path(folder)
    forked = len(list((folder / "cpu").glob("*.forked")))
    cold = sorted((folder / "cold").glob("*.txt"))
    write = terminalreporter.write_line
    terminalreporter.section("warm kernels (tools/warm_kernel.py)")
    try:
        server = json.loads((folder / "server.json").read_text())
        write(f"server: imports {server['import_seconds']:.1f} s, {server['cpu']:.1f} s CPU "
              "(once for all pages, not in the pages' CPU)")
    except (OSError, ValueError):
        write(f"server: did not start, see {folder / 'server.log'}")
    write(f"{forked} kernels forked from the server, {len(cold)} started normally")
    for path in cold:
        write(f"  normal kernel: {path.read_text()}")


def pytest_unconfigure(config):
    global _server
    if _server is not None:
        stop_server(_server)
        _server = None


if __name__ == "__main__":
    if sys.argv[1:2] == ["launch"]:
        launch(sys.argv[2], sys.argv[3:])
    elif sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2])
    else:
        sys.exit(__doc__)
