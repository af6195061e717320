"""Grading the exercises, isolated, self-tested, with messages that teach: grading tests are
``@points`` functions ``test_*(student, reference)``; see ``tests/grading/README.md``."""

from __future__ import annotations

import sys

# The helpers come from coursekit.grading.api on first use (PEP 562): importing this package
# must not import torch, so that ``python -m coursekit`` starts the grading zygote first.
_API = (
    "GradingFailure", "NO_GRAD", "Outcome", "all_close", "circular_unevenness",
    "expect_close", "expect_dtype", "expect_raises", "expect_shape", "expect_tensor",
    "expect_unchanged", "fail", "float32_tolerances", "generator", "out_of_memory", "points",
    "ranks", "run_grad_or_numpy", "seeded_labels", "seeded_randn", "shape_str", "short_repr",
    "with_grad",
)  # fmt: skip
__all__ = [*_API, "check"]


def __getattr__(name: str):
    if name in _API:
        from coursekit.grading import api

        return getattr(api, name)
    raise AttributeError(f"module 'coursekit.grading' has no attribute {name!r}")


def check(chapter: str | None = None):
    """Grade ``exercises/`` and show the table (HTML in a notebook); returns the result
    (``.score``, ``.max_score``, ``.tests``)."""
    from coursekit.grading import cli, report, runner

    try:
        chapters = cli.chapters_to_grade(chapter)
    except cli.UsageError as exc:  # its message, without the command line's frames
        raise cli.UsageError(str(exc)) from None
    result = runner.grade_submission(runner.EXERCISES_DIR, chapters)
    ipython = sys.modules.get("IPython")  # imported already wherever a notebook runs
    if ipython is not None and ipython.get_ipython() is not None:
        from IPython.display import HTML, display

        display(HTML(report.student_html(result)))
    else:
        print(report.student_table(result))
    for note in runner.copies_elsewhere(result):  # answers saved beside the notebook, say
        print(f"note: {note}")
    return result
