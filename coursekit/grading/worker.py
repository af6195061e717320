"""The zygote, its keepers and the student processes (``python -I -B worker.py CONTROL_FD``); the
requests and replies are in the README. Stdlib, torch, and ``wire.py``, ``landlock.py`` by path."""

from __future__ import annotations

import ctypes
import errno
import itertools
import os
import re
import struct
import sys
import traceback
import types
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path

MAX_ITEMS = 100_000  # items taken from a returned generator before giving up
WITH_GRAD = "__coursekit_with_grad__"
# What a "by hand" call did out of its torch function mode's sight: each counts as a use.
UNSEEN = ("(another thread or process that runs while it computes, such as a thread pool or a"
          " logging QueueListener: the grader cannot see what runs there)",
          "(a tensor subclass of its own, whose __torch_function__ the grader cannot see into)",
          "(more torch functions than the grader notes)",
          "(native code of its own: a library it built or wrote, loaded with ctypes or the like,"
          " whose work the grader cannot see)")  # fmt: skip
REQUEST_CAP = 1 << 30
CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID = 0x08000000, 0x10000000, 0x20000000
CLONE_NEWNET, CLONE_NEWNS = 0x40000000, 0x00020000
# Standard-library modules not imported in advance: side effects on import, or never needed.
_NO_PRELOAD = set(
    "__main__ antigravity this idlelib tkinter _tkinter turtle turtledemo ensurepip venv"
    " pydoc_data lib2to3 test distutils imp asynchat asyncore smtpd crypt nis spwd ossaudiodev"
    " audioop cgi cgitb chunk imghdr mailcap nntplib pipes sndhdr sunau telnetlib uu xdrlib aifc"
    " msilib sre_compile sre_parse sre_constants curses _curses _curses_panel readline"
    " _osx_support _aix_support _bootsubprocess".split()
)


def _load_sibling(name: str):
    """``<name>.py`` from this file's folder, loaded by path (never the rest of coursekit)."""
    path = Path(__file__).with_name(f"{name}.py")
    module = types.ModuleType(f"coursekit_worker_{name}")
    module.__file__ = str(path)
    exec(compile(path.read_bytes(), str(path), "exec"), module.__dict__)  # noqa: S102 - trusted
    return module


def _preload_stdlib() -> None:
    """Import the standard library now, every module of its packages too (codecs a coding cookie
    names): as the worker uid, or under Landlock, its files may be unreadable (Python in /root)."""
    import importlib
    import pkgutil
    import warnings

    def load(name: str) -> None:
        if any(part in _NO_PRELOAD or part.startswith(("_test", "test", "xx"))
               for part in name.split(".")):  # fmt: skip
            return
        with suppress(BaseException):  # missing optional modules are fine
            module = importlib.import_module(name)
            for sub in pkgutil.iter_modules(getattr(module, "__path__", None) or []):
                load(f"{name}.{sub.name}")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in sorted(sys.stdlib_module_names):
            load(name)


class Unsupported(Exception):
    """The function returned something that cannot be sent back as plain data."""


def to_plain(value, depth: int = 0):
    """Convert a return value to plain data: tensors, numbers, str, None, lists/tuples/dicts."""
    import torch

    if depth > 20:
        raise Unsupported("the value is nested more than 20 levels deep")
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0:
        value = value.item()  # a numpy number (np.argmax(...) + 1 is an np.int64): its value
    for kind in (bool, int, float, complex, str):  # subclasses become the plain type
        if isinstance(value, kind):
            return kind(value)
    if value is None:
        return None
    if isinstance(value, torch.Tensor):
        tensor = value.detach()
        if tensor.is_meta:  # copying it out raises NotImplementedError, read as "no body yet"
            raise Unsupported("it returned a tensor on the meta device, which holds no values")
        tensor = tensor.to_dense() if tensor.layout != torch.strided else tensor
        # A subclass (maybe with its own __eq__) becomes a plain tensor holding its data.
        return tensor.as_subclass(torch.Tensor).cpu().clone().contiguous()
    if isinstance(value, torch.Size):
        return tuple(int(v) for v in value)
    if isinstance(value, list | tuple):
        items = [to_plain(v, depth + 1) for v in value]
        return tuple(items) if isinstance(value, tuple) else items
    if isinstance(value, dict):
        return {to_plain(k, depth + 1): to_plain(v, depth + 1) for k, v in value.items()}
    if hasattr(value, "__next__"):
        items = [to_plain(item, depth + 1) for item in itertools.islice(value, MAX_ITEMS + 1)]
        if len(items) > MAX_ITEMS:
            raise Unsupported(f"the iterator yielded more than {MAX_ITEMS} items")
        return items
    kind = f"{type(value).__module__}.{type(value).__qualname__}"
    hint = " Use torch functions so that the result is a torch.Tensor." * kind.startswith("numpy.")
    if not hint and hasattr(type(value), "__iter__"):  # a DataLoader, a range, a set
        hint = (" It can be iterated, but it is no iterator: return iter(...) of it, or yield"
                " its items.")
    raise Unsupported(f"it returned a {kind}, which is not a tensor, number, list or tuple.{hint}")


