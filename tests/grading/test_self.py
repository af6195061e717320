"""Tests of the grading tests, for every chapter in tests/grading/checks/ (found automatically).

- the reference answers earn every point;
- the untouched stubs in exercises/ fail every test;
- every mutant in tests/grading/mutants/<chapter>/ fails at least one test (the mutation score
  is printed at the end of the run).

All of them share one isolated worker (reference, stubs and mutants are trusted code), so
torch is imported once rather than once per mutant.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from coursekit.grading import runner
from coursekit.release import exercises_changed

HERE = Path(__file__).parent
MUTANTS = HERE / "mutants"
CHAPTERS = runner.chapters()


def _mutants():
    found = []
    for chapter in CHAPTERS:
        for path in sorted((MUTANTS / chapter).glob("*.py")):
            found.append(pytest.param(chapter, path, id=f"{chapter}/{path.stem}"))
    return found


def _failures(result) -> str:
    return "\n".join(f"  {t.name}: {t.output}" for t in result.tests if not t.passed)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_is_complete(chapter):
    """Reference, stub and mutants exist; every test has points and names a real exercise."""
    stub = runner.EXERCISES_DIR / f"{chapter}.py"
    reference = runner.REFERENCE_DIR / f"{chapter}.py"
    assert stub.is_file(), f"missing stub module {stub}"
    assert reference.is_file(), f"missing reference module {reference}"
    assert list((MUTANTS / chapter).glob("*.py")), f"no mutants in {MUTANTS / chapter}"
    checks = runner.checks(chapter)
    assert checks, f"no @points tests in checks/{chapter}.py"
    module = runner.COURSE.checks_module(chapter)
    unpointed = [
        n for n, f in vars(module).items()
        if n.startswith("test_") and callable(f) and not hasattr(f, "grading_points")
    ]  # fmt: skip
    assert not unpointed, f"tests without @points in checks/{chapter}.py: {unpointed}"
    stub_functions = {
        node.name for node in ast.parse(stub.read_text()).body if isinstance(node, ast.FunctionDef)
    }
    ref = runner.reference_module(chapter)
    for check in checks:
        assert check.exercise in stub_functions, f"{check.name}: no {check.exercise}() in {stub}"
        assert callable(getattr(ref, check.exercise, None)), f"no {check.exercise} in {reference}"
    # What reports list for a submission that could not be graded, read without importing.
    facts = [(c.name, c.exercise, c.points, c.hidden) for c in checks]
    catalog = [(c.name, c.exercise, c.points, c.hidden) for c in runner.COURSE.catalog(chapter)]
    assert catalog == facts, "write @points(n, \"exercise\") with literal arguments"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_reference_earns_every_point(chapter, grading_worker):
    result = runner.grade_modules(
        {chapter: runner.REFERENCE_DIR / f"{chapter}.py"}, worker=grading_worker, name="reference"
    )
    assert result.tests
    assert result.score == result.max_score, (
        f"the reference answers fail grading tests:\n{_failures(result)}"
    )


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_stubs_fail_every_test(chapter, grading_worker):
    result = runner.grade_modules(
        {chapter: runner.EXERCISES_DIR / f"{chapter}.py"}, worker=grading_worker, name="stub"
    )
    passing = [t.name for t in result.tests if t.passed]
    assert result.tests
    assert not passing, (
        f"these tests pass on the untouched stubs (they must call the student's code): {passing}"
    )
    assert all(t.output for t in result.tests), "every failure needs a message"


@pytest.mark.parametrize(("chapter", "mutant"), _mutants())
def test_mutant_is_caught(chapter, mutant, grading_worker, tmp_path, request):
    text = mutant.read_text()
    doc = ast.get_docstring(ast.parse(text))
    assert doc, f"{mutant} needs a module docstring naming the mistake"
    source = (runner.REFERENCE_DIR / f"{chapter}.py").read_text() + "\n\n" + text
    module = tmp_path / f"{chapter}.py"
    module.write_text(source)
    # "Says (exercise): words" in the docstring: a failed test of that exercise teaches it in
    # these words (its message names the mistake, not only that a value is off).
    says = re.findall(r"^Says \((\w+)\): (.+)$", doc, re.MULTILINE)
    # Only the tests of what the mutant changes (the others run the reference's own code, which
    # test_reference_earns_every_point grades); all of them if those do not catch it.
    exercises = exercises_changed(chapter, text)
    for only in (exercises and exercises | {e for e, _ in says}, None):
        result = runner.grade_modules({chapter: module}, worker=grading_worker,
                                      name=mutant.stem, exercises=only)  # fmt: skip
        caught = result.score < result.max_score
        if caught or only is None:
            break
    # Read by pytest_terminal_summary in conftest.py, which prints the mutation score (a report
    # property, so that it reaches the summary from pytest-xdist's workers too).
    request.node.user_properties.append(("coursekit_mutant", (chapter, mutant.stem, caught)))
    assert caught, f"mutant {chapter}/{mutant.stem} ({doc.splitlines()[0]}) passes every test"
    errors = [t.output for t in result.tests if t.output.startswith("grader error")]
    assert not errors, f"grader errors on mutant {mutant.stem}: {errors[0]}"
    for exercise, words in says:
        said = [t.output for t in result.tests if t.exercise == exercise and not t.passed]
        assert any(words in output for output in said), (
            f"mutant {mutant.stem}: no failed test of {exercise} says {words!r}:\n"
            + "\n".join(said)
        )


def test_torch_optim_earns_every_optimizer_point(grading_worker):
    """The optimizer checks expect the reference rules' steps; torch.optim itself, submitted
    through the exercise's interface, must earn every point, hidden tests included: so the
    reference and torch.optim agree on every problem the checks pose (see TWINS there). It also
    shows that student code may use torch.optim in the sandbox (its first step imports
    torch._dynamo, which needs ``ctypes.wintypes`` preloaded in the worker)."""
    if "optimizers" not in CHAPTERS:
        pytest.skip("no optimizers chapter")
    result = runner.grade_modules(
        {"optimizers": HERE / "torch_optimizers.py"}, worker=grading_worker, name="torch.optim"
    )
    assert result.tests
    assert result.score == result.max_score, f"torch.optim loses points:\n{_failures(result)}"


TORCH_OPTIM_WEIGHT_DECAY = """
def weight_decay_step(w, grad, lr, weight_decay):
    p = w.detach().clone().requires_grad_(True)
    p.grad = grad.clone()
    torch.optim.SGD([p], lr=lr, weight_decay=weight_decay).step()
    return p.detach()
