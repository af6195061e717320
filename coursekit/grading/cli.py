"""Command line: ``python -m coursekit check [CHAPTER]``, ``python -m coursekit grade DIR...``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from coursekit.grading import zygote
from coursekit.grading.zygote import DEFAULT_BUDGET, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT

# runner and report import torch, so they are imported inside the functions: main() starts the
# grading zygote first.


class UsageError(Exception):
    """A bad command line: printed as ``error: ...`` with exit status 2."""


def _chapter_list(chapter: str | None) -> list[str]:
    from coursekit.grading import runner

    known = runner.chapters()
    if not known:
        raise UsageError(f"no grading tests found in {runner.CHECKS_DIR}")
    if chapter is None:
        return known
    if chapter not in known:
        raise UsageError(f"unknown chapter {chapter!r}; chapters: {', '.join(known)}")
    return [chapter]


def _has_modules(folder: Path, known: list[str]) -> bool:
    return any(os.path.lexists(folder / f"{ch}.py") for ch in known)


def safe_name(name: str) -> str:
    from coursekit.grading.runner import safe_name as safe

    return safe(name)


def find_submissions(paths: list[str], known: list[str]) -> list[tuple[str, Path]]:
    """Each path is a submission (holds chapter modules) or a parent of submission folders."""
    found: list[tuple[str, Path]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"{raw}: no such file or directory")
        if not path.is_dir():
            raise UsageError(f"{raw}: not a directory (give the folder holding the .py files)")
        if _has_modules(path, known):
            found.append((safe_name(path.resolve().name), path))
            continue
        # A student folder that is a link is kept, so that grading refuses it with the reason.
        children = sorted(
            p for p in path.iterdir()
            if (p.is_dir() or p.is_symlink()) and not p.name.startswith(".")
        )  # fmt: skip
        students = [p for p in children if _has_modules(p, known)]
        if not students:
            raise UsageError(
                f"{raw}: no exercise modules found (expected files like {known[0]}.py in it, or"
                " one folder per student holding them)"
            )
        # Folders without any module are still listed: they score 0 with the reason.
        found.extend((safe_name(p.name), p) for p in children)
    names = [n for n, _ in found]
    if len(set(names)) != len(names):
        found = [(safe_name(str(p)), p) for _, p in found]
    return found


def cmd_check(args) -> int:
    from coursekit.grading import report, runner

    chapter_list = _chapter_list(args.chapter)
    folder = Path(args.dir) if args.dir else runner.EXERCISES_DIR
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such directory")
    print(f"Grading {folder} ({', '.join(chapter_list)}); this takes a few seconds...", flush=True)
    result = runner.grade_submission(
        folder, chapter_list, timeout=args.timeout, memory_mb=args.memory, name=folder.name,
        budget=args.budget,
    )  # fmt: skip
    print(report.student_table(result))
    return 0 if result.score == result.max_score else 1


def confinement_warning() -> str:
    """What student code could reach here that it should not, or "" if nothing."""
    from coursekit.grading import landlock, runner
    from coursekit.grading.isolation import is_root

    if landlock.abi_version() >= 1:
        return ""
    if not is_root():
        return (
            "warning: this system has no Landlock and the grader is not root, so student code"
            " can write wherever this user can (the repository, other submissions) and read the"
            " reference answers. Grade as root in a container, or on Linux 5.13 or later."
        )
    if runner.REFERENCE_DIR.stat().st_mode & 0o005:
        return (
            "warning: this system has no Landlock, so student code can read the reference"
            f" answers: make them readable only by root (chmod 700 {runner.REFERENCE_DIR})."
        )
    return ""


def cmd_grade(args) -> int:
    from coursekit.grading import report, runner

    chapter_list = _chapter_list(args.chapter)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.timeout <= 0:
        raise UsageError("--timeout must be positive")
    submissions = find_submissions(args.submissions, runner.chapters())
    warning = confinement_warning()
    if warning:
        print(warning, file=sys.stderr)
    for option in ("json", "csv"):
        target = getattr(args, option)
        if target and not Path(target).resolve().parent.is_dir():
            raise UsageError(f"--{option} {target}: the folder does not exist")

    def progress(result):
        print(f"  graded {result.submission}: {result.score:g} / {result.max_score:g}",
              file=sys.stderr, flush=True)  # fmt: skip

    results = runner.grade_many(
        submissions, chapter_list, jobs=args.jobs, timeout=args.timeout,
        memory_mb=args.memory, on_result=progress, hidden=args.submissions, budget=args.budget,
    )  # fmt: skip
    # Each output is written on its own: one that fails does not stop the others.
    outputs = [(None, lambda: print(report.class_table(results)))]
    outputs += [(args.json, lambda: report.write_json(results, Path(args.json)))]
    outputs += [(args.csv, lambda: report.write_csv(results, Path(args.csv)))]
    outputs += [(args.gradescope, lambda: report.write_gradescope(results, Path(args.gradescope)))]
    status = 0
    for target, write in outputs:
        if target is None and write is not outputs[0][1]:
            continue
        try:
            write()
        except (OSError, ValueError) as exc:
            print(f"error: could not write {target or 'the table'}: {exc}", file=sys.stderr)
            status = 1
    return status


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m coursekit", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def limits(sp):
        sp.add_argument(
            "--timeout",
            type=float,
            default=DEFAULT_TIMEOUT,
            help=f"seconds allowed per function call (default {DEFAULT_TIMEOUT:g})",
        )
        sp.add_argument(
            "--memory",
            type=int,
            default=DEFAULT_MEMORY_MB,
            help=f"memory limit of the student process, MiB (default {DEFAULT_MEMORY_MB})",
        )
        sp.add_argument(
            "--budget", type=float, default=DEFAULT_BUDGET,
            help=f"seconds for all calls of one submission together (default {DEFAULT_BUDGET:g})",
        )  # fmt: skip

    c = sub.add_parser("check", help="grade your own answers in exercises/")
    c.add_argument("chapter", nargs="?", help="one chapter (default: all)")
    c.add_argument("--dir", help="grade this folder instead of the repository's exercises/")
    limits(c)
    c.set_defaults(run=cmd_check)

    g = sub.add_parser("grade", help="grade student submissions (instructors)")
    g.add_argument("submissions", nargs="+", metavar="SUBMISSION_DIR")
    g.add_argument("--chapter", help="grade only this chapter")
    g.add_argument("--jobs", type=int, default=1, help="submissions graded in parallel")
    g.add_argument("--json", help="write all results as JSON to this file")
    g.add_argument("--csv", help="write one row per submission, one column per exercise")
    g.add_argument("--gradescope", help="write Gradescope results.json files into this folder")
    limits(g)
    g.set_defaults(run=cmd_grade)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "check" or args.jobs == 1:
        # This process grades, so it needs a zygote: start it now, so that it imports torch
        # alongside us (not after us). With --jobs N each job process starts its own.
        zygote.start()
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
