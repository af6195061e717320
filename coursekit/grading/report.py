"""The student's table, the class table, JSON, CSV and Gradescope files (torch-free). Texts are
bounded: messages were cut by ``runner.clip``, names by ``runner.safe_name``."""

from __future__ import annotations

import csv
import html
import json
import re
import textwrap
from pathlib import Path

HIDDEN_FAILED = (
    "a hidden test failed: it uses inputs the public tests do not; check that your function"
    " does what its docstring says for every input, not only for the public tests' ones."
)

# What a test of a function that still raises NotImplementedError says (isolation._outcome).
NOT_STARTED = "{fn}() is not implemented yet (it raises NotImplementedError): write its body."


def student_output(t, result) -> str:
    """What a student may read about test ``t`` of ``result``: a hidden test's message can show
    its inputs, unless a public test of its exercise failed with the same (a missing module)."""
    if not t.hidden or t.passed:
        return t.output
    public = {u.output for u in result.tests if not u.hidden and not u.passed
              and (u.chapter, u.exercise) == (t.chapter, t.exercise)}  # fmt: skip
    return t.output if t.output in public else HIDDEN_FAILED


def exercise_rows(result, student: bool = False) -> list[tuple[str, str, float, float, list]]:
    """``(chapter, exercise, earned, possible, failure messages)`` in test order (``student``:
    hidden tests' messages replaced by :data:`HIDDEN_FAILED`)."""
    rows: dict[tuple[str, str], list] = {}
    for t in result.tests:
        row = rows.setdefault((t.chapter, t.exercise), [0.0, 0.0, [], {}])
        row[0], row[1] = row[0] + t.score, row[1] + t.max_score
        output = student_output(t, result) if student else t.output
        if t.passed or not output or output in row[2]:
            continue
        # A student reads one mistake once: the same message for other sizes, dtypes or values is
        # counted instead.
        shape = _NUMBER.sub("#", output) if student else output
        if shape in row[3]:
            row[3][shape][1] += 1
            continue
        row[3][shape] = [output, 0]
        row[2].append(output)
    return [(ch, ex, earned, possible, [m for m, n in seen.values() for m in _counted(m, n, ex)])
            for (ch, ex), (earned, possible, _, seen) in rows.items()]  # fmt: skip


# A number, or the name of a dtype (torch.float32 and torch.float64 differ as sizes do).
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.])|(?<=torch\.)[a-z]+\d+\b")


def _counted(message: str, more: int, exercise: str) -> list[str]:
    if not more:
        return [message]
    tests = "test of" if more == 1 else "tests of"  # its name: never "the same as ... above"
    fail = "fails" if more == 1 else "fail"
    return [message, f"{more} more {tests} {exercise} {fail} the same way, with other sizes,"
            " dtypes or values."]  # fmt: skip


def student_table(result, width: int = 100) -> str:
    """The table ``python -m coursekit check`` prints: exercise, points, what went wrong."""
    rows = exercise_rows(result, student=True)
    w = max([len("exercise")] + [len(f"{ch}.{ex}") for ch, ex, *_ in rows])
    lines = [f"{'exercise':<{w}}  {'points':>9}  result", "-" * width]
    first: dict[str, str] = {}  # a message already shown (a missing module): where
    unwritten = 0
    for ch, ex, earned, possible, messages in rows:
        status = "partly right" if earned else "not yet"
        status = "ok" if earned == possible and not messages else status
        if not earned and messages == [NOT_STARTED.format(fn=ex)]:  # one line, not 42 alike
            status, messages, unwritten = "not started", [], unwritten + 1
        lines.append(f"{ch + '.' + ex:<{w}}  {earned:>4g} / {possible:<4g}  {status}")
        for message in messages:
            if message in first:
                lines.append(" " * (w + 2) + f"- the same as for {first[message]} above")
                continue
            first[message] = f"{ch}.{ex}"
            for i, paragraph in enumerate(_shortened(message.strip().splitlines())):
                code = paragraph.startswith("    ")  # a traceback's code or caret line: whole
                pieces = [paragraph] if code else textwrap.wrap(
                    paragraph, width - w - 6, break_long_words=False) or [""]  # fmt: skip
                lines += [" " * (w + 2) + ("- " if i == j == 0 else "  ") + piece
                          for j, piece in enumerate(pieces)]  # fmt: skip
    total = f"{result.score:g} / {result.max_score:g}"
    lines += ["-" * width, f"{'total':<{w}}  {total:>9}"]
    if hidden := sum(t.hidden for t in result.tests):
        these = "of these tests is" if hidden == 1 else "of these tests are"
        lines.append(f"({hidden} {these} hidden: their inputs are not shown)")
    if unwritten:
        them = "this function is" if unwritten == 1 else f"these {unwritten} functions are"
        lines += textwrap.wrap(
            f"not started: {them} not implemented yet: replace the `raise"
            " NotImplementedError(...)` line of each with your answer."
            + " Start with the chapter you are reading: `check` followed by its name grades it"
            " alone." * (len({ch for ch, *_ in rows}) > 1), width)
    return "\n".join(lines + ([f"note: {result.error}"] if result.error else []))


