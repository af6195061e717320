"""``python -m coursekit autograder gradescope OUT.zip`` and ``... prairielearn OUT_DIR``.

Packages the instructor edition of the course (reference answers and hidden tests included) for a
grading engine that runs one container per submission:

- Gradescope: a zip with ``setup.sh`` and ``run_autograder`` at its root. Gradescope unpacks it
  into ``/autograder/source``, runs ``setup.sh`` once when it builds the image, then
  ``run_autograder`` for each submission (in ``/autograder/submission``), which must write
  ``/autograder/results/results.json``.
- PrairieLearn: the files of a question's ``tests/`` folder (mounted at ``/grade/tests``), with
  the entrypoint ``run.sh``, and a ``Containerfile`` for the grader image. The entrypoint grades
  ``/grade/student`` and writes ``/grade/results/results.json``.

Both entrypoints call ``python -m coursekit autograder run PLATFORM``, which grades with the
isolated grader (``coursekit.grading.runner.grade_submission``) and writes the platform's results
format. ``$COURSEKIT_AUTOGRADER_ROOT`` replaces ``/autograder`` or ``/grade`` (for tests without
containers). The JSON schemas the tests validate against are in ``coursekit/autograder_schemas/``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import sys
import zipfile
from contextlib import suppress
from pathlib import Path

from coursekit.release import edition_files

ROOT_ENV = "COURSEKIT_AUTOGRADER_ROOT"
DEFAULT_ROOT = {"gradescope": "/autograder", "prairielearn": "/grade"}
SCHEMAS = Path(__file__).parent / "autograder_schemas"
VISIBILITIES = ("after_published", "hidden", "after_due_date", "visible")

# Installs the course's dependencies into a virtual environment: Gradescope's setup.sh and the
# PrairieLearn Containerfile both run it. COURSEKIT_AUTOGRADER_REUSE_SITE (tests only) reuses
# packages installed elsewhere (a site-packages folder) instead of downloading torch again.
INSTALL_SH = """\
#!/usr/bin/env bash
# install.sh VENV REQUIREMENTS: Python (if missing) and the course's dependencies, in VENV.
set -euo pipefail
venv="$1"
requirements="$2"
python="${COURSEKIT_PYTHON:-python3}"
if ! "$python" -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \\
        python3 python3-venv python3-pip
    python=python3
fi
"$python" -m venv "$venv"
if [ -n "${COURSEKIT_AUTOGRADER_REUSE_SITE:-}" ]; then
    site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    echo "$COURSEKIT_AUTOGRADER_REUSE_SITE" > "$site/coursekit-reuse.pth"
else
    # The CPU build of torch: the grader needs no GPU, and the CUDA build is gigabytes larger.
    index="${COURSEKIT_TORCH_INDEX-https://download.pytorch.org/whl/cpu}"
    "$venv/bin/python" -m pip install --no-cache-dir ${index:+--extra-index-url "$index"} \\
        -r "$requirements"
fi
"$venv/bin/python" -c 'import torch; print("torch", torch.__version__, "installed")'
"""

GRADESCOPE_SETUP = """\
#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
set -euo pipefail
root="${COURSEKIT_AUTOGRADER_ROOT:-/autograder}"
bash "$root/source/install.sh" "$root/venv" "$root/source/requirements.txt"
"""

# The grader writes results.json itself, also when the submission cannot be graded; if the
# trusted process dies (e.g. the container's memory limit), no results.json is written and
# Gradescope reports the autograder as failed, for the instructor to see.
GRADESCOPE_RUN = """\
#!/usr/bin/env bash
# Gradescope runs this, as root, for each submission (in /autograder/submission).
root="${{COURSEKIT_AUTOGRADER_ROOT:-/autograder}}"
cd "$root/source/course" || exit 1
exec "$root/venv/bin/python" -m coursekit autograder run gradescope --root "$root" {options}
"""

PRAIRIELEARN_RUN = """\
#!/usr/bin/env bash
# PrairieLearn's entrypoint (/grade/tests/run.sh): grades /grade/student.
root="${{COURSEKIT_AUTOGRADER_ROOT:-/grade}}"
venv="${{COURSEKIT_GRADER_VENV:-/opt/coursekit/venv}}"
mkdir -p "$root/results"
cd "$root/tests/course" || exit 1
exec "$venv/bin/python" -m coursekit autograder run prairielearn --root "$root" {options}
"""

CONTAINERFILE = """\
# The grader image for PrairieLearn: Python and the course's dependencies (CPU torch).
# Build and push it (docker build -t YOU/coursekit-grader -f Containerfile . ; docker push ...),
# then name it in the question's info.json (see info-snippet.json here).
FROM python:3.11-slim
COPY install.sh requirements.txt /opt/coursekit/
RUN bash /opt/coursekit/install.sh /opt/coursekit/venv /opt/coursekit/requirements.txt
"""


QUESTION_HTML = """\
<pl-question-panel>
  <p>Upload your exercise modules ({uploads}) from the course's <code>exercises/</code> folder.</p>
