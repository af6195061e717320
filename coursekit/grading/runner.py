"""Running grading tests (:func:`run_check`, for every way of grading) and grading submissions,
many at once in ``jobs`` grading processes (:func:`grade_many`). Torch-free at import."""

from __future__ import annotations

import atexit
import hashlib
import itertools
import os
import re
import stat
import subprocess
import sys
import threading
import time
import traceback
import unicodedata
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from multiprocessing.connection import Connection, Pipe, wait
from pathlib import Path

from coursekit.grading import zygote
from coursekit.grading.course import Check, Course
from coursekit.grading.zygote import DEFAULT_BUDGET, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT

# The course graded when none is given (see Course.default).
COURSE = Course.default()
CHECKS_DIR, REFERENCE_DIR, EXERCISES_DIR = COURSE.checks, COURSE.reference, COURSE.exercises
REPO = EXERCISES_DIR.parent
MESSAGE_CAP = 4000  # characters of any text from student code kept in a report (per test)


def _escaped(c: str) -> str:
    """``c`` as a Python string literal writes it (a surrogateescape'd byte as ``\\xff``, a space as
    ``\\x20``), so that no two texts are shown alike."""
    code = ord(c)
    if code < 0x80:
        return "\\x20" if c == " " else repr(c)[1:-1] if c != "\\" else "\\\\"
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def clip(text: str, cap: int = MESSAGE_CAP) -> str:
    """``text`` cut to ``cap`` characters, control characters (not line ends, tabs) and lone
    surrogates (which cannot be printed or written as UTF-8) escaped."""
    text, shown, size = str(text), [], 0
    for i, c in enumerate(text):
        piece = c if c.isprintable() or c in "\n\t" else _escaped(c)
        if size + len(piece) > cap:  # never half an escape
            return "".join(shown) + f" [... {len(text) - i} more characters]"
        shown.append(piece)
        size += len(piece)
    return "".join(shown)


# Printable but invisible: a name "alice" + one of these looked like "alice".
_INVISIBLE = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164"
                        "\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]")


def _scripts(text: str) -> set[str]:
    """The scripts of ``text``'s letters ("LATIN", "CYRILLIC", ...; kana and hangul as "CJK")."""
    found = set()
    for c in text:
        script = unicodedata.name(c, "?").split()[0] if c.isalpha() else None
        found.add("CJK" if script in ("HIRAGANA", "KATAKANA", "HANGUL") else script)
    return found - {None}


# Latin letters that are no ASCII letter with marks and look like none (names keep them).
_LATIN_OWN = set("ßøØæÆœŒłŁđĐðÐþÞħĦ")


def _lookalike(c: str, before: str) -> bool:
    """Whether non-ASCII ``c`` may pass for ASCII: a non-letter, a compatibility form (NFKC
    changes it), a mark over an ASCII ``before``, a Latin letter of another shape (not é, ß)."""
    kind = unicodedata.category(c)
    if kind[0] == "M":
        return before.isascii()
    if kind[0] != "L" or unicodedata.normalize("NFKC", c) != c:
        return True
    base = unicodedata.normalize("NFD", c)[0]
    return unicodedata.name(c, "").startswith("LATIN") and not base.isascii() and (
        c not in _LATIN_OWN)


def safe_name(name: str) -> str:
    """``name`` for a report, so that no two names look alike: odd bytes, control, invisible and
    look-alike characters escaped, and every non-ASCII one of a name not in NFC or mixing scripts
    (README: "Intake and bounds"); over 255 characters: its start and end and a hash of it."""
    raw = os.fsencode(name)
    text = raw.decode("utf-8", "surrogateescape")
    odd = unicodedata.normalize("NFC", text) != text or len(_scripts(text)) > 1
    shown = "".join(
        _escaped(c) if not c.isprintable() or c == "\\" or (odd and not c.isascii())
        or (c.isspace() and (i in (0, len(text) - 1) or not c.isascii()))
        or _INVISIBLE.match(c) or (not c.isascii() and _lookalike(c, text[i - 1 : i] or " "))
        else c
        for i, c in enumerate(text)
    )  # fmt: skip
    if len(shown) > 255:
        shown = f"{shown[:150]}...{shown[-80:]} #{hashlib.sha256(raw).hexdigest()[:12]}"
    return shown


