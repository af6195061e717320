"""Command line: ``python -m coursekit check [CHAPTER]``, ``python -m coursekit grade DIR...``.
Torch-free: ``check`` starts the zygote first, ``grade`` only coordinates its grading processes."""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import math
import re
import sys
from pathlib import Path

from coursekit.autograder import find_submission
from coursekit.grading import report, runner, zygote
from coursekit.grading.zygote import DEFAULT_BUDGET, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, is_root


class UsageError(ValueError):
    """A bad command line (or chapter): printed as ``error: ...`` with exit status 2."""


def chapters_to_grade(chapter: str | None) -> list[str]:
    """``[chapter]``, or every chapter when it is None; UsageError for an unknown one."""
    known = runner.chapters()
    if not known:
        raise UsageError(f"no grading tests found in {runner.CHECKS_DIR}")
    if chapter is not None and chapter not in known:
        near = difflib.get_close_matches(str(chapter), known, n=1)
        guess = f" (did you mean {near[0]!r}?)" if near else ""
        raise UsageError(f"unknown chapter {chapter!r}{guess}; chapters: {', '.join(known)}")
    return known if chapter is None else [chapter]


def find_submissions(paths: list[str], known: list[str]) -> list[tuple]:
    """``[(unique name, folder graded)]``: each path is a submission or a parent of submission
    folders; of several paths, one holding neither scores 0 and one holding a single student's
    folder is that student's. Modules are looked for as the autograder does. A Canvas download
    gives ``(name, folder, {chapter: file})`` (:func:`canvas_students`)."""
    def has_modules(folder: Path) -> bool:  # a folder named mlp.py is no module; a link is
        return any(p is not None and (p.is_symlink() or not p.is_dir())
                   for p in runner.submission_modules(folder, known).values())

    def inside(folder: Path) -> Path:  # the folder whose modules are graded
        try:
            return find_submission(folder, known)
        except OSError:  # not listable: reading it says why
            return folder

    def second(folder: Path, names) -> bool:  # Moodle: the online text beside the files
        return folder.name.endswith(TEXT) and folder.name.replace(TEXT, FILES) in names

    found: list[tuple] = []  # (name, folder handed in, folder graded[, files])
    listings = []  # (path, shown, own, children, students)
    given = {Path(raw).name for raw in paths}
    for raw in paths:
        path, shown = Path(raw), runner.safe_name(raw)
        # macOS's zip leftovers: no student; a Moodle student's online text: not a second row
        if len(paths) > 1 and (path.name == "__MACOSX" or second(path, given)):
            continue
        if not path.is_dir():
            what = "not a directory (give the folder holding the .py files)"
            raise UsageError(f"{shown}: {what if path.exists() else 'no such file or directory'}")
        # Student folders that are links or hold no module are listed: they score 0 with why.
        # 10,000 entries: a student's folder given alone (regraded) may hold 100,000 (255 s).
        own = has_modules(path)
        listed = [Path(e.path) for e in runner.entries(path)]
        if len(listed) == 10_000 and not own:
            print(f"warning: {shown} holds more than 10,000 entries: 10,000 of them are graded;"
                  f" grade its folders in parts ({shown}/[a-m]* then the rest)", file=sys.stderr)
        names = {p.name for p in listed}
        children = {p: inside(p) for p in listed if (p.is_symlink() or p.is_dir())
                    and not p.name.startswith(".") and p.name != "__MACOSX"
                    and not second(p, names)}  # fmt: skip
        students = [runner.safe_name(p.name) for p in children if has_modules(children[p])]
        listings.append((path, shown, own, children, students))
    # `grade class/*`, one folder a student: one holding several module folders is a student's
    # backups, not a class (split, each was a row and a time budget of its own).
    one_each = len(paths) > 1 and any(o or len(s) == 1 for _, _, o, _, s in listings)
    for path, shown, own, children, students in listings:
        if own or (len(paths) > 1 and (len(students) < 2 or one_each)):
            if len(students) > 1:  # a class with stray modules, or a student's backups
                what = "exercise modules and also" if own else "no exercise module but"
                print(f"warning: {shown} holds {what} folders that hold them"
                      f" ({', '.join(students[:5])}{', ...' * (len(students) > 5)}): graded as"
                      " one submission; to grade the students in it, " + (
                          "move the loose .py files out of it" if own else "grade it on its own"),
                      file=sys.stderr)  # fmt: skip
            found.append((runner.safe_name(path.resolve().name), path, inside(path)))
            continue
        if not students and (canvas := canvas_students(path, known)):
            found += [(runner.safe_name(name), path, path, files) for name, files in canvas]
            continue
        if not students:
            raise UsageError(
                f"{shown}: no exercise modules found (expected files like {known[0]}.py in it,"
                " or one folder per student holding them)"
            )
        named = gradescope_names(path)
        found += [(runner.safe_name(named.get(p.name, p.name)), p, inner)
                  for p, inner in children.items()]  # fmt: skip
    if len({n for n, *_ in found}) != len(found):
        found = [(runner.safe_name(str(p)), p, *rest) for _, p, *rest in found]
    return [(name, *rest) for name, (_, _, *rest) in
            zip(report.unique_names([n for n, *_ in found]), found, strict=True)]  # fmt: skip