</pl-question-panel>
<pl-file-upload file-names="{uploads}"></pl-file-upload>
<pl-submission-panel>
  <pl-external-grader-results></pl-external-grader-results>
  <pl-file-preview></pl-file-preview>
</pl-submission-panel>
"""


def requirements(repo: Path) -> list[str]:
    """The ``dependencies`` of the course's ``pyproject.toml`` (no tomllib before 3.11)."""
    text = (repo / "pyproject.toml").read_text()
    block = re.search(r"^dependencies\s*=\s*\[(.*?)\]", text, re.M | re.S)
    if not block:
        raise ValueError(f"{repo / 'pyproject.toml'} has no dependencies = [...] list")
    return re.findall(r'"([^"]+)"', block.group(1))


def _options(chapters, hidden_visibility, timeout, memory, budget) -> str:
    parts = [f"--hidden-visibility {hidden_visibility}"]
    parts += [f"--chapter {c}" for c in chapters or ()]
    parts += [f"--timeout {timeout:g}", f"--memory {memory}", f"--budget {budget:g}"]
    return " ".join(parts)


def _check_chapters(repo: Path, chapters) -> None:
    from coursekit.grading.course import Course

    known = Course.at(repo).chapters()
    unknown = [c for c in chapters or () if c not in known]
    if unknown:
        raise ValueError(f"unknown chapter {unknown[0]!r}: choose from {', '.join(known)}")


def _course_files(repo: Path) -> list[Path]:
    """The instructor edition: the files git tracks in the repository. Untracked ones are left
    out and listed: what the README has an instructor write there (``grades.csv``, the class's
    ``submissions/``, an earlier ``autograder.zip``) went to the platform with the course."""
    files, left_out = edition_files(repo)
    if left_out:
        shown = ", ".join(str(p) for p in left_out[:10])
        more = f" and {len(left_out) - 10} more" if len(left_out) > 10 else ""
        print(f"not in the autograder (untracked: commit what it needs): {shown}{more}")
    return [p for p in files if p.parts[0] not in (".ci",)]


def build_gradescope(out: Path, repo: Path, *, chapters=(), hidden_visibility="after_published",
                     timeout=10.0, memory=2048, budget=120.0) -> Path:  # fmt: skip
    """Write Gradescope's autograder zip: ``setup.sh``, ``run_autograder``, ``course/``."""
    _check_chapters(repo, chapters)
    options = _options(chapters, hidden_visibility, timeout, memory, budget)
    scripts = {  # name: (text, mode)
        "setup.sh": (GRADESCOPE_SETUP, 0o755),
        "run_autograder": (GRADESCOPE_RUN.format(options=options), 0o755),
        "install.sh": (INSTALL_SH, 0o755),
        "requirements.txt": ("\n".join(requirements(repo)) + "\n", 0o644),
    }
    files = _course_files(repo)  # before the zip exists (it may be inside the repository)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, (text, mode) in scripts.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (stat.S_IFREG | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
        for rel in files:
            z.write(repo / rel, f"course/{rel.as_posix()}")
    out.chmod(0o600)  # it holds the answers: a student process of another uid must not read it
    return out


def build_prairielearn(out: Path, repo: Path, *, chapters=(), timeout=10.0, memory=2048,
                       budget=120.0) -> Path:  # fmt: skip
    """Write ``out/tests/`` (the question's tests folder), the image's ``Containerfile`` (with
    ``install.sh`` and ``requirements.txt``), ``info-snippet.json`` (the external grading
    options to merge into the question's ``info.json``) and a ``question.html``."""
    _check_chapters(repo, chapters)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty: give a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    out.chmod(0o700)  # it holds the answers: a student process of another uid must not read it
    tests = out / "tests"
    for rel in _course_files(repo):
        target = tests / "course" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(repo / rel, target)
    options = _options(chapters, "hidden", timeout, memory, budget)
    files = {
        tests / "run.sh": PRAIRIELEARN_RUN.format(options=options),
        out / "install.sh": INSTALL_SH,
        out / "Containerfile": CONTAINERFILE,
        out / "requirements.txt": "\n".join(requirements(repo)) + "\n",
    }
    for path, text in files.items():
        path.write_text(text)
        if path.suffix == ".sh":
            path.chmod(0o755)
    uploads = ",".join(f"{c}.py" for c in chapters or _all_chapters(repo))
    grading = {  # merge into the question's info.json
        "externalGradingOptions": {
            "enabled": True,
            "image": "YOUR_DOCKER_HUB_NAME/coursekit-grader",
            "entrypoint": "/grade/tests/run.sh",
            "timeout": int(budget + 120),
        },
    }
    (out / "info-snippet.json").write_text(json.dumps(grading, indent=2) + "\n")
    (out / "question.html").write_text(QUESTION_HTML.format(uploads=uploads))
    return out