def _decode_args(args):
    """Turn ``with_grad`` markers into leaf tensors that require grad and carry ``.grad``."""
    if isinstance(args, dict) and WITH_GRAD in args:
        tensor = args[WITH_GRAD].clone().requires_grad_(True)
        if args.get("grad") is not None:
            tensor.grad = args["grad"].clone()
        return tensor
    if isinstance(args, dict):  # keyword arguments
        return {key: _decode_args(value) for key, value in args.items()}
    if isinstance(args, list | tuple):
        return type(args)(_decode_args(a) for a in args)
    return args


def _as_passed(args):
    """The lists and tuples of ``args`` copied, holding the same objects (taken before the
    call, for ``_held``)."""
    if isinstance(args, list | tuple):
        return type(args)(_as_passed(a) for a in args)
    return args


def _held(passed, now):
    """What the caller holds after the call: each list as it is now, but where the call replaced
    a tensor that requires grad (the caller's own, like sgd's params[i] = ...), that tensor."""
    if isinstance(passed, list | tuple) and type(now) is type(passed) and len(now) == len(passed):
        return type(now)(_held(p, n) for p, n in zip(passed, now, strict=True))
    return passed if getattr(passed, "requires_grad", False) else now


def _requiring_grad(args):
    import torch

    if isinstance(args, torch.Tensor) and args.is_floating_point() and not args.requires_grad:
        return args.clone().requires_grad_(True)
    return type(args)(_requiring_grad(a) for a in args) if isinstance(args, list | tuple) else args


def _tensors(args):
    """The tensors of ``args``, also inside lists and tuples, in order."""
    import torch

    if isinstance(args, torch.Tensor):
        return [args]
    return [t for a in args for t in _tensors(a)] if isinstance(args, list | tuple) else []


def _storages(value) -> set[int]:
    """Where the tensors of ``value`` keep their data (also in lists, tuples, dict values)."""
    import torch

    if isinstance(value, torch.Tensor):
        return {value.untyped_storage().data_ptr()} - {0} if value.numel() else set()
    if isinstance(value, dict):
        value = list(value.values())
    return set().union(*map(_storages, value)) if isinstance(value, list | tuple) else set()


def _nested(args, of_tensor):
    """``args`` with each tensor replaced by ``of_tensor(tensor)`` and anything else by None."""
    import torch

    if isinstance(args, torch.Tensor):
        return of_tensor(args)
    return [_nested(a, of_tensor) for a in args] if isinstance(args, list | tuple) else None


# (words of an error, what the student can do): errors of code written for another machine.
_CPU = (" (the grader runs your code on the CPU: make tensors on the device of the inputs,"
        " x.device, not on 'cuda')")
_HINTS = [("IProgress not found", " (tqdm.notebook draws in Jupyter only: use `from tqdm.auto"
                                  " import tqdm`, which works everywhere)"),
          ("no NVIDIA driver", _CPU), ("not compiled with CUDA", _CPU),
          ("Index put requires the source and destination dtypes match",
           " (out[mask] = values writes values of one dtype into a tensor of another, which"
           " NumPy casts and torch refuses: make the tensor you fill in the dtype of the values,"
           " e.g. torch.zeros_like(x) without dtype=, or write values.to(out.dtype))"),
          ("does not require grad and does not have a grad_fn",
           " (the grader's tensors do not require grad unless the docstring says so, and autograd"
           " tracks only those that do: where it asks for gradients by hand, compute them with"
           " the chain rule instead of calling backward)")]  # fmt: skip