# Moodle's download: a folder per student and plugin, "Doe, Jane_123456_assignsubmission_file_".
TEXT, FILES = "_assignsubmission_onlinetext_", "_assignsubmission_file_"

# Canvas's "Download submissions": doejane_11_1100_mlp.py (login, user id, file id, the file's
# name; doejane_LATE_11_... when late; a second mlp.py uploaded is named mlp-1.py).
CANVAS = re.compile(r"(?P<who>.+?)(?:_late)?_(?P<user>\d+)_(?P<file_id>\d+)_(?P<name>.+)", re.I)


def canvas_students(folder: Path, known: list[str]) -> list[tuple[str, dict[str, str]]]:
    """``[(student, {chapter: file name})]`` for a Canvas download in ``folder``, one student a
    Canvas user (a file of no chapter makes a row too, graded as nothing); per chapter the file
    uploaded last (the highest file id)."""
    students: dict[str, dict[str, tuple[int, str]]] = {}
    for entry in runner.entries(folder):
        if not (m := CANVAS.fullmatch(entry.name)):
            continue
        files = students.setdefault(f"{m['who']}_{m['user']}", {})
        chapter = re.sub(r"-\d+$", "", m["name"][:-3]) if m["name"].endswith(".py") else ""
        if chapter in known and (int(m["file_id"]), entry.name) > files.get(chapter, (-1, "")):
            files[chapter] = (int(m["file_id"]), entry.name)
    if not any(students.values()):  # no chapter's module in it: not a download of this course
        return []
    return [(who, {c: n for c, (_, n) in files.items()}) for who, files in sorted(students.items())]


def gradescope_names(folder: Path) -> dict[str, str]:
    """``{"submission_101": "Jane Doe (submission_101)"}`` from the submission_metadata.yml of
    a Gradescope export (``{}`` without one; a file that cannot be read is warned of)."""
    metadata = folder / "submission_metadata.yml"
    if not metadata.is_file() or metadata.is_symlink():
        return {}
    try:
        import yaml

        if metadata.stat().st_size > 100_000_000:
            raise ValueError("over 100 MB")
        named = {}
        for sub, about in yaml.safe_load(metadata.read_text(encoding="utf-8")).items():
            if who := ", ".join(str(one[":name"]) for one in about[":submitters"]):
                named[str(sub)] = f"{who} ({sub})"
        return named
    except Exception as exc:  # noqa: BLE001 - the ids still name every row
        print(f"warning: {runner.safe_name(str(metadata))} could not be read"
              f" ({type(exc).__name__}): the rows keep Gradescope's submission ids",
              file=sys.stderr)  # fmt: skip
        return {}


def cmd_check(args) -> int:
    """``check``: grade one folder, print the student table; 0 only with full marks."""
    chapter_list, bounds = chapters_to_grade(args.chapter), limits(args)
    if importlib.util.find_spec("torch") is None:  # else every test: "No module named 'torch'"
        raise UsageError(f"this Python ({sys.executable}) has no torch: use the course's"
                         " environment, .venv/bin/python -m coursekit check, or activate it"
                         " first (source .venv/bin/activate; make setup creates it)")
    folder = Path(args.dir) if args.dir else runner.EXERCISES_DIR
    if not folder.is_dir():
        why = "is a file" if folder.exists() else "does not exist"
        raise UsageError(f"{runner.safe_name(str(folder))} {why}: give the folder holding the"
                         " <chapter>.py files")
    print(f"Grading {runner.safe_name(str(folder))} ({', '.join(chapter_list)}); this takes a"
          " few seconds...", flush=True)  # fmt: skip
    result = runner.grade_submission(folder, chapter_list, **bounds)
    print(report.student_table(result))
    for note in [] if args.dir else runner.copies_elsewhere(result):
        print(f"note: {note}")
    return 0 if result.score == result.max_score else 1


def confinement_warning() -> str:
    """What student code could reach here that it should not, or "" if nothing."""
    from coursekit.grading import landlock

    if landlock.abi_version() >= 1:
        return ""
    if not is_root():
        return (
            "warning: this system has no Landlock and the grader is not root, so student code"
            " can write wherever this user can (the repository, other submissions) and read the"
            " reference answers. Grade as root in a container, or on Linux 5.13 or later."
        )
    # (The student edition has no reference folder: nothing there to protect.)
    if runner.REFERENCE_DIR.is_dir() and runner.REFERENCE_DIR.stat().st_mode & 0o005:
        return (
            "warning: this system has no Landlock, so student code can read the reference"
            f" answers: make them readable only by root (chmod 700 {runner.REFERENCE_DIR})."
        )
    return ""