@dataclass
class TestResult:
    """The verdict of one grading test (``output``: the teaching message when it failed)."""

    __test__ = False  # not a pytest test class

    chapter: str
    exercise: str
    name: str
    score: float
    max_score: float
    output: str = ""
    hidden: bool = False  # instructor grading only: students never see its message

    @property
    def passed(self) -> bool:
        """Every point earned, with no message."""
        return self.score == self.max_score and not self.output


@dataclass
class SubmissionResult:
    """Every test's verdict for one submission (``error`` says why it could not be graded)."""

    submission: str
    tests: list[TestResult] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0

    @property
    def score(self) -> float:
        """Points earned, all tests together."""
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        """Points possible, all tests together."""
        return sum(t.max_score for t in self.tests)

    def __repr__(self) -> str:
        # What a notebook shows under coursekit.check(...): the table is above it already.
        score = f"{self.score:g} / {self.max_score:g} points"
        return f"<{self.submission}: {score}, {len(self.tests)} tests>"

    def to_json(self) -> dict:
        """``{"submission", "score", "max_score", "tests": [{"name", "chapter", "exercise",
        "score", "max_score", "output", "hidden"}]}``, plus ``"error"`` if there is one."""
        data = {"submission": self.submission, "score": self.score,
                "max_score": self.max_score, "tests": [asdict(t) for t in self.tests]}  # fmt: skip
        return {**data, "error": self.error} if self.error else data


def chapters(course: Course | None = None) -> list[str]:
    """The chapter names of ``course`` (default: the one found from the current folder)."""
    return (course or COURSE).chapters()


def checks(chapter: str, course: Course | None = None) -> list[Check]:
    """The chapter's grading tests (imports its checks module: torch), in source order."""
    return (course or COURSE).checks_of(chapter)


def reference_module(chapter: str, course: Course | None = None):
    """The chapter's reference answers, imported here (trusted); in the student edition, the
    answers recorded at release time (``coursekit/recording.py``)."""
    course = course or COURSE
    recorded = course.checks.parent / "recordings" / f"{chapter}.wire"
    if not (course.reference / f"{chapter}.py").is_file() and recorded.is_file():
        from coursekit.recording import Replay

        return Replay.load(recorded)
    return course.reference_module(chapter)


# Errors a check meets only through what student code returned (the reference earns every point).
_STUDENT_CAUSED = (TypeError, ValueError, RuntimeError, LookupError, ArithmeticError,
                   AttributeError)  # fmt: skip


def run_check(check: Check, student, reference) -> TestResult:
    """Run one grading test: every way of grading goes through here. Any failure scores 0
    with a message cut to :data:`MESSAGE_CAP` (it may quote what student code said)."""
    if hasattr(reference, "for_test"):  # recorded answers are looked up per test
        reference = reference.for_test(check.name)
    if check.by_hand and isinstance(getattr(student, "watched", None), set):
        student.watched.add(check.exercise)  # its calls note the torch functions they use
    try:
        check.function(student, reference)
        message = ""
    except AssertionError as exc:  # api.GradingFailure is one
        # advice a check appended to a failure ending in a traceback: a paragraph of its own
        message = re.sub(r"\n (?=\S)", "\n\n", str(exc)) or f"{check.name} failed"
    except _STUDENT_CAUSED as exc:
        message = (
            f"the grader could not use what your code returned or left in its arguments"
            f" ({type(exc).__name__}: {exc}). Check the type, dtype (floating point, not"
            " integer or complex) and shape of the result, and that the arguments keep their"
            " structure (no list emptied or replaced), as the docstring says."
        )
    except Exception as exc:  # noqa: BLE001 - a bug in a test must not stop the run
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-3))
        message = f"grader error in {check.name} (tell the course staff):\n{tb}"
    if not message and check.by_hand:
        message = _not_by_hand(student, check)
    score = 0 if message else check.points
    return TestResult(check.chapter, check.exercise, check.name, score, check.points,
                      clip(message), check.hidden)  # fmt: skip


