"""The student process: imports submission modules and calls their functions on request.

This file runs as a *script* (``python -I worker.py REQUEST_FD RESPONSE_FD ...``) in a fresh
temporary directory, possibly as an unprivileged user, under resource limits, and where Linux
Landlock is available (``landlock.py``) with its file writes confined to that directory and
the repository and the submissions unreadable. It
imports only the standard library, torch and its siblings ``wire.py`` and ``landlock.py``
(loaded by path), so it never imports the rest of the repository's code. Nothing it sends
back is trusted: the grader decodes every reply with ``wire.decode`` (which can build only
plain data), checks every type itself and recomputes every verdict. What this process
reports is only data ("this is what the function returned") or the reason a call failed,
used to word the message.

Protocol: every message is 8 bytes of big-endian length followed by a dict in the format of
``wire.py``. Requests: ``{"op": "load", "key", "name", "file"}`` and ``{"op": "call", "key",
"fn", "args", "kwargs", "seed", "grad"}``. Replies: ``{"ok": True, ...}`` or
``{"ok": False, "kind", "type", "message", "traceback"}``.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import traceback
import types
from pathlib import Path


def _load_sibling(name: str, source: bytes | None = None):
    """``<name>.py`` from this file's folder (or its ``source``, read earlier) as a module.

    Loaded by path, so that it works whether this file runs as a script or a module.
    """
    path = Path(__file__).with_name(f"{name}.py")
    module = types.ModuleType(f"coursekit_worker_{name}")
    module.__file__ = str(path)
    code = compile(path.read_bytes() if source is None else source, str(path), "exec")
    exec(code, module.__dict__)  # noqa: S102 - trusted code of the grader, not the student's
    return module


MAX_ITEMS = 100_000  # items taken from a returned generator before giving up
WITH_GRAD = "__coursekit_with_grad__"


def _set_limits(memory_mb: int, nproc: int) -> None:
    import resource

    def cap(which, value):
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            pass

    # RLIMIT_DATA bounds private writable memory (malloc, anonymous mmap) without counting the
    # gigabytes of address space the CUDA build of torch maps but never touches. The limit is
    # what the process already uses (torch, inherited from the zygote) plus memory_mb.
    used_kb = 0
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmData:"):
                    used_kb = int(line.split()[1])
    except (OSError, ValueError):
        pass
    cap(resource.RLIMIT_DATA, used_kb * 1024 + memory_mb * 2**20)
    cap(resource.RLIMIT_CORE, 0)
    cap(resource.RLIMIT_FSIZE, 64 * 2**20)
    if nproc > 0:
        cap(resource.RLIMIT_NPROC, nproc)


# Standard-library modules not imported in advance: side effects on import, or never needed.
_NO_PRELOAD = {
    "__main__",
    "antigravity",
    "this",
    "idlelib",
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "ensurepip",
    "venv",
    "pydoc_data",
    "lib2to3",
    "test",
    "distutils",
    "imp",
    "asynchat",
    "asyncore",
    "smtpd",
    "crypt",
    "nis",
    "spwd",
    "ossaudiodev",
    "audioop",
    "cgi",
    "cgitb",
    "chunk",
    "imghdr",
    "mailcap",
    "nntplib",
    "pipes",
    "sndhdr",
    "sunau",
    "telnetlib",
    "uu",
    "xdrlib",
    "aifc",
    "msilib",
    "sre_compile",
    "sre_parse",
    "sre_constants",
    "curses",
    "_curses",
    "_curses_panel",
    "readline",
    "_osx_support",
    "_aix_support",
    "_bootsubprocess",
}
_PRELOAD_SUBMODULES = (
    "collections.abc", "concurrent.futures", "importlib.util", "importlib.machinery",
    "importlib.metadata", "importlib.resources", "json.decoder", "json.encoder", "logging.handlers",
    "os.path", "unittest.mock", "urllib.parse", "urllib.request", "xml.etree.ElementTree",
    "email.message", "multiprocessing.pool", "ctypes.util", "encodings.idna", "http.client",
)  # fmt: skip


def _preload_stdlib() -> None:
    """Import the standard library now, while its files can still be read.

    After dropping privileges the interpreter's own files may be unreadable (e.g. a pyenv
    Python under /root), so modules a submission imports later must already be loaded.
    """
    import importlib
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in sorted(sys.stdlib_module_names - _NO_PRELOAD) + list(_PRELOAD_SUBMODULES):
            if name.startswith("_test") or name.startswith("xx"):
                continue
            try:
                importlib.import_module(name)
            except BaseException:  # noqa: BLE001 - missing optional modules are fine
                pass


def _drop_privileges(uid: int, gid: int) -> None:
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
    if os.getuid() != uid or os.geteuid() != uid or os.getegid() != gid:
        raise SystemExit("could not drop privileges")
    try:
        os.setuid(0)
    except PermissionError:
        return
    raise SystemExit("privileges were not dropped")


def _read_exact(fd: int, n: int) -> bytes:
    chunks = []
    while n:
        chunk = os.read(fd, n)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _send(fd: int, message: dict, wire) -> None:
    payload = wire.encode(message)
    data = struct.pack(">Q", len(payload)) + payload
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _receive(fd: int, wire) -> dict:
    (length,) = struct.unpack(">Q", _read_exact(fd, 8))
    return wire.decode(_read_exact(fd, length))


class Unsupported(Exception):
    """The function returned something that cannot be sent back as plain data."""


def to_plain(value, depth: int = 0):
    """Convert a return value to plain data: tensors, numbers, str, None, lists/tuples/dicts."""
    import torch

    if depth > 20:
        raise Unsupported("the value is nested more than 20 levels deep")
    if value is None or type(value) in (bool, int, float, str, complex):
        return value
    if isinstance(value, torch.Tensor):
        tensor = value.detach()
        if tensor.layout != torch.strided:
            tensor = tensor.to_dense()
        # A subclass (maybe with its own __eq__) becomes a plain tensor holding its data.
        return tensor.as_subclass(torch.Tensor).cpu().clone().contiguous()
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, torch.Size):
        return tuple(int(v) for v in value)
    if isinstance(value, list | tuple):
        items = [to_plain(v, depth + 1) for v in value]
        return tuple(items) if isinstance(value, tuple) else items
    if isinstance(value, dict):
        return {to_plain(k, depth + 1): to_plain(v, depth + 1) for k, v in value.items()}
    if hasattr(value, "__next__") or type(value).__name__ in ("generator", "map", "filter"):
        items = []
        for item in value:
            items.append(to_plain(item, depth + 1))
            if len(items) > MAX_ITEMS:
                raise Unsupported(f"the iterator yielded more than {MAX_ITEMS} items")
        return items
    kind = f"{type(value).__module__}.{type(value).__qualname__}"
    hint = ""
    if kind.startswith("numpy."):
        hint = " Use torch functions so that the result is a torch.Tensor."
    raise Unsupported(f"it returned a {kind}, which is not a tensor, number, list or tuple.{hint}")


def _decode_args(args):
    """Turn ``with_grad`` markers into leaf tensors that require grad and carry ``.grad``."""
    if isinstance(args, dict) and WITH_GRAD in args:
        tensor = args[WITH_GRAD].clone().requires_grad_(True)
        grad = args.get("grad")
        if grad is not None:
            tensor.grad = grad.clone()
        return tensor
    if isinstance(args, list):
        return [_decode_args(a) for a in args]
    if isinstance(args, tuple):
        return tuple(_decode_args(a) for a in args)
    return args


def _seed(seed: int) -> None:
    import random

    import torch

    torch.manual_seed(seed)
    random.seed(seed)
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed(seed)


def _student_traceback(exc: BaseException) -> str:
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.endswith("worker.py")
    ]
    lines = traceback.format_list(frames[-6:])
    lines += traceback.format_exception_only(type(exc), exc)
    return "".join(lines)[-4000:]


def failure(kind: str, exc: BaseException | None = None, message: str = "") -> dict:
    reply = {"ok": False, "kind": kind, "type": "", "message": message, "traceback": ""}
    if exc is not None:
        reply["type"] = type(exc).__name__
        try:
            reply["message"] = message or str(exc)[:2000]
        except BaseException:  # noqa: BLE001 - a hostile __str__ must not break the worker
            reply["message"] = "(the exception's message could not be printed)"
        try:
            reply["traceback"] = _student_traceback(exc)
        except BaseException:  # noqa: BLE001
            pass
    return reply


def load_module(name: str, path: str):
    """Import the module at ``path`` under ``name``; return ``(module, reply)``."""
    import importlib.util

    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except NotImplementedError as exc:
        return None, failure("import", exc)
    except SystemExit as exc:
        return None, failure("exit", exc, f"the module called sys.exit({exc.code!r}) on import")
    except BaseException as exc:  # noqa: BLE001 - any failure of student code is reported
        return None, failure("import", exc)
    return module, {"ok": True}


def call(module, request: dict) -> dict:
    """Call ``module.<fn>`` as the request says and return the reply (plain data only)."""
    import torch

    fn = getattr(module, request["fn"], None)
    if not callable(fn):
        return failure("missing", message=f"the module has no function {request['fn']!r}")
    try:
        args = list(_decode_args(list(request.get("args", []))))
        kwargs = _decode_args(dict(request.get("kwargs", {})))
        grad_inputs = []
        if request.get("grad"):
            for i, a in enumerate(args):
                if isinstance(a, torch.Tensor) and a.is_floating_point() and not a.requires_grad:
                    args[i] = a.clone().requires_grad_(True)
                if isinstance(args[i], torch.Tensor) and args[i].requires_grad:
                    grad_inputs.append(i)
        if request.get("seed") is not None:
            _seed(int(request["seed"]))
    except BaseException as exc:  # noqa: BLE001
        return failure("internal", exc)
    try:
        value = fn(*args, **kwargs)
        grads = None
        if request.get("grad"):
            grads = [None] * len(args)
            if isinstance(value, torch.Tensor) and value.requires_grad and grad_inputs:
                found = torch.autograd.grad(
                    value.sum(), [args[i] for i in grad_inputs], allow_unused=True
                )
                for i, g in zip(grad_inputs, found, strict=True):
                    grads[i] = g
        plain_value = to_plain(value)
        plain_args = to_plain(args)
        plain_grads = to_plain(grads)
        plain_arg_grads = to_plain(_grads_of(args))
    except NotImplementedError as exc:
        return failure("not_implemented", exc)
    except Unsupported as exc:
        return failure("unsupported", message=str(exc))
    except SystemExit as exc:
        return failure("exit", exc, f"the function called sys.exit({exc.code!r})")
    except MemoryError as exc:
        return failure("memory", exc)
    except BaseException as exc:  # noqa: BLE001
        return failure("exception", exc)
    return {
        "ok": True,
        "value": plain_value,
        "args": plain_args,
        "grads": plain_grads,
        "arg_grads": plain_arg_grads,
    }


def _grads_of(args):
    """The ``.grad`` of every tensor argument after the call (None where there is none)."""
    import torch

    if isinstance(args, torch.Tensor):
        return args.grad
    if isinstance(args, list | tuple):
        return [_grads_of(a) for a in args]
    return None


def serve(request_fd: int, response_fd: int, wire, confinement: str) -> None:
    """Answer load and call requests until the grader closes the request pipe.

    ``wire`` is the loaded ``wire.py``: loaded before privileges are dropped, since its file
    may not be readable afterwards. ``confinement`` is what ``landlock.confine`` said ("" when
    this process is confined); the grader is told, for its report.
    """
    modules: dict = {}
    ready = {"ok": True, "ready": True, "pid": os.getpid(), "confinement": confinement}
    _send(response_fd, ready, wire)
    while True:
        try:
            request = _receive(request_fd, wire)
        except EOFError:
            return
        op = request.get("op")
        if op == "load":
            module, reply = load_module(request["name"], request["file"])
            if module is not None:
                modules[request["key"]] = module
        elif op == "call":
            module = modules.get(request["key"])
            if module is None:
                reply = failure("internal", message="module not loaded")
            else:
                reply = call(module, request)
        else:
            reply = failure("internal", message=f"unknown request {op!r}")
        try:
            _send(response_fd, reply, wire)
        except Exception as exc:  # noqa: BLE001 - e.g. a value the wire format cannot carry
            _send(response_fd, failure("unsupported", exc), wire)


def _become_worker(spec: dict, fds: list[int], wire, landlock) -> None:
    """In a child forked by the zygote: set up the process, drop privileges, serve."""
    import random

    import torch

    request_fd, response_fd, out_fd, err_fd = fds
    os.setsid()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    for fd in (null, out_fd, err_fd):
        os.close(fd)
    # Fresh text streams on the new descriptors (whatever sys.stdout was in the zygote).
    sys.stdin = open(0, closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
    os.chdir(spec["dir"])
    os.environ.clear()
    os.environ.update(spec["env"])
    import tempfile

    tempfile.tempdir = None
    os.umask(0o077)
    _set_limits(int(spec["memory_mb"]), int(spec["nproc"]))
    # Before the uid changes: the folders to allow are listed as the zygote's user.
    confinement = landlock.confine(spec["dir"], list(spec.get("hidden", [])))
    if spec["uid"] >= 0:
        _drop_privileges(int(spec["uid"]), int(spec["gid"]))
    # Fresh random state: children must not all share the zygote's.
    torch.seed()
    random.seed()
    serve(request_fd, response_fd, wire, confinement)


def zygote(control_fd: int) -> None:
    """Import torch once, then fork a ready worker for every request on the control socket.

    A request is a JSON spec plus four file descriptors (request and response pipes, stdout,
    stderr); the reply is the child's pid as a JSON line. Only the grader talks to this process;
    children close the control socket before anything else runs.
    """
    import json
    import signal
    import socket

    import torch

    torch.set_num_threads(1)
    wire, landlock = _load_sibling("wire"), _load_sibling("landlock")
    _preload_stdlib()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped automatically
    control = socket.socket(fileno=control_fd)
    control.send(b'{"ready": true}')
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(control, 65536, 4)
        except OSError:
            return
        if not data:
            return
        spec = json.loads(data)
        pid = os.fork()
        if pid == 0:
            try:
                control.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _become_worker(spec, fds, wire, landlock)
            finally:
                os._exit(0)
        for fd in fds:
            os.close(fd)
        control.send(json.dumps({"pid": pid}).encode())


def main(argv: list[str]) -> None:
    if argv[1] == "zygote":
        zygote(int(argv[2]))
        return
    request_fd, response_fd = int(argv[1]), int(argv[2])
    memory_mb = int(argv[3]) if len(argv) > 3 else 2048
    nproc = int(argv[4]) if len(argv) > 4 else 0
    uid = int(argv[5]) if len(argv) > 5 else -1
    gid = int(argv[6]) if len(argv) > 6 else -1
    hidden = json.loads(argv[7]) if len(argv) > 7 else []
    os.umask(0o077)
    # wire.py is read now: it may be hidden (in the repository) once confined, and it cannot
    # be run yet, since it imports torch, and torch starts threads of its own when imported,
    # while Landlock binds only the calling thread (and the threads it starts later).
    wire_source = Path(__file__).with_name("wire.py").read_bytes()
    confinement = _load_sibling("landlock").confine(os.getcwd(), hidden)
    import torch

    torch.set_num_threads(1)
    wire = _load_sibling("wire", wire_source)
    _set_limits(memory_mb, nproc)
    if uid >= 0:
        _preload_stdlib()
        _drop_privileges(uid, gid)
    serve(request_fd, response_fd, wire, confinement)


if __name__ == "__main__":
    main(sys.argv)
