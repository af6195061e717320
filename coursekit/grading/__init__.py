"""Grading the exercises: isolated, self-tested, with messages that teach.

Grading tests (``tests/grading/checks/<chapter>.py``) are functions ``test_*(student, reference)``
decorated with :func:`points`: ``student`` calls the submission's functions in a separate,
limited process; the ``expect_*`` helpers compare here. See ``tests/grading/README.md``.
"""

from __future__ import annotations

# The helpers come from coursekit.grading.api on first use (PEP 562): importing this package
# must not import torch, so that ``python -m coursekit`` starts the grading zygote first.
_API = (
    "GradingFailure", "Outcome", "expect_close", "expect_dtype", "expect_shape", "expect_tensor",
    "expect_unchanged", "fail", "generator", "points", "seeded_labels", "seeded_randn",
    "shape_str", "with_grad",
)  # fmt: skip
__all__ = [*_API, "check"]


def __getattr__(name: str):
    if name in _API:
        from coursekit.grading import api

        return getattr(api, name)
    raise AttributeError(f"module 'coursekit.grading' has no attribute {name!r}")


def check(chapter: str | None = None, folder=None, *, timeout: float | None = None):
    """Grade ``exercises/`` (or ``folder``) and show the table (HTML in a notebook); returns
    the result (``.score``, ``.max_score``, ``.tests``)."""
    from coursekit.grading import report, runner, zygote

    known = runner.chapters()
    if chapter is not None and chapter not in known:
        raise ValueError(f"unknown chapter {chapter!r}; chapters: {', '.join(known)}")
    result = runner.grade_submission(
        runner.EXERCISES_DIR if folder is None else folder, known if chapter is None else [chapter],
        timeout=zygote.DEFAULT_TIMEOUT if timeout is None else timeout,
    )  # fmt: skip
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display

        if get_ipython() is not None:
            display(HTML(report.student_html(result)))
            return result
    except ImportError:
        pass
    print(report.student_table(result))
    return result