def _not_by_hand(student, check: Check) -> str:
    """The teaching message when the exercise's function, in the code the student process
    imported, uses what its docstring forbids ("" for wrappers and in-process modules)."""
    from coursekit.grading.api import not_by_hand, out_of_sight
    from coursekit.grading.isolation import Student

    code = student.code() if isinstance(student, Student) else None
    if not code:
        return ""
    reached = student.reached.get(check.exercise, ())
    used = not_by_hand(code, check.exercise, check.by_hand, check.judged_apart, reached)
    if not used:
        return ""
    if all(map(out_of_sight, used)):  # no rule names it: what the grader cannot look into
        return (f"{check.exercise}() gives the right values, but the grader cannot check that it"
                f" keeps its docstring's rules: it uses {', '.join(used)}. Compute it in the"
                " calling thread, with plain tensors. No points for this test until then.")
    return (f"{check.exercise}() gives the right values, but it uses {', '.join(used)}: the"
            " exercise asks you to write this yourself, without it (see its docstring). No"
            " points for this test until then.")  # fmt: skip


def student(worker, chapter: str, source):
    """The ``student`` object of a chapter's tests: calls ``source``'s functions in ``worker``
    (``source``: as ``isolation.read_submission`` gives it)."""
    from coursekit.grading.isolation import Student

    where = source if isinstance(source, str | Path) else type(source).__name__
    key = f"{chapter}:{where}:{time.monotonic_ns()}"  # a module of its own in the worker
    return Student(worker, key, chapter, source)


def grade_modules(modules: dict, *, worker, name="submission", course=None, exercises=None):
    """Grade chapter modules (``{chapter: path or None}``) with an existing worker; only the
    tests of ``exercises`` (names) when given."""
    start, result, todo = time.perf_counter(), SubmissionResult(name), []
    for chapter, source in modules.items():
        try:
            reference, chapter_checks = reference_module(chapter, course), checks(chapter, course)
        except Exception as exc:  # noqa: BLE001 - a broken chapter must not stop the others
            message = clip(f"grader error: the {chapter} tests could not be loaded ({exc!r})")
            result.tests.append(TestResult(chapter, "(tests)", "load", 0, 0, message))
            continue
        proxy = student(worker, chapter, source)
        for check in (c for c in chapter_checks if exercises is None or c.exercise in exercises):
            todo.append((len(result.tests), check, proxy, reference))
            result.tests.append(None)
    # Hidden tests last: a public test's message must never quote a hidden test's inputs.
    for i, check, proxy, reference in sorted(todo, key=lambda item: item[1].hidden):
        result.tests[i] = run_check(check, proxy, reference)
    result.seconds = time.perf_counter() - start
    return result


def warm_up() -> None:
    """Start the autograd engine in the background while the worker starts (checks avoid
    ``torch.optim`` and ``torch.testing.assert_close``: their first use costs seconds)."""

    def work():
        import torch

        p = torch.zeros(2, requires_grad=True)
        p.sum().backward()

    if not any(t.name == "coursekit-warm-up" for t in threading.enumerate()):
        threading.Thread(target=work, name="coursekit-warm-up", daemon=True).start()


def submission_modules(folder: Path, chapter_list: list[str]) -> dict[str, Path | None]:
    """``{chapter: path or None}``; a link or a pipe is kept: reading it says why it is refused."""
    paths = {ch: Path(folder) / f"{ch}.py" for ch in chapter_list}
    return {ch: (p if os.path.lexists(p) else None) for ch, p in paths.items()}