"""


def test_torch_optim_earns_every_weight_decay_point(grading_worker, tmp_path):
    """The weight-decay checks compute torch.optim.SGD's step by its formula (torch.optim would
    cost the grader seconds of imports): torch.optim.SGD itself must earn every point."""
    if "overfitting" not in CHAPTERS:
        pytest.skip("no overfitting chapter")
    module = tmp_path / "overfitting.py"
    reference = (runner.REFERENCE_DIR / "overfitting.py").read_text()
    module.write_text(reference + "\n\nimport torch\n" + TORCH_OPTIM_WEIGHT_DECAY)
    result = runner.grade_modules({"overfitting": module}, worker=grading_worker, name="SGD")
    tests = [t for t in result.tests if t.exercise == "weight_decay_step"]
    assert tests and all(t.score == t.max_score for t in tests), _failures(result)


def test_grading_imports_none_of_torchs_slow_modules(tmp_path):
    """A full submission grades without the grading process importing torch._dynamo (what
    building a torch.optim optimizer does first), torch.distributed (torch.testing.assert_close)
    or sympy (``Y.backward(dY)``): seconds per grading process (issue 16)."""
    import subprocess
    import sys

    for chapter in CHAPTERS:
        reference = runner.REFERENCE_DIR / f"{chapter}.py"
        (tmp_path / f"{chapter}.py").write_bytes(reference.read_bytes())
    code = ("import sys; from coursekit.grading import runner;"
            " r = runner.grade_submission(sys.argv[1]);"
            " slow = {'torch._dynamo', 'torch.distributed.tensor', 'sympy'};"
            " print(r.score, r.max_score, sorted(slow & set(sys.modules)))")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True, timeout=300, cwd=runner.REFERENCE_DIR.parents[2])  # fmt: skip
    score, max_score, imported = done.stdout.split(maxsplit=2)
    assert score == max_score, done.stdout + done.stderr
    assert imported.strip() == "[]", f"the grading process imported {imported.strip()}"


def test_reference_in_process_earns_every_point():
    """benchmarks/grading.py times the checks against the reference called in this process
    (no isolation) as the baseline of the worker's overhead: that must be the same work."""
    from coursekit.grading.isolation import InProcessStudent

    for chapter in CHAPTERS:
        reference = runner.reference_module(chapter)
        student = InProcessStudent(reference, chapter)
        results = [runner.run_check(c, student, reference) for c in runner.checks(chapter)]
        lost = [f"{t.name}: {t.output}" for t in results if not t.passed]
        assert not lost, f"{chapter}: {lost}"


def test_the_page_and_the_stubs_say_how_many_steps_the_optimizer_checks_take():
    """book/optimizers/adaptive.md and exercises/optimizers.py tell students how long the
    grader follows each rule: the number must be the checks' own."""
    steps = runner.COURSE.checks_module("optimizers").STEPS
    page = runner.REPO / "book" / "optimizers" / "adaptive.md"
    for path in (page, runner.EXERCISES_DIR / "optimizers.py"):
        text = " ".join(path.read_text(encoding="utf-8").split())
        assert f"for {steps} steps" in text, f"{path} does not say the grader runs {steps} steps"