def failure(kind: str, exc: BaseException | None = None, message: str = "") -> dict:
    """The reply for a request that failed: ``{"ok": False, "kind", "type", "message",
    "traceback"}``, plain strings cut to size whatever ``exc`` does when printed."""
    # a given message (sys.exit's argument) is cut too: the grader refuses more than wire.MAX_CHARS
    reply = {"ok": False, "kind": kind, "type": "", "message": message[:20_000], "traceback": ""}
    if exc is not None:
        try:  # a hostile __str__ or __name__ must not break the worker
            reply["type"] = str(type(exc).__name__)[:200]
            builtin = [c for c in type(exc).__mro__ if c.__module__ == "builtins"]
            reply["raised"] = [str(c.__name__)[:100] for c in builtin[:8]]
            # A message may name files too (TorchScript quotes its traceback): as in frames.
            reply["message"] = message or re.sub(
                r"(?<![\w.~/:])/(?:[^\s\"'<>:()/]+/)+[^\s\"'<>:()/]+",  # not a URL's //host/
                lambda path: shown_path(path.group(0)), str(exc)[:20_000])[:2000]  # fmt: skip
            every = traceback.extract_tb(exc.__traceback__)
            # not <frozen ...>, nor what only _watch's modes run: torch/_ops.py where its
            # dispatch mode calls an op, torch's handing of a call to its function mode
            frames = [f for i, f in enumerate(every)
                      if not f.filename.endswith("worker.py") and f.filename[:1] != "<"
                      and not (i and every[i - 1].name == "__torch_dispatch__"
                               and every[i - 1].filename.endswith("worker.py"))
                      and not (f"{os.sep}torch{os.sep}" in f.filename and any(
                          w in (f.line or "") for w in ("handle_torch_function(",
                                                         "__torch_function__(")))]  # fmt: skip
            for frame in frames:
                frame.filename = shown_path(frame.filename)
            frames = frames[:1] + frames[-5:] if len(frames) > 6 else frames  # theirs first
            # The frames only: the reply's type and message say what was raised.
            reply["traceback"] = "".join(traceback.format_list(frames))[-4000:]
            if isinstance(exc, SyntaxError) and exc.text:  # its line, with a caret under it
                exc.filename = shown_path(str(exc.filename))
                reply["traceback"] += "".join(traceback.format_exception_only(exc))[-2000:]
            reply["message"] += "".join(hint for words, hint in _HINTS if words in str(exc))
            if isinstance(exc, OSError) and any("multiprocessing" in f.filename for f in frames):
                reply["message"] += (" (the grader runs your code where it may write only in its"
                                     " own folder: processes that share memory cannot start there."
                                     " DataLoader(..., num_workers=0) loads the batches in your own"
                                     " process, as the course's pages do)")  # fmt: skip
        except BaseException:  # noqa: BLE001
            reply["message"] = reply["message"] or "(the exception could not be printed)"
    return reply


def shown_path(filename: str) -> str:
    """A frame's file as the student knows it: ``torch/functional.py`` for a library, else the
    file's name (``linear_regression.py``); never a folder of the grading machine."""
    for root in sorted((p.rstrip(os.sep) for p in sys.path if p.rstrip(os.sep)), key=len,
                       reverse=True):  # fmt: skip
        if filename.startswith(root + os.sep):
            return filename[len(root) + 1 :]
    return os.path.basename(filename)


def _uses_optim(path: str) -> bool:
    """Whether the module's code (its docstrings aside) uses torch.optim."""
    import ast

    with open(path, "rb") as source:
        tree = ast.parse(source.read())
    for node in ast.walk(tree):
        names = [node.attr] if isinstance(node, ast.Attribute) else []
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [getattr(node, "module", None) or "", *(a.name for a in node.names)]
        if any("optim" in name.split(".") for name in names):
            return True
    return False


def load_module(name: str, path: str):
    """Import the module at ``path`` under ``name``; return ``(module, reply)``."""
    import importlib.util

    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except SystemExit as exc:
        return None, failure("exit", exc, f"the module called sys.exit({exc.code!r}) on import")
    except BaseException as exc:  # noqa: BLE001 - any failure of student code is reported
        return None, failure("import", exc)
    return module, {"ok": True}


def call(module, request: dict) -> dict:
    """Call ``module.<fn>`` as the request says and return the reply (plain data only)."""
    import random
    import threading
    import time

    import torch

    fn = getattr(module, request["fn"], None)
    if not callable(fn):
        return failure("missing", message=f"the module has no function {request['fn']!r}")
    args = _decode_args(list(request.get("args", [])))
    kwargs = _decode_args(dict(request.get("kwargs", {})))
    weights = request.get("grad")  # True, or the weights of value's entries in the sum
    wants_grad = weights is True or type(weights) is torch.Tensor
    if wants_grad:  # every floating tensor argument, in lists too: a leaf with grad
        args = _requiring_grad(args)
    passed = _as_passed(args)
    if request.get("seed") is not None:  # torch's seed and that of Python's and NumPy's
        seeds = request["seed"] if type(request["seed"]) is tuple else (request["seed"],) * 2
        torch.manual_seed(int(seeds[0]))
        random.seed(int(seeds[1]))
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed(int(seeds[1]))
    reached: set[str] = set()
    try:
        watched = request.get("watch") is True
        if watched and (bars := sys.modules.get("tqdm.std")):  # another thread would count
            bars.tqdm.monitor_interval = 0
            for monitor in (t for t in threading.enumerate() if isinstance(t, bars.TMonitor)):
                tasks = len(_beside())
                monitor.exit()  # joined, but its task leaves /proc a moment later: wait (<1 s)
                any(len(_beside()) < tasks or time.sleep(0.001) for _ in range(1000))
        # torch's pool of threads (set_num_threads(4) at import is honest) would run beside it.
        threads = torch.get_num_threads()
        if watched:
            torch.set_num_threads(1)
        beside = _beside() if watched else {}
        given = wants_grad or any(t.requires_grad for t in _tensors([args, [*kwargs.values()]]))
        try:
            watch = _watch(reached, not given, vars(module), request["fn"]) if watched else None
            # Under no_grad, as an evaluation loop calls it: code keyed on the grad mode is seen.
            off = torch.no_grad() if request.get("no_grad") is True else nullcontext()
            with watch or nullcontext(), off:
                value = fn(*args, **kwargs)
                plain = to_plain(value)  # code a lazy value runs (a generator, a subclass) too
        finally:
            torch.set_num_threads(threads)
        if watched and (beside != _beside() or beside.get("children")):
            reached.add(UNSEEN[0])
        shares = []  # the positional arguments the value holds (or views of them): no copy
        with suppress(Exception):  # a meta or sparse value has no storage to compare
            held_data = _storages(value)
            shares = [i for i, a in enumerate(args) if _storages(a) & held_data]
        grads = None
        if wants_grad:  # of value.sum() (or of (value * weights).sum()), for each tensor
            leaves = [t for t in _tensors(passed) if t.requires_grad]  # the caller passed
            found = {}
            if leaves and isinstance(value, torch.Tensor) and value.requires_grad:
                weighed = type(weights) is torch.Tensor and weights.shape == value.shape
                total = (value * weights).sum() if weighed else value.sum()
                found = torch.autograd.grad(total, leaves, allow_unused=True)
                found = dict(zip(map(id, leaves), found, strict=True))
            grads = _nested(passed, lambda t: found.get(id(t)))
        reply = {"ok": True, "value": plain, "args": [], "grads": to_plain(grads),
                 "reached": sorted(reached), "shares": shares}
        if request.get("echo", True):  # the arguments after the call: changed in place?
            held = _held(passed, args)
            reply.update(args=to_plain(held), arg_grads=to_plain(_nested(held, lambda t: t.grad)))
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
    return reply