def _shortened(lines: list[str], most: int = 12) -> list[str]:
    """At most ``most`` lines of a message, keeping the advice after its last blank line
    (a hint that follows a long traceback)."""
    if len(lines) <= most:
        return lines
    tail = lines[len(lines) - lines[::-1].index(""):][-3:] if "" in lines else []
    return lines[: most - len(tail) - 1] + ["  ..."] + tail


def _code_blocks(text: str) -> str:
    """A traceback's indented lines (code and its caret line) as one block that keeps each line
    whole and scrolls sideways inside itself: wrapped, the caret sat under other code."""
    return re.sub(
        r"(?m)((?:^ .*(?:\n|$))+)",
        lambda m: "<div tabindex='0' style='white-space:pre;overflow-x:auto'>"
        f"{m.group(1).removesuffix(chr(10))}</div>",
        text,
    )


def student_html(result) -> str:
    """The same table as HTML, for notebooks."""
    cells, first = [], {}
    for _ch, ex, earned, possible, messages in exercise_rows(result, student=True):
        color = "#1a7f37" if earned == possible else ("#9a6700" if earned else "#cf222e")
        shown = [f"the same as for {first[m]} above" if m in first else m for m in messages]
        first.update((m, ex) for m in messages if m not in first)
        text = "\n\n".join(_code_blocks(html.escape(m.rstrip())) for m in shown) or "ok"
        text = text.replace("</div>\n", "</div>")  # the block ends its line itself
        # max-width:0 holds the cell to the window's width (a phone's too): sentences wrap in it
        cells.append(
            f"<tr style='vertical-align:top'><td><code>{html.escape(ex)}</code></td>"
            f"<td style='color:{color}'>{earned:g} / {possible:g}</td>"
            "<td style='text-align:left;white-space:pre-wrap;font-family:monospace;width:100%;"
            f"max-width:0'>{text}</td></tr>"
        )
    return (
        "<table><thead><tr><th>exercise</th><th>points</th><th>what to fix</th></tr></thead>"
        f"<tbody>{''.join(cells)}</tbody><tfoot><tr><th>total</th><th>{result.score:g} / "
        f"{result.max_score:g}</th><th></th></tr></tfoot></table>"
    )


def public_only(result) -> set[str]:
    """The ``chapter.exercise`` names whose public tests all passed and hidden tests all failed:
    answers that may hold only for the public tests' inputs."""
    passed: dict[tuple[str, bool], list[bool]] = {}
    for t in result.tests:
        passed.setdefault((f"{t.chapter}.{t.exercise}", t.hidden), []).append(t.passed)
    return {name for (name, hidden), ok in passed.items()
            if hidden and not any(ok) and all(passed.get((name, False), [False]))}  # fmt: skip


def class_table(results) -> str:
    """One line per submission: name, score, and the exercises that lost points (``*``: see
    :func:`public_only`), or a chapter whose tests all failed with one message and that message."""
    w = max([len("submission")] + [len(r.submission) for r in results])
    lines = [f"{'submission':<{w}}  {'score':>11}  lost points in", "-" * 90]
    marked = False
    for r in results:
        flagged, outputs, why = public_only(r), {}, {}
        for t in r.tests:  # a chapter whose exercises all failed with one message: that message
            outputs.setdefault(t.chapter, {})[t.exercise, t.name] = "" if t.passed else t.output
        for ch, found in outputs.items():  # the shortest, where every other holds it
            m = min(found.values(), key=len)
            if m and all(m in o for o in found.values()) and len({e for e, _ in found}) > 1:
                why[ch] = f"{ch}: {m.splitlines()[0][:200]}"
        lost = dict.fromkeys(why.get(ch) or f"{ch}.{ex}" + "*" * (f"{ch}.{ex}" in flagged)
                             for ch, ex, got, most, _ in exercise_rows(r) if got < most)
        marked = marked or bool(flagged)
        score = f"{r.score:g} / {r.max_score:g}"
        lines.append(f"{r.submission:<{w}}  {score:>11}  {r.error or ', '.join(lost) or '-'}")
    if marked:
        lines.append("* every public test passed and every hidden one failed: an answer that may"
                     " hold only for the public tests' inputs; worth a look")  # fmt: skip
    return "\n".join(lines)