def entries(folder: Path, cap: int = 10_000) -> list[os.DirEntry]:
    """The first ``cap`` entries of ``folder`` that ``scandir`` gives, sorted by name; ``[]``
    where it cannot be listed. Every listing of a folder a student made goes through this:
    its cost is bounded whatever the folder holds (100,000 folders kept the grader 100 s)."""
    try:
        with os.scandir(folder) as listed:
            return sorted(itertools.islice(listed, cap), key=lambda e: e.name)
    except OSError:
        return []


def misnamed(folder: Path, chapter_list: list[str]) -> dict[str, str]:
    """``{chapter or "zip": what to do}`` for each missing chapter module that a file of
    ``folder`` was meant as (named like it, :func:`unread_files`, one folder down); links are
    not followed."""
    folder, hints = Path(folder), unread_files(Path(folder), chapter_list)
    missing = [c for c in chapter_list if not os.path.lexists(folder / f"{c}.py")]
    others = {c.replace("_", "") for c in chapter_list}
    for entry in entries(folder) if missing else []:
        letters = "".join(c for c in Path(entry.name).stem.lower() if "a" <= c <= "z")
        below = entry.is_dir(follow_symlinks=False)
        for c in missing:
            own = c.replace("_", "")
            # a typo or a singular (linear_regresion.py, loss.py), not another chapter's module
            typo = abs(len(letters) - len(own)) < 4 and letters not in others \
                and SequenceMatcher(None, letters, own).ratio() >= 0.8
            if entry.name.endswith(".py") and (letters.startswith(own) or typo):
                hints.setdefault(c, f"{entry.name} is graded as nothing: rename it {c}.py")
            for deeper in [f"{c}.py", f"exercises/{c}.py"] if below else []:
                if os.path.lexists(Path(entry.path) / deeper):
                    hints.setdefault(c, f"{entry.name}/{deeper} is graded as nothing: put the"
                                        " chapter files at the top of the submission")
    return hints


def copies_elsewhere(result: SubmissionResult) -> list[str]:
    """Notes for ``coursekit check`` on ``exercises/``: a chapter with exercises still not
    implemented there, whose module lies where a learner may have saved it instead (the
    working folder, a notebook's folder in ``book/``, the top of the course)."""
    stubbed = sorted({t.chapter for t in result.tests if "is not implemented yet" in t.output})
    places = dict.fromkeys([Path.cwd(), REPO, *sorted(REPO.glob("book/*/"))])
    graded = EXERCISES_DIR.resolve()  # run from inside exercises/, the working folder is it
    return [f"{safe_name(str(p / f'{c}.py'))} is not graded: the check reads exercises/{c}.py"
            " only. Move your answers there."
            for c in stubbed for p in places
            if os.path.isfile(p / f"{c}.py") and p.resolve() != graded]  # fmt: skip


def unread_files(folder: Path, chapters: list[str], cap: int = 10_000) -> dict[str, str]:
    """``{chapter or "zip": hint}`` for files of ``folder`` uploaded in place of a chapter module:
    a notebook, a zip, another extension (``mlp.py.txt``), a module saved as UTF-16 (of the
    first ``cap`` entries)."""
    hints: dict[str, str] = {}
    for entry in entries(folder, cap):
        path = Path(entry.path)
        if path.suffix == ".py" and path.stem in chapters and _utf16(path):
            hints.setdefault(path.stem, f"{path.name} is saved as UTF-16 (a Windows editor's"
                                        " 'Unicode'), which Python cannot read: save it as UTF-8")
        if path.suffix == ".py" or not entry.is_file(follow_symlinks=False):
            continue
        if path.suffix.lower() == ".zip":
            hints.setdefault("zip", f"{path.name} is a zip, which the grader does not unpack:"
                                    " upload the .py files it holds")
            continue
        letters = "".join(c for c in path.name.split(".")[0].lower() if "a" <= c <= "z")
        for c in chapters:
            if letters == c.replace("_", "") and not os.path.lexists(folder / f"{c}.py"):
                how = ("is a notebook: the grader reads Python files only; save its code as"
                       f" {c}.py (jupyter nbconvert --to script) and upload that"
                       if path.suffix.lower() == ".ipynb" else f"is graded as nothing: rename"
                       f" it {c}.py")
                hints.setdefault(c, f"{path.name} {how}")
    return hints