@contextmanager
def _watch(reached: set, graphless: bool, own: dict, fn: str):
    """Note in ``reached`` each torch function ("module.name"), aten op ("aten.<op>") and
    coursekit function the call uses, however reached (README: "Written by hand"). ``graphless``:
    a recorded graph counts as autograd. ``own``: the module's globals; a use inside another of
    its functions than ``fn`` is noted with their names ("torch.sigmoid@sigmoid")."""
    import torch
    from torch.overrides import TorchFunctionMode
    from torch.utils._python_dispatch import TorchDispatchMode

    # torch's own subclasses, whose __torch_function__ runs no code of the student's
    torchs = (torch.Tensor, torch.nn.Parameter, getattr(torch.nn, "Buffer", torch.Tensor))

    class Watch(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            plain = all(t in torchs for t in types)
            if not plain:  # a subclass's code runs unwatched
                reached.add(UNSEEN[1])
            module = getattr(func, "__module__", None) or "torch.Tensor"
            module = "torch.Tensor" if module == "torch._tensor" else module  # .backward
            note(f"{module}.{getattr(func, '__name__', '?')}")
            # Python torch calls back meanwhile runs with this mode off: Compiled sees its ops.
            out = func(*args, **(kwargs or {}))
            # A graph (grad_fn) is autograd's; a leaf that merely requires grad (a Module's
            # Parameters under torch.no_grad()) is honest.
            if graphless and any(t.grad_fn is not None for t in _tensors(out)):
                reached.add("torch.autograd.(a tensor made to require grad, in a call given none)")
            return out

    class Compiled(TorchDispatchMode):
        @classmethod
        def _should_skip_dynamo(cls) -> bool:  # else torch wraps us in torch._dynamo.disable,
            return False  # whose import at the first op took 1.3 s of a worker's time

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            note(f"aten.{getattr(func, '__name__', '?').partition('.')[0]}")
            if torch._C._current_graph_task_id() != -1:  # however the engine was started
                reached.add("torch.autograd.(its engine, running a backward pass)")
            with torch._C.DisableTorchFunction():  # not noted again as torch._ops
                return func(*args, **(kwargs or {}))

    def inside() -> str:
        """The module's functions (``own``'s, by name and code) that run around this frame."""
        names, frame = set(), sys._getframe(2)
        for _ in range(500):  # a deeper stack names no more
            if frame is None:
                break
            code = frame.f_code
            held = dict.get(own, code.co_name)
            if type(held) is types.FunctionType and held.__code__ is code and code.co_name != fn:
                names.add(code.co_name)
            frame = frame.f_back
        return ",".join(sorted(names))

    def note(name: str) -> None:
        within = inside()
        name = f"{name[:140]}@{within[:59]}" if within else name[:200]
        reached.add(name if len(reached) < 256 else UNSEEN[2])

    # The course's own library, which no mode sees: by module or by code file (a copy with its
    # own globals runs the same code); not coursekit/grading (to_plain runs in the call).
    import importlib.util

    library = {Path(__file__).resolve().parents[1]}
    with suppress(Exception):
        library.update(map(Path, importlib.util.find_spec("coursekit").submodule_search_locations))
    files = tuple(f"{folder}{os.sep}" for folder in library)
    grader = tuple(f"{folder}{os.sep}grading{os.sep}" for folder in library)

    def profile(frame, event, arg) -> None:
        if event != "call":
            return
        module, file = dict.get(frame.f_globals, "__name__"), frame.f_code.co_filename
        if type(module) is str and module.partition(".")[0] == "coursekit":
            note(f"{module}.{frame.f_code.co_name}")
        elif type(file) is str and file.startswith(files) and not file.startswith(grader):
            note(f"coursekit.({os.path.basename(file)}).{frame.f_code.co_name}")

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        with Watch(), Compiled():
            yield
    finally:
        sys.setprofile(previous)


def _beside() -> dict:
    """What runs beside the calling thread (Linux): each other thread's run time so far, the
    child processes of all, the pid last given out in its own pid namespace (it is its init)."""
    found = {"children": ""}
    try:
        me = os.readlink("/proc/thread-self").rpartition("/")[2]
        for tid in os.listdir("/proc/self/task"):
            found[tid] = "" if tid == me else Path(f"/proc/self/task/{tid}/schedstat").read_text()
            found["children"] += Path(f"/proc/self/task/{tid}/children").read_text()
        found["pid"] = Path("/proc/sys/kernel/ns_last_pid").read_text() * (os.getpid() == 1)
    except OSError as exc:  # no /proc (macOS): nothing to compare; out of descriptors: unseen
        found["children"] = "(unreadable)" * (exc.errno in (errno.EMFILE, errno.ENFILE))
    except IndexError:
        pass
    return found


def torch_defaults(saved=None):
    """Set torch's default dtype and grad mode to ``saved`` (torch's own when None) and return
    what they were: what a module's import sets applies to that module's calls only."""
    import torch

    before = (torch.get_default_dtype(), torch.is_grad_enabled())
    dtype, grad = saved or (torch.float32, True)
    torch.set_default_dtype(dtype)
    torch.set_grad_enabled(grad)
    return before


def _elf(path: bytes) -> bool:
    """Whether the file is machine code (an extension module may have any name)."""
    with suppress(OSError), open(path, "rb") as file:
        return file.read(4) == b"\x7fELF"
    return False


def _native_code(folder: bytes, opened: list) -> bool:
    """Whether the student process runs native code of its own: a library of ``folder`` opened
    (``opened``: the audit hook's record) or executable pages mapped from it (where no mount
    namespace made it noexec)."""
    if opened:
        return True
    with suppress(OSError), open("/proc/self/maps", "rb") as maps:
        return any(len(f) == 6 and b"x" in f[1] and f[5].startswith(folder)
                   for f in (line.split(None, 5) for line in maps))  # fmt: skip
    return False


def serve(request_fd: int, response_fd: int, wire, confinement: str) -> None:
    """Answer load and call requests until the grader closes the request pipe."""
    modules: dict = {}
    # An audit hook (it cannot be removed) sees a library of its folder opened, also one that
    # leaves no mapping behind (closed within the call, its pages made unexecutable).
    folder, opened = os.path.join(os.path.realpath(os.getcwd()), "").encode(), []

    def audit(event: str, args: tuple) -> None:
        at = {"ctypes.dlopen": 0, "import": 1}.get(event, len(args))
        path = args[at] if at < len(args) else None
        if type(path) in (str, bytes) and b"/" in os.fsencode(path):  # a bare name: the system's
            with suppress(ValueError, OSError):  # (a NUL in the name: nothing is opened)
                real = os.path.realpath(os.fsdecode(path)).encode()
                if real.startswith(folder) and (event != "import" or _elf(real)):
                    opened[:] = [real]

    sys.addaudithook(audit)
    wire.send(response_fd, {"ok": True, "ready": True, "confinement": confinement})
    while True:
        try:
            request = wire.receive(request_fd, REQUEST_CAP)
        except EOFError:
            return
        if request.get("op") == "load":
            torch_defaults()
            with suppress(Exception):  # within the import's longer limit (isolation.py)
                if _uses_optim(request["file"]):
                    import torch._dynamo  # noqa: F401 - what torch.optim's first step imports
            module, reply = load_module(request["name"], request["file"])
            modules[request["key"]] = module, torch_defaults()  # what its import set
        else:  # the grader calls only into modules that loaded
            try:
                module, saved = modules[request["key"]]
                torch_defaults(saved)
                reply = call(module, request)
                if request.get("watch") is True and _native_code(folder, opened):
                    reply["reached"] = [*reply.get("reached", []), UNSEEN[3]]
            except BaseException as exc:  # noqa: BLE001 - e.g. a malformed request
                reply = failure("internal", exc)
        try:
            wire.send(response_fd, reply)
        except Exception as exc:  # noqa: BLE001 - e.g. a value the wire format cannot carry
            wire.send(response_fd, failure("unsupported", exc))


def _fresh_keyrings(libc, own_uid: bool) -> None:
    """A session keyring of its own; with ``own_uid``, that uid's user, user-session and persistent
    keyrings emptied (keys outlive processes, and root reuses a slot's uid)."""
    number = {"x86_64": 250, "aarch64": 219}.get(os.uname().machine)  # keyctl(2)
    if number is None:
        return
    keyctl = lambda *args: libc.syscall(ctypes.c_long(number), *map(ctypes.c_long, args))  # noqa: E731
    keyctl(1, 0)  # KEYCTL_JOIN_SESSION_KEYRING, a new anonymous one
    for keyring in (keyctl(22, -1, -4), -4, -5) if own_uid else ():  # GET_PERSISTENT, @u, @us
        if keyring != -1:
            keyctl(7, keyring)  # KEYCTL_CLEAR


# Syscalls no exercise needs, refused (README's "Limits" and "What holds where" give each case):
# kernel keys outlive processes; inotify/fanotify see names in folders it may not list; memfds,
# io_uring, AIO, descriptors in flight (sendmsg) and splice's pages hold memory or removed files
# no watch sees; SysV queues, semaphores, record locks and xattrs are kernel memory no limit
# counts; namespaces of its own hide processes from the watch; AF_UNIX and AF_VSOCK sockets reach
# past every namespace; sched_setaffinity leaves the one core `grade` gives it; fallocate's
# KEEP_SIZE skips RLIMIT_FSIZE. By arch: AUDIT_ARCH; add_key, request_key, keyctl,
# inotify_init(1), fanotify_init, memfd_create, unshare, setns, _IO (the same on both: io_uring's
# three, memfd_secret, setxattrat), vmsplice, splice, tee, sendfile, msgget, semget, setxattr,
# lsetxattr, fsetxattr, sendmsg, sendmmsg, io_setup, io_submit, sched_setaffinity, userfaultfd,
# perf_event_open, bpf (Docker's default profile refuses these three too); then clone,
# fcntl, socket (whose arguments the filter reads) and fallocate (EOPNOTSUPP: glibc then writes).
_IO = (425, 426, 427, 447, 463)
_DENIED = {"x86_64": (0xC000003E, (248, 249, 250, 253, 294, 300, 319, 272, 308, *_IO,
                                   278, 275, 276, 40, 68, 64, 188, 189, 190, 46, 307, 206, 209,
                                   203, 323, 298, 321), 56, 72, 41, 285),
           "aarch64": (0xC00000B7, (217, 218, 219, 26, 262, 279, 97, 268, *_IO,
                                    75, 76, 77, 71, 186, 190, 5, 6, 7, 211, 269, 0, 2, 122,
                                    282, 241, 280), 220, 25, 198, 47)}  # fmt: skip
# F_SETLEASE, F_NOTIFY, then F_SETLK, F_SETLKW, F_OFD_SETLK, F_OFD_SETLKW
DENIED_FCNTL = (1024, 1026, 6, 7, 37, 38)
SOCKET_FAMILIES = (2, 10, 16)  # AF_INET, AF_INET6, AF_NETLINK (glibc's getaddrinfo uses it)
CLONE_NEW_ANY = 0x7E020000  # CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET
# A thread (CLONE_THREAD) must share its process's descriptors (CLONE_FILES): /proc/PID/fd lists
# the leader's table alone, so files held in a table of its own go unseen.
CLONE_THREAD, CLONE_FILES = 0x10000, 0x400
# close_range(2)'s flag that gives the calling thread a table of its own (unshare is refused)
CLOSE_RANGE_UNSHARE = 2


def _deny_syscalls(libc) -> None:
    """A seccomp filter: ``_DENIED``'s syscalls, a clone with namespace flags or a thread's own
    descriptor table, close_range unsharing it, and every syscall of another ABI (i386, x32) fail
    with EPERM; clone3 with ENOSYS (glibc then clones), fallocate with EOPNOTSUPP."""
    if os.uname().machine not in _DENIED:
        return
    arch, numbers, clone, fcntl, socket, fallocate = _DENIED[os.uname().machine]
    # (BPF code, constant, jump if true, if false: a label, or None for the next). Loads:
    # seccomp_data's arch (4), nr (0), the low halves of args[0] (16), args[1] (24), args[2] (32).
    load, equal, at_least, has, give = 0x20, 0x15, 0x35, 0x45, 0x06
    program = [(load, 4, None, None), (equal, arch, None, "deny"), (load, 0, None, None),
               (at_least, 0x40000000, "deny", None),  # x32's numbers
               *((equal, nr, "deny", None) for nr in numbers), (equal, 435, "nosys", None),
               (equal, fallocate, "unsupported", None),
               (equal, fcntl, None, "socket"), (load, 24, None, None),
               *((equal, cmd, "deny", None) for cmd in DENIED_FCNTL[:-1]),
               (equal, DENIED_FCNTL[-1], "deny", "allow"),
               "socket", (equal, socket, None, "clone"), (load, 16, None, None),
               *((equal, f, "allow", None) for f in SOCKET_FAMILIES[:-1]),
               (equal, SOCKET_FAMILIES[-1], "allow", "deny"),
               "clone", (equal, clone, None, "close_range"), (load, 16, None, None),
               (has, CLONE_NEW_ANY, "deny", None), (has, CLONE_THREAD, None, "allow"),
               (has, CLONE_FILES, "allow", "deny"),
               "close_range", (equal, 436, None, "allow"), (load, 32, None, None),  # args[2]
               (has, CLOSE_RANGE_UNSHARE, "deny", "allow"),
               "allow", (give, 0x7FFF0000, None, None),
               "deny", (give, 0x00050000 | 1, None, None),  # SECCOMP_RET_ERRNO | EPERM
               "nosys", (give, 0x00050000 | 38, None, None),  # | ENOSYS
               "unsupported", (give, 0x00050000 | 95, None, None)]  # | EOPNOTSUPP
    code, at = [], {}
    for op in program:
        if isinstance(op, str):
            at[op] = len(code)  # a label: the instruction after it
        else:
            code.append(op)
    jump = lambda label, i: 0 if label is None else at[label] - i - 1  # noqa: E731
    filtered = b"".join(struct.pack("=HBBI", c, jump(t, i), jump(f, i), k)
                        for i, (c, k, t, f) in enumerate(code))  # fmt: skip

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]

    libc.prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS: required of a process without privileges
    libc.prctl(22, 2, ctypes.byref(Program(len(code), filtered)), 0, 0)  # SECCOMP_MODE_FILTER