def write_json(results, path: Path) -> None:
    """A JSON list with ``SubmissionResult.to_json()`` of each result, in order."""
    text = json.dumps([r.to_json() for r in results], indent=2, ensure_ascii=False) + "\n"
    Path(path).write_text(text, encoding="utf-8", errors="backslashreplace")


def write_csv(results, path: Path) -> None:
    """One row per submission, one column per exercise (``chapter.exercise``), then the total."""
    earned = [{f"{ch}.{ex}": e for ch, ex, e, *_ in exercise_rows(r)} for r in results]
    columns = list(dict.fromkeys(c for row in earned for c in row))
    with open(path, "w", newline="", encoding="utf-8", errors="backslashreplace") as f:
        writer = csv.writer(f)
        writer.writerow(["submission", *columns, "score", "max_score", "error"])
        for r, row in zip(results, earned, strict=True):
            # A leading = + - @ is a spreadsheet formula: an apostrophe makes it text (one before
            # a leading ' keeps "=1" and "'=1" apart).
            name = "'" * r.submission.startswith(("=", "+", "-", "@", "'")) + r.submission
            writer.writerow([name, *(f"{row.get(c, 0):g}" for c in columns),
                             f"{r.score:g}", f"{r.max_score:g}", r.error])  # fmt: skip


def gradescope_json(result, hidden_visibility: str = "after_published") -> dict:
    """Gradescope's autograder ``results.json`` for one submission. Hidden tests get
    ``hidden_visibility`` (``after_published`` or ``hidden``) and a message without inputs."""
    tests = [{"name": f"{t.chapter}.{t.exercise}: {'hidden test' if t.hidden else t.name}",
              "score": t.score, "max_score": t.max_score,
              "status": "passed" if t.passed else "failed",
              "visibility": hidden_visibility if t.hidden else "visible",
              "output": student_output(t, result) or "passed", "output_format": "text"}
             for t in result.tests]  # fmt: skip
    # The visible summary counts only the tests the student may see (README: "Running it").
    shown = [t for t in result.tests if not t.hidden or hidden_visibility == "visible"]
    summary = f"{sum(t.score for t in shown):g} / {sum(t.max_score for t in shown):g} points"
    summary += " in the public tests" * (len(shown) < len(result.tests))
    # No run time: a module that slept on a hidden input's digits read them back from it.
    return {"score": result.score, "output": result.error or summary,
            "output_format": "text",  # never HTML: names
            "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}  # fmt: skip


def unique_names(names) -> list[str]:
    """``names`` with " (2)", " (3)", ... added to each that repeats an earlier one, never
    making a name that another of ``names`` is: each still names one submission."""
    names = list(names)
    given, taken = set(names), set()
    for i, name in enumerate(names):
        unique, k = name, 1
        while unique in taken or (k > 1 and unique in given):
            k += 1
            unique = f"{name} ({k})"
        taken.add(unique)
        names[i] = unique
    return names


def write_gradescope(results, folder: Path) -> None:
    """Write ``folder/results.json`` for one submission, else ``folder/<name>/results.json``."""
    # A file name is at most 255 bytes: names alike in their first 240 are numbered.
    names = unique_names([r.submission.replace("/", "_").encode()[:240].decode(
        "utf-8", "ignore") for r in results])  # fmt: skip
    for r, name in zip(results, names, strict=True):
        target = Path(folder) if len(results) == 1 else Path(folder) / name
        target.mkdir(parents=True, exist_ok=True)
        text = json.dumps(gradescope_json(r), indent=2, ensure_ascii=False) + "\n"
        (target / "results.json").write_text(text, encoding="utf-8", errors="backslashreplace")
