"""Turning results into the student's table, the class table, JSON, CSV and Gradescope files."""

from __future__ import annotations

import csv
import json
import textwrap
from pathlib import Path

from coursekit.grading.runner import SubmissionResult


def _fmt(x: float) -> str:
    return f"{x:g}"


HIDDEN_FAILED = (
    "a hidden test failed: it uses inputs the public tests do not; check that your function"
    " does what its docstring says for every input, not only for the public tests' ones."
)


def student_output(t) -> str:
    """What a student may read about test ``t``: a hidden test's message can show its inputs."""
    if t.hidden and not t.passed:
        return HIDDEN_FAILED
    return t.output


def exercise_rows(
    result: SubmissionResult, student: bool = False
) -> list[tuple[str, str, float, float, list[str]]]:
    """``(chapter, exercise, earned, possible, failure messages)`` in test order.

    With ``student``, hidden tests' messages are replaced by :data:`HIDDEN_FAILED`.
    """
    rows: dict[tuple[str, str], list] = {}
    for t in result.tests:
        row = rows.setdefault((t.chapter, t.exercise), [0.0, 0.0, []])
        row[0] += t.score
        row[1] += t.max_score
        output = student_output(t) if student else t.output
        if not t.passed and output and output not in row[2]:
            row[2].append(output)
    return [(ch, ex, r[0], r[1], r[2]) for (ch, ex), r in rows.items()]


def student_table(result: SubmissionResult, width: int = 100) -> str:
    """The table ``python -m coursekit check`` prints: exercise, points, what went wrong."""
    rows = exercise_rows(result, student=True)
    name_width = max([len("exercise")] + [len(f"{ch}.{ex}") for ch, ex, *_ in rows])
    lines = [f"{'exercise':<{name_width}}  {'points':>9}  result", "-" * width]
    for ch, ex, earned, possible, messages in rows:
        status = "partly right" if earned else "not yet"
        if earned == possible and not messages:
            status = "ok"
        lines.append(
            f"{ch + '.' + ex:<{name_width}}  {_fmt(earned):>4} / {_fmt(possible):<4}  {status}"
        )
        for message in messages:
            for i, paragraph in enumerate(message.strip().splitlines()[:12]):
                wrapped = textwrap.wrap(
                    paragraph, width - name_width - 6, break_long_words=False
                ) or [""]
                for j, piece in enumerate(wrapped):
                    bullet = "- " if i == 0 and j == 0 else "  "
                    lines.append(" " * (name_width + 2) + bullet + piece)
    lines.append("-" * width)
    total = f"{_fmt(result.score)} / {_fmt(result.max_score)}"
    lines.append(f"{'total':<{name_width}}  {total:>9}")
    hidden = sum(t.hidden for t in result.tests)
    if hidden:
        lines.append(f"({hidden} of these tests are hidden: their inputs are not shown)")
    if result.error:
        lines.append(f"note: {result.error}")
    return "\n".join(lines)


def student_html(result: SubmissionResult) -> str:
    """The same table as HTML, for notebooks."""
    import html

    cells = []
    for _ch, ex, earned, possible, messages in exercise_rows(result, student=True):
        color = "#1a7f37" if earned == possible else ("#9a6700" if earned else "#cf222e")
        text = "<br>".join(html.escape(m).replace("\n", "<br>") for m in messages) or "ok"
        cells.append(
            f"<tr><td><code>{html.escape(ex)}</code></td><td style='color:{color}'>"
            f"{_fmt(earned)} / {_fmt(possible)}</td><td style='text-align:left'>{text}</td></tr>"
        )
    return (
        "<table><thead><tr><th>exercise</th><th>points</th><th>what to fix</th></tr></thead>"
        f"<tbody>{''.join(cells)}</tbody><tfoot><tr><th>total</th><th>{_fmt(result.score)} / "
        f"{_fmt(result.max_score)}</th><th></th></tr></tfoot></table>"
    )


def class_table(results: list[SubmissionResult]) -> str:
    """One line per submission: name, score, and the exercises that lost points."""
    name_width = max([len("submission")] + [len(r.submission) for r in results])
    lines = [f"{'submission':<{name_width}}  {'score':>11}  lost points in", "-" * 90]
    for r in results:
        lost = [
            f"{ch}.{ex}" for ch, ex, earned, possible, _ in exercise_rows(r) if earned < possible
        ]
        note = r.error or (", ".join(lost) if lost else "-")
        score = f"{_fmt(r.score)} / {_fmt(r.max_score)}"
        lines.append(f"{r.submission:<{name_width}}  {score:>11}  {note}")
    return "\n".join(lines)


def write_json(results: list[SubmissionResult], path: Path) -> None:
    text = json.dumps([r.to_json() for r in results], indent=2) + "\n"
    Path(path).write_text(text, encoding="utf-8")


def write_csv(results: list[SubmissionResult], path: Path) -> None:
    """One row per submission, one column per exercise (``chapter.exercise``), then the total."""
    columns: list[str] = []
    for r in results:
        for ch, ex, *_ in exercise_rows(r):
            if f"{ch}.{ex}" not in columns:
                columns.append(f"{ch}.{ex}")
    with open(path, "w", newline="", encoding="utf-8", errors="backslashreplace") as f:
        writer = csv.writer(f)
        writer.writerow(["submission", *columns, "score", "max_score", "error"])
        for r in results:
            earned = {f"{ch}.{ex}": e for ch, ex, e, *_ in exercise_rows(r)}
            writer.writerow(
                [r.submission, *(_fmt(earned.get(c, 0)) for c in columns),
                 _fmt(r.score), _fmt(r.max_score), r.error]
            )  # fmt: skip


def gradescope_json(result: SubmissionResult, hidden_visibility: str = "after_published") -> dict:
    """Gradescope's autograder ``results.json`` for one submission.

    Hidden tests get ``hidden_visibility`` (``after_published`` or ``hidden``) and, in any case,
    a message that does not show their inputs.
    """
    tests = []
    for t in result.tests:
        entry = {
            "name": f"{t.chapter}.{t.exercise}: {'hidden test' if t.hidden else t.name}",
            "score": t.score,
            "max_score": t.max_score,
            "status": "passed" if t.passed else "failed",
            "visibility": hidden_visibility if t.hidden else "visible",
            "output": student_output(t) or "passed",
            "output_format": "text",
        }
        tests.append(entry)
    data = {
        "score": result.score,
        "execution_time": round(result.seconds, 2),
        "output": result.error or f"{_fmt(result.score)} / {_fmt(result.max_score)} points",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }
    return data


def write_gradescope(
    results: list[SubmissionResult], folder: Path, hidden_visibility: str = "after_published"
) -> list[Path]:
    """Write ``folder/results.json`` for one submission, else ``folder/<name>/results.json``."""
    folder = Path(folder)
    written = []
    for r in results:
        target = folder if len(results) == 1 else folder / r.submission
        target.mkdir(parents=True, exist_ok=True)
        text = json.dumps(gradescope_json(r, hidden_visibility), indent=2) + "\n"
        (target / "results.json").write_text(text, encoding="utf-8")
        written.append(target / "results.json")
    return written
