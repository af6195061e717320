"""Grading the exercises: isolated, self-tested, with messages that teach.

Grading tests (``tests/grading/checks/<chapter>.py``) are functions ``test_*(student, reference)``
decorated with :func:`points`. ``student`` calls the submission's functions in a separate,
limited process and returns plain data; ``reference`` is the reference module. The helpers
below compare in this trusted process and fail with a teaching message.
See ``tests/grading/README.md``.
"""

from __future__ import annotations

# The helpers below come from coursekit.grading.api, imported on first use (PEP 562): importing
# this package must not import torch, so that ``python -m coursekit`` can start the grading
# zygote before it does (see zygote.py).
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


def __dir__() -> list[str]:
    return sorted(__all__)


def check(chapter: str | None = None, folder=None, *, timeout: float | None = None):
    """Grade ``exercises/`` (or ``folder``) and show the table; returns the result.

    In a notebook the table is displayed as HTML; elsewhere it is printed.
    """
    from pathlib import Path

    from coursekit.grading import report, runner
    from coursekit.grading.zygote import DEFAULT_TIMEOUT

    known = runner.chapters()
    if chapter is not None and chapter not in known:
        raise ValueError(f"unknown chapter {chapter!r}; chapters: {', '.join(known)}")
    folder = Path(folder) if folder is not None else runner.EXERCISES_DIR
    result = runner.grade_submission(
        folder,
        known if chapter is None else [chapter],
        timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
    )
    if not _display(result):
        print(report.student_table(result))
    return result


def _display(result) -> bool:
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display
    except ImportError:
        return False
    if get_ipython() is None:
        return False
    from coursekit.grading import report

    display(HTML(report.student_html(result)))
    return True