def _all_chapters(repo: Path) -> list[str]:
    from coursekit.grading.course import Course

    return Course.at(repo).chapters()


# -- inside the container ----------------------------------------------------------------------


def find_submission(root: Path, chapters: list[str]) -> Path:
    """The folder of ``root`` that holds the chapter modules: ``root`` itself (files uploaded
    one by one), ``root/exercises`` (a repository), or one folder down (an uploaded folder).
    Links are never followed; with no module anywhere, ``root`` (every chapter then scores 0)."""
    names = [f"{c}.py" for c in chapters]

    def has_modules(folder: Path) -> bool:
        return not folder.is_symlink() and any(os.path.lexists(folder / n) for n in names)

    subfolders = _subfolders(root)
    candidates = [root, root / "exercises", *subfolders, *(p / "exercises" for p in subfolders)]
    # (is_symlink first: is_dir follows a link, and one to a 300-character name raises)
    return next((c for c in candidates if not c.is_symlink() and c.is_dir() and has_modules(c)),
                root)  # fmt: skip


def _subfolders(folder: Path) -> list[Path]:
    """The folders among the first 10,000 entries of ``folder``, by name; no link is followed
    (100,000 folders, all listed, kept the grader 100 s before any grading)."""
    from coursekit.grading.runner import entries

    if folder.is_symlink() or not folder.is_dir():
        return []
    return [Path(e.path) for e in entries(folder) if e.is_dir(follow_symlinks=False)]