def _utf16(path: Path) -> bool:
    """Whether a module's first bytes are UTF-16's (a BOM, or NUL bytes). Opens only a regular
    file, not through a link, like ``isolation.read_submission_file`` but without torch."""
    try:
        seen = os.lstat(path)
        if not stat.S_ISREG(seen.st_mode):
            return False
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW), "rb", 0) as f:
            head = f.read(4096) if os.fstat(f.fileno()).st_ino == seen.st_ino else b""
    except OSError:
        return False
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head


def grade_submission(
    folder, chapter_list=None, *, timeout=DEFAULT_TIMEOUT, memory_mb=DEFAULT_MEMORY_MB,
    budget=DEFAULT_BUDGET, slot=0, name=None, hidden=(), course=None, files=None,
) -> SubmissionResult:  # fmt: skip
    """Grade one submission folder (laid out like ``exercises/``, or ``files`` naming each
    chapter's file in it) in a fresh worker, which cannot read the course, the folder holding
    this one (it gets copies; see :func:`_hiding`) nor the folders in ``hidden``."""
    folder, course = Path(folder), course or COURSE
    chapter_list = course.chapters() if chapter_list is None else chapter_list
    name = name or safe_name(folder.name)
    try:
        zygote.start()  # first: it imports torch while this process does
        from coursekit.grading.isolation import Worker, WorkerError, read_submission

        try:
            modules = read_submission(folder, chapter_list, files)
        except WorkerError as exc:
            return ungradable(name, chapter_list, str(exc), course)
        # In a class, `hidden` holds the class folder already: this folder's name stays out.
        covered = any(Path(os.path.realpath(folder)).is_relative_to(os.path.realpath(h))
                      for h in hidden)  # fmt: skip
        mine = [] if covered else _hiding([folder])
        with Worker(timeout, memory_mb, slot, [*mine, *hidden], budget, course) as worker:
            warm_up()
            worker.start()
            result = grade_modules(modules, worker=worker, name=name, course=course)
        hints = {}
        with suppress(OSError):  # a hint never costs a graded result; others' files: no hint
            hints = misnamed(folder, chapter_list) if files is None else {}
        for t in result.tests:  # the missing module's message says which file to rename
            source = modules.get(t.chapter)
            hint = hints.get(t.chapter, hints.get("zip")) if source is None else None  # or unzip
            if isinstance(source, bytes) and not source.strip() and not t.passed:  # saved empty
                hint = f"{t.chapter}.py is empty: save your answers in it, then hand it in again"
            t.output += f" ({safe_name(hint)})" if hint else ""
        return result
    except Exception as exc:  # noqa: BLE001 - never lose a submission: score 0 with the reason
        return ungradable(name, chapter_list, f"could not be graded: {exc}", course)


def _hiding(folders) -> list[Path]:
    """Folders hiding all of ``folders``, naming none where possible (hidden paths are in every
    student process's memory): their deepest common parent, else each one's top folder."""
    paths = [Path(os.path.realpath(f)) for f in folders]
    common = Path(os.path.commonpath([p.parent for p in paths])) if paths else Path("/")
    if common != Path(common.anchor):
        return [common]
    return sorted({Path(*p.parts[:2]) for p in paths})


def ungradable(name, chapter_list, reason: str, course: Course) -> SubmissionResult:
    """A result scoring 0 on every test, with the reason (a submission is never lost)."""
    result = SubmissionResult(name, error=clip(reason))
    for chapter in chapter_list:
        for c in course.catalog(chapter):
            result.tests.append(TestResult(chapter, c.exercise, c.name, 0, c.points,
                                           result.error, hidden=c.hidden))  # fmt: skip
    return result


