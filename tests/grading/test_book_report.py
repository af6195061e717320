"""The reports that book/exercises.md shows are real: a submission whose ``squared_loss`` forgot
the factor 1/2 is graded, and the page's example of ``check`` (as the student edition prints it:
public tests only) and of ``grade``'s class table (the instructor's, hidden tests included)
must hold the points it earns, exercise by exercise, and messages it is given."""

from __future__ import annotations

import re

from coursekit.grading import runner

PAGE = runner.REPO / "book" / "exercises.md"
CHAPTER = "linear_regression"
HALF = "    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2\n"
ROW = re.compile(rf"^({CHAPTER}\.\w+)\s+(\d+) / (\d+)\s+(ok|not yet|partly right)$")


def _blocks() -> list[str]:
    return re.findall(r"```text\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.S)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_pages_reports_are_what_the_grader_prints(tmp_path):
    reference = (runner.REFERENCE_DIR / f"{CHAPTER}.py").read_text()
    assert HALF in reference
    graded = {}
    for name, source in (("ada", reference.replace(HALF, HALF.replace(" / 2", ""))),
                         ("ben", reference)):  # fmt: skip
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{CHAPTER}.py").write_text(source)
        graded[name] = runner.grade_submission(tmp_path / name, [CHAPTER])
    check, table = (b for b in _blocks()
                    if any(map(ROW.match, b.splitlines())) or b.startswith("submission"))

    public = [t for t in graded["ada"].tests if not t.hidden]
    want = {}
    for t in public:
        row = want.setdefault(f"{t.chapter}.{t.exercise}", [0, 0])
        row[0], row[1] = row[0] + t.score, row[1] + t.max_score
    shown = {m[1]: [int(m[2]), int(m[3])] for m in map(ROW.match, check.splitlines()) if m}
    assert shown == want, f"book/exercises.md shows {shown}, check prints {want}"
    total = f"{sum(t.score for t in public):g} / {sum(t.max_score for t in public):g}"
    assert re.search(rf"^total\s+{total}$", check, re.M), f"the total is {total}"
    messages = _words(" ".join(t.output for t in public))
    for message in re.split(r"\n\s+- ", check.split("not yet", 1)[1].split(f"\n{CHAPTER}.")[0]):
        assert _words(message) in messages, f"no such message: {_words(message)}"

    for name, result in graded.items():
        score = f"{result.score:g} / {result.max_score:g}"
        assert re.search(rf"^{name}\s+{score}\s", table, re.M), f"{name} scores {score}"
