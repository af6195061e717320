"""What the book's pages need beyond data, training and plots: gluing computed values into the text.

MyST-NB's ``{glue}`` roles print a value that a code cell stored with ``glue(name, value)``, so
every number the prose states comes from the notebook that shows it. :func:`glue` here writes
exactly what ``myst_nb.glue`` writes; it exists because ``myst_nb.glue`` imports nbformat and,
through it, jsonschema, whose optional IRI checker compiles 39 grammars when imported: about
2 s on the first call in every notebook, which is a large share of a page that trains a model
in 5 s. ``tests/unit/test_book_glue.py`` checks that the two write the same messages.
"""

from __future__ import annotations

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


def show_error(error: BaseException) -> None:
    """Print an exception as a reader needs it: ``Type: message`` on one line.

    A page that demonstrates an error catches it and calls this, instead of letting the cell
    fail: the reader sees what went wrong without a traceback through library internals or the
    build machine's paths.
    """
    message = str(error).strip().splitlines()
    print(f"{type(error).__name__}: {message[0] if message else ''}".rstrip(": "))