def serve(fd: int, core: int = 0) -> None:
    """A grading process of :func:`grade_many`: grades the submissions it is sent; its zygote and
    workers are pinned to the ``core``-th allowed core (README: "Cores")."""
    if hasattr(os, "sched_getaffinity"):  # Linux only; not this process (its memory watch)
        zygote.CORE = sorted(os.sched_getaffinity(0))[core % len(os.sched_getaffinity(0))]
    zygote.start()  # before this process imports torch, so that the two imports overlap
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # `jobs` of us share the cores: no threads
    conn = Connection(fd)
    try:
        chapter_list, course, options = conn.recv()
        while (task := conn.recv()) is not None:
            name, folder, *files = task
            conn.send(grade_submission(folder, chapter_list, name=name, course=course,
                                       slot=os.getpid(), files=(files or [None])[0], **options))
    except (EOFError, BrokenPipeError):  # the coordinating process is gone: so are we
        pass
    # Exit as multiprocessing's workers do: exit handlers run (zygote, run folder), but not
    # torch's interpreter teardown (about a second, while the coordinating process waits).
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(0)


def _start_grader(setup, core: int) -> tuple[Connection, subprocess.Popen]:
    ours, theirs = Pipe()
    root = Path(__file__).resolve().parents[2]  # the folder coursekit is imported from
    code = f"import sys; sys.path.insert(0, {str(root)!r})"
    code += f"; from coursekit.grading.runner import serve; serve({theirs.fileno()}, {core})"
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=2,  # stdout: the table
    )  # fmt: skip
    theirs.close()
    ours.send(setup)
    return ours, proc


def grade_many(
    folders, chapter_list=None, *, jobs=1, on_result=None, hidden=(), course=None, **limits
) -> list[SubmissionResult]:
    """Grade ``[(name, folder), ...]`` (or ``(name, folder, files)``, see :func:`grade_submission`)
    in ``jobs`` grading processes (no torch here), in order; ``limits`` as for
    :func:`grade_submission`. A process that dies costs only its submission."""
    course, jobs = course or COURSE, max(1, jobs)
    chapter_list = course.chapters() if chapter_list is None else chapter_list
    # The folder above them all, not each submission (see _hiding).
    hidden = [str(h) for h in hidden]
    hidden += [str(p) for p in _hiding([folder for _, folder, *_ in folders])]
    setup = (chapter_list, course, {**limits, "hidden": hidden})
    # A grading process that hangs (it never should) is killed well after the time budget.
    patience = limits.get("budget", DEFAULT_BUDGET) + 2 * zygote.STARTUP_TIMEOUT
    todo, results = list(range(len(folders)))[::-1], [None] * len(folders)
    live: dict[Connection, tuple[subprocess.Popen, int]] = {}  # grading processes, their cores
    busy: dict[Connection, tuple[int, float]] = {}  # the submission each grades, its deadline
    idle: list[Connection] = []
    try:
        while todo or busy:
            while todo and len(live) < jobs:  # each on a core of its own while jobs fit
                core = min({*range(jobs)} - {core for _, core in live.values()})
                conn, proc = _start_grader(setup, core)
                live[conn] = proc, core
                idle.append(conn)
            while todo and idle:
                conn = idle.pop()
                try:
                    conn.send(folders[todo[-1]])
                    busy[conn] = (todo.pop(), time.monotonic() + patience)
                except OSError:  # it died between two submissions: start another
                    conn.close()
                    live.pop(conn)[0].wait()
            for conn, (_, deadline) in busy.items():
                if time.monotonic() > deadline:
                    live[conn][0].kill()
            for conn in wait(list(busy), timeout=10):
                i, _ = busy.pop(conn)
                try:
                    results[i] = conn.recv()
                    idle.append(conn)
                except (EOFError, OSError):  # the grading process died: only `i` is lost
                    conn.close()
                    code = live.pop(conn)[0].wait()
                    reason = f"the grading process stopped (exit code {code}) while grading it"
                    results[i] = ungradable(folders[i][0], chapter_list, reason, course)
                if on_result:
                    on_result(results[i])
    finally:
        for conn, (proc, _) in live.items():
            with suppress(OSError):
                conn.send(None)
            conn.close()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    return results