def cmd_grade(args) -> int:
    """``grade``: grade every submission found, print the class table, write the files asked
    for (each on its own); 1 if one could not be written."""
    chapter_list, bounds = chapters_to_grade(args.chapter), limits(args)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    submissions = find_submissions(args.submissions, runner.chapters())
    for option in ("json", "csv"):
        target = getattr(args, option)
        if target and not Path(target).resolve().parent.is_dir():
            raise UsageError(f"--{option} {target}: the folder does not exist")
    if warning := confinement_warning():
        print(warning, file=sys.stderr)

    def progress(result):
        print(f"  graded {result.submission}: {result.score:g} / {result.max_score:g}",
              file=sys.stderr, flush=True)  # fmt: skip

    # On Gradescope, submission_metadata.json beside the submission holds earlier results.
    beside = [str(Path(s).resolve().parent) for s in args.submissions] if args.gradescope else []
    # Report folders hold earlier runs' reports: everyone's marks, hidden tests' messages.
    reports = [str(Path(t).resolve().parent) for t in (args.json, args.csv) if t]
    reports += [str(Path(args.gradescope).resolve())] if args.gradescope else []
    hidden = [*beside, *reports]  # and the submissions' parents: grade_many hides them
    results = runner.grade_many(submissions, chapter_list, jobs=args.jobs, on_result=progress,
                                hidden=hidden, **bounds)  # fmt: skip
    # Each output is written on its own: one that fails does not stop the others.
    outputs = [("the table", lambda: print(report.class_table(results)))]
    outputs += [(args.json, lambda: report.write_json(results, Path(args.json)))]
    outputs += [(args.csv, lambda: report.write_csv(results, Path(args.csv)))]
    outputs += [(args.gradescope, lambda: report.write_gradescope(results, Path(args.gradescope)))]
    status = 0
    for target, write in outputs:
        try:
            if target:
                write()
        except (OSError, ValueError) as exc:
            print(f"error: could not write {target}: {exc}", file=sys.stderr)
            status = 1
    return status


def limits(args) -> dict:
    """``--timeout``, ``--memory`` and ``--budget`` as keyword arguments of the runner."""
    # Not `x <= 0`, which nan passes (--budget nan lifted the budget).
    if not all(0 < x < math.inf for x in (args.timeout, args.memory, args.budget)):
        raise UsageError("--timeout, --memory and --budget must be positive, finite numbers")
    return {"timeout": args.timeout, "memory_mb": args.memory, "budget": args.budget}


def parser() -> argparse.ArgumentParser:
    """The ``check`` and ``grade`` subcommands and their options."""
    p = argparse.ArgumentParser(prog="python -m coursekit", description=__doc__.split("\n")[0],
                                epilog="in the instructor's repository also: release OUT_DIR"
                                " (the student edition) and autograder {gradescope,prairielearn,"
                                "run} (the platforms' packages); each has its --help")  # fmt: skip
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="grade your own answers in exercises/",
                       description="Grade your answers in exercises/ (or --dir) and print what"
                       " each failed test says; exit status 0 when every test passes.")
    c.add_argument("chapter", nargs="?", help="one chapter (default: all)")
    c.add_argument("--dir", help="grade this folder instead of the repository's exercises/")
    g = sub.add_parser("grade", help="grade student submissions (instructors)",
                       description="Grade each SUBMISSION_DIR (a folder a student), hidden tests"
                       " included where the course has them, and print the class table;"
                       " --json, --csv and --gradescope write reports too.")
    g.add_argument("submissions", nargs="+", metavar="SUBMISSION_DIR")
    g.add_argument("--chapter", help="grade only this chapter")
    g.add_argument("--jobs", type=int, default=1, help="submissions graded in parallel")
    g.add_argument("--json", help="write all results as JSON to this file")
    g.add_argument("--csv", help="write one row per submission, one column per exercise")
    g.add_argument("--gradescope", help="write Gradescope results.json files into this folder")
    for sp, run in ((c, cmd_check), (g, cmd_grade)):
        add_limit_options(sp)
        sp.set_defaults(run=run)
    return p


def add_limit_options(sp: argparse.ArgumentParser) -> None:
    """``--timeout``, ``--memory`` and ``--budget`` (read back with :func:`limits`)."""
    for flag, kind, default, what in (
        ("--timeout", float, DEFAULT_TIMEOUT, "seconds allowed per function call"),
        ("--memory", int, DEFAULT_MEMORY_MB, "memory limit of the student process, MiB"),
        ("--budget", float, DEFAULT_BUDGET, "seconds for all calls of one submission"),
    ):
        sp.add_argument(flag, type=kind, default=default, help=f"{what} (default {default:g})")


def main(argv: list[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = parser().parse_args(argv)
    if args.command == "check":
        zygote.start()  # now, so that it imports torch while this process does
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