def _read_only_but(folder: str, libc) -> None:
    """In a mount namespace of its own, every mount read-only (and private) but ``folder``:
    Landlock has no rule for chmod, chown, utime or setxattr, which the grader's own uid (a
    normal user) could aim at the grader's files. Where it cannot be made, nothing changes."""

    def change(path: str, flags: int, *attr: int) -> int:  # mount_setattr(2), Linux 5.12+
        attr = ctypes.create_string_buffer(bytes((ctypes.c_uint64 * 4)(*attr)))
        return libc.syscall(ctypes.c_long(442), ctypes.c_long(-100), path.encode(),
                            ctypes.c_long(flags), attr, ctypes.c_long(len(attr)))  # fmt: skip

    # struct mount_attr: attr_set, attr_clr, propagation. AT_RECURSIVE, MOUNT_ATTR_RDONLY, and
    # MS_PRIVATE: the bind mount below never reaches the grader's mount namespace.
    if getattr(libc, "unshare", lambda flags: -1)(CLONE_NEWNS) == 0 and change(
        "/", 0x8000, 1, 0, 1 << 18
    ) == 0 and libc.mount(folder.encode(), folder.encode(), None, 4096, None) == 0:  # MS_BIND
        # Its folder writable again but noexec (and nosuid, nodev): no library it builds can be
        # loaded, to run native code out of the by-hand watch's sight.
        change(folder, 0, 0x8 | 0x2 | 0x4, 1)
        os.chdir(folder)  # on that mount
        # Its own pid namespace's procfs: the machine's lists other graders' command lines.
        # MS_NOSUID | MS_NODEV | MS_NOEXEC.
        if os.getpid() == 1:
            libc.mount(b"proc", b"/proc", b"proc", 2 | 4 | 8, None)