def folder_note(submission: Path, folder: Path, chapters: list[str], found: bool) -> str:
    """Which folder was graded, for the student. The names are the student's: not UTF-8 or
    with control characters, they are escaped (a lone surrogate in results.json breaks
    strict JSON readers, such as PostgreSQL's jsonb)."""
    from coursekit.grading.runner import misnamed, safe_name, unread_files

    shown = "/".join(safe_name(p) for p in folder.relative_to(submission).parts) or "."
    note = (f"graded the modules in {shown} of your submission" if found else
            f"no exercise module found: upload {', '.join(c + '.py' for c in chapters)}")
    hints = misnamed(folder, chapters)
    if not found:  # a notebook or a zip one folder down (an uploaded folder) is named too
        subs = _subfolders(folder)[:100]
        for sub in subs:  # 10,000 entries in all: 100 folders of 10,000 files took 200 s
            for key, hint in unread_files(sub, chapters, 10_000 // len(subs)).items():
                hints.setdefault(key, f"{sub.name}/{hint}")
    return note + "".join(f"; {safe_name(hint)}" for hint in hints.values())  # one a chapter


def gradescope_results(result, hidden_visibility: str, folder_note: str) -> dict:
    """Gradescope's results.json (see ``coursekit/autograder_schemas/gradescope.json``)."""
    from coursekit.grading import report

    data = report.gradescope_json(result, hidden_visibility)
    hidden = sum(t.hidden for t in result.tests)
    when = {"hidden": "are not shown", "visible": "are shown with their names only",
            "after_due_date": "show after the due date"}.get(hidden_visibility,
                                                             "show once grades are published")
    lines = [data.get("output", ""), folder_note]
    lines += [f"{hidden} hidden tests: their results {when}."] if hidden else []
    data["output"] = "\n".join(line for line in lines if line)
    data["stdout_visibility"] = "hidden"
    return data


def prairielearn_results(result, folder_note: str, found: bool) -> dict:
    """PrairieLearn's results.json (see ``coursekit/autograder_schemas/prairielearn.json``)."""
    from coursekit.grading import report

    tests = []
    for t in result.tests:
        name = f"{t.chapter}.{t.exercise}: {'hidden test' if t.hidden else t.name}"
        output = report.student_output(t, result) or "passed"
        tests.append({"name": name, "points": t.score, "max_points": t.max_score,
                      "output": output, "message": "" if t.passed else output})  # fmt: skip
    score = result.score / result.max_score if result.max_score else 0.0
    message = result.error or f"{result.score:g} / {result.max_score:g} points"
    if not found:
        message = f"{folder_note}\n{message}"
    return {
        "gradable": found and not result.error,
        "score": min(1.0, max(0.0, score)),
        "message": message,
        "output": folder_note,
        "tests": tests,
    }


def _write_json(path: Path, data: dict) -> None:
    """Write beside, then rename: a file student code left there is replaced, never followed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _private(root: Path) -> None:
    """Where Landlock is missing (an older kernel, a container whose seccomp refuses it), only
    modes keep the worker's uid out: the platform unpacks the course, the submission and
    Gradescope's ``submission_metadata.json`` readable by all. Root becomes passable but not
    listable; all it holds, except the venv the grader runs in, readable by root alone."""
    with suppress(OSError):  # a read-only mount (PrairieLearn's tests folder) stays as it is
        root.chmod(0o711)
    venv = Path(sys.prefix).resolve()
    for entry in root.iterdir() if root.is_dir() else ():
        if not entry.is_symlink() and not venv.is_relative_to(entry.resolve()):
            with suppress(OSError):
                entry.chmod(entry.stat().st_mode & 0o700)  # run_autograder stays runnable


def run(platform: str, root: Path, *, chapters=(), hidden_visibility="after_published",
        timeout=10.0, memory=2048, budget=120.0) -> dict:  # fmt: skip
    """Grade the platform's submission folder and write its ``results.json``."""
    from coursekit.grading import zygote

    zygote.start()  # first: it imports torch while this process imports the grader
    from coursekit.grading import runner
    from coursekit.grading.course import Course

    course = Course.at(Path.cwd())
    if os.geteuid() == 0:
        _private(root)
    chapter_list = list(chapters) or course.chapters()
    if platform == "gradescope":
        submission, results = root / "submission", root / "results" / "results.json"
    else:
        submission, results = root / "student", root / "results" / "results.json"
    folder = find_submission(submission, chapter_list)
    found = any(os.path.lexists(folder / f"{c}.py") for c in chapter_list)
    note = folder_note(submission, folder, chapter_list, found)
    result = runner.grade_submission(
        folder, chapter_list, timeout=timeout, memory_mb=memory, budget=budget,
        # All of the platform's root: Gradescope's submission_metadata.json holds the results
        # of earlier submissions, hidden tests included (the venv inside stays readable).
        name="submission", hidden=[submission, root], course=course,
    )  # fmt: skip
    if platform == "gradescope":
        data = gradescope_results(result, hidden_visibility, note)
    else:
        data = prairielearn_results(result, note, found)
    _write_json(results, data)
    print(f"{result.score:g} / {result.max_score:g} points; {note}; wrote {results}")
    return data


def main(argv: list[str]) -> int:
    import argparse

    from coursekit.grading import cli

    p = argparse.ArgumentParser(prog="python -m coursekit autograder", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="platform", required=True)

    def common(sp):
        sp.add_argument("--chapter", action="append", default=[],
                        help="grade only this chapter (repeat for several; default: all)")
        cli.add_limit_options(sp)

    visibility = {"choices": VISIBILITIES, "default": "after_published",
                  "help": "Gradescope visibility of hidden tests (default after_published)"}
    g = sub.add_parser("gradescope", help="write Gradescope's autograder zip")
    g.add_argument("out", metavar="OUT.zip")
    g.add_argument("--hidden-visibility", **visibility)
    common(g)
    pl = sub.add_parser("prairielearn", help="write a PrairieLearn external grader")
    pl.add_argument("out", metavar="OUT_DIR")
    common(pl)
    r = sub.add_parser("run", help="(inside the container) grade the submission")
    r.add_argument("where", choices=sorted(DEFAULT_ROOT))
    r.add_argument("--root", help="the platform's folder (default /autograder or /grade)")
    r.add_argument("--hidden-visibility", **visibility)
    common(r)
    args = p.parse_args(argv)
    try:
        limits = cli.limits(args)
    except cli.UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    limits["memory"] = limits.pop("memory_mb")
    if args.platform == "run":
        root = Path(args.root or os.environ.get(ROOT_ENV) or DEFAULT_ROOT[args.where])
        run(args.where, root, chapters=args.chapter, hidden_visibility=args.hidden_visibility,
            **limits)  # fmt: skip
        return 0
    from coursekit.grading.course import Course

    repo = Course.default().exercises.parent
    if not (repo / "tests" / "grading" / "reference").is_dir():
        print(f"error: {repo} has no tests/grading/reference: run this in the instructor's"
              " repository, not in the student edition", file=sys.stderr)  # fmt: skip
        return 2
    out = Path(args.out).resolve()
    try:
        if args.platform == "gradescope":
            if out.suffix != ".zip":
                raise ValueError(f"{args.out}: give a file name ending in .zip")
            build_gradescope(out, repo, chapters=args.chapter,
                             hidden_visibility=args.hidden_visibility, **limits)  # fmt: skip
        else:
            build_prairielearn(out, repo, chapters=args.chapter, **limits)
    except (FileExistsError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.platform} autograder written to {out}")
    return 0
