"""What the book's pages need beyond data, training and plots: glued values and shown errors.

MyST-NB's ``{glue}`` roles print a value that a code cell stored with ``glue(name, value)``, so
every number the prose states comes from the notebook that shows it. :func:`glue` here writes
exactly what ``myst_nb.glue`` writes; it exists because ``myst_nb.glue`` imports nbformat and,
through it, jsonschema, whose optional IRI checker compiles 39 grammars when imported: about
2 s on the first call in every notebook, which is a large share of a page that trains a model
in 5 s. ``tests/unit/test_book_glue.py`` checks that the two write the same messages.

A page that demonstrates an error wraps it in :func:`expect_error`, which prints the error's
type and message as a reader needs them: no traceback, no path of the build machine.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Where MyST-NB looks for glued data it should not display (myst_nb.ext.glue.GLUE_PREFIX).
GLUE_PREFIX = "application/papermill.record/"


def glue(name: str, value: Any, display: bool = True) -> None:
    """Store ``value``'s display data under ``name`` for ``{glue}`` roles and directives.

    With ``display=False`` nothing is shown in the cell's output; the page shows the value
    only where the text pastes it.
    """
    from IPython.core.formatters import format_display_data
    from IPython.display import display as ipy_display

    mimebundle, metadata = format_display_data(value)
    prefix = "" if display else GLUE_PREFIX
    metadata["scrapbook"] = {"name": name, "mime_prefix": prefix}
    ipy_display({prefix + k: v for k, v in mimebundle.items()}, raw=True, metadata=metadata)


# An absolute path (POSIX or Windows) up to its last part: "/tmp/x1/best.pt" -> "best.pt".
_PATH = re.compile(r"(?<![\w.])(?:[A-Za-z]:)?[\\/](?:[^\s\\/]+[\\/])+([^\s\\/]+)")


def show_error(error: BaseException, max_lines: int = 2, width: int = 88) -> None:
    """Print an exception as a reader needs it: ``Type: message``, at most ``max_lines`` lines.

    No traceback, and an absolute path in the message is cut to its file name, so the page
    shows neither library internals nor the build machine's folders. Lines are wrapped at
    ``width`` characters to fit the page.
    """
    lines = [_PATH.sub(r"\1", line) for line in str(error).strip().splitlines()]
    head = f"{type(error).__name__}: {lines[0] if lines else ''}".rstrip(": ")
    for line in [head, *lines[1:max_lines]]:
        print(textwrap.fill(line, width, subsequent_indent="    "))


@contextmanager
def expect_error(*errors: type[BaseException], max_lines: int = 2) -> Iterator[None]:
    """Run a block that must fail with one of ``errors`` and show the error with
    :func:`show_error`, instead of letting the cell fail with a traceback.

    A page demonstrates an error with ``with expect_error(ValueError): ...``. If the block
    raises nothing, this raises ``AssertionError``, so the page's build fails rather than
    showing nothing where the text promises an error.
    """
    try:
        yield
    except errors as error:
        show_error(error, max_lines=max_lines)
    else:
        names = " or ".join(e.__name__ for e in errors)
        raise AssertionError(f"expected {names}, but the block ran without error")