def _become_student(spec: dict, fds: list[int], wire, landlock, libc, userns: bool) -> None:
    import random
    import resource
    import tempfile

    import torch

    request_fd, response_fd = fds
    # Its stdin, stdout and stderr are the zygote's, /dev/null: what it prints reaches no one.
    os.setsid()
    # Orphans of its children become its own, not init's: a helper forked twice stays in the tree
    # the watch counts (where no pid namespace holds it).
    with suppress(AttributeError):
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    os.chdir(spec["dir"])
    os.environ.clear()
    os.environ.update(spec["env"])
    tempfile.tempdir = None
    os.umask(0o077)
    # Out of memory, the kernel kills its processes (and children) first, never the grader
    # (README); written before Landlock and the uid drop, which keep it from lowering that.
    with suppress(OSError):
        Path("/proc/self/oom_score_adj").write_text("1000")
    # SysV shared memory of its IPC namespace within the memory limit (without a namespace these
    # limits are the machine's: the grader counts the segments instead).
    pages = int(spec["memory_mb"]) * 2**20 // os.sysconf("SC_PAGE_SIZE")
    shm_limits = (("shmall", pages), ("shmmax", int(spec["memory_mb"]) * 2**20))
    for name, value in shm_limits if spec["ipc_ns"] else ():
        with suppress(OSError):
            Path(f"/proc/sys/kernel/{name}").write_text(str(value))
    # RLIMIT_DATA counts malloc'ed memory, not the address space CUDA torch maps: now + memory_mb.
    try:  # Linux; elsewhere the limit is memory_mb alone
        with open("/proc/self/status") as status:
            used_kb = next((int(x.split()[1]) for x in status if x.startswith("VmData:")), 0)
    except OSError:
        used_kb = 0
    limits = [(resource.RLIMIT_DATA, used_kb * 1024 + int(spec["memory_mb"]) * 2**20),
              (resource.RLIMIT_CORE, 0), (resource.RLIMIT_FSIZE, 64 * 2**20),
              # locked pages of shared files are nobody's private memory; no exercise locks any
              (resource.RLIMIT_MEMLOCK, 0),
              (resource.RLIMIT_NOFILE, min(256, resource.getrlimit(resource.RLIMIT_NOFILE)[1]
                                          % 2**63))]  # fmt: skip (the grader watches each)
    # No POSIX message queue: one outlives its maker under a name no /proc file lists (README).
    limits += [(resource.RLIMIT_MSGQUEUE, 0)] if hasattr(resource, "RLIMIT_MSGQUEUE") else []
    # A fork bomb stops at 256 tasks: Linux counts them per uid and user namespace, so a normal
    # user without a namespace of its own would share the grader's count: no limit (README).
    nproc = spec["nproc"] or (256 if userns else 0)
    limits += [(resource.RLIMIT_NPROC, nproc)] if nproc else []
    for which, value in limits:
        resource.setrlimit(which, (value, value))
    _read_only_but(spec["dir"], libc)
    confinement = landlock.confine(spec["dir"], list(spec["hidden"]))
    if spec["uid"] is not None:  # as root: a uid of its own, no groups (for good: no saved uid 0)
        os.setgroups([])
        os.setgid(spec["gid"])
        os.setuid(spec["uid"])
        if (os.getuid(), os.geteuid(), os.getegid()) != (spec["uid"], spec["uid"], spec["gid"]):
            raise SystemExit("could not drop privileges")
    elif userns:  # the capabilities a fresh user namespace grants (over that namespace only)
        header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, itself
        if libc.capset(header, (ctypes.c_uint32 * 6)()) != 0:
            raise SystemExit("could not drop capabilities")
    _fresh_keyrings(libc, spec["uid"] is not None)
    _deny_syscalls(libc)
    torch.seed()  # fresh random state: children must not all share the zygote's
    random.seed()
    serve(request_fd, response_fd, wire, confinement)
    os._exit(0)


def _keeper(spec: dict, fds: list[int], wire, landlock) -> None:
    """Enter fresh namespaces, fork the student process, then tell the grader, on the status
    pipe (``fds[2]``, which the student process never holds), its pid and its exit status."""
    libc = ctypes.CDLL(None, use_errno=True)
    uid, gid, userns = os.getuid(), os.getgid(), False
    unshare = getattr(libc, "unshare", lambda flags: -1)  # Linux only
    # Also a network namespace where possible: only a loopback that is down, so nothing (a hidden
    # test's inputs) leaves the machine, not even by UDP.
    flags = CLONE_NEWPID | CLONE_NEWIPC
    spec["ipc_ns"] = unshare(flags | CLONE_NEWNET) == 0 or unshare(flags) == 0
    if not spec["ipc_ns"] and uid != 0:
        flags |= CLONE_NEWUSER
        spec["ipc_ns"] = userns = unshare(flags | CLONE_NEWNET) == 0 or unshare(flags) == 0
        if userns:  # the same uid and gid inside as outside
            Path("/proc/self/setgroups").write_text("deny")
            Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
            Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")
    status_fd, zygote = fds.pop(), os.getppid()
    pid = os.fork()
    if pid == 0:
        os.close(status_fd)
        _become_student(spec, fds, wire, landlock, libc, userns)
    for fd in fds:
        os.close(fd)
    # A grading process that dies closes its zygote's socket and the zygote returns: then this
    # keeper kills the student process (pid 1 of a pid namespace: all of it; else its group).
    import signal

    def orphaned(*_):
        for kill in (os.kill, os.killpg):
            with suppress(OSError):
                kill(pid, signal.SIGKILL)
        # Without a pid namespace, as root: every process of its uid, also one that called setsid.
        for _ in range(3 if spec["uid"] is not None else 0):
            for entry in os.listdir("/proc"):
                with suppress(OSError, ValueError):
                    if os.stat(f"/proc/{entry}").st_uid == spec["uid"]:
                        os.kill(int(entry), signal.SIGKILL)
        os._exit(0)

    signal.signal(signal.SIGTERM, orphaned)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: when the zygote ends
    if os.getppid() != zygote:  # it ended already
        os.kill(os.getpid(), signal.SIGTERM)
    wire.send(status_fd, pid)
    wire.send(status_fd, os.waitpid(pid, 0)[1])


def zygote(control_fd: int) -> None:
    """Import torch once, then for every spec the grader sends on the control socket (with
    three file descriptors: the request and response pipes, the status pipe), fork a keeper."""
    import json
    import signal
    import socket

    import torch

    torch.set_num_threads(1)
    # torch.compile takes minutes per new shape, past any call's limit, and changes no result.
    torch.compile = lambda model=None, **_: model if model is not None else (lambda fn: fn)
    wire, landlock = _load_sibling("wire"), _load_sibling("landlock")
    _preload_stdlib()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # keepers are reaped automatically
    control = socket.socket(fileno=control_fd)
    control.send(b"ready")
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(control, 65536, 3)
        except OSError:
            return
        if not data:
            return
        if os.fork() == 0:
            try:
                control.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _keeper(json.loads(data), fds, wire, landlock)
            finally:
                os._exit(0)
        for fd in fds:
            os.close(fd)
        control.send(b"forked")


if __name__ == "__main__":
    zygote(int(sys.argv[1]))
