"""Read definitions out of a book page so tests can check them against coursekit.

A page teaches a function by defining it in a code cell. ``page_namespace`` runs only the
page's cells that define things (imports, ``def``, ``class`` and assignments of constants),
never the cells that train or plot, and returns the objects asked for.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```\s*$", re.S | re.M)


def code_cells(page: str | Path) -> list[str]:
    """The source of every code cell of a MyST notebook, without its option block."""
    text = (ROOT / page).read_text(encoding="utf-8")
    cells = []
    for body in _CELL.findall(text):
        if body.startswith("---\n"):
            body = body.split("\n---\n", 1)[1] if "\n---\n" in body else ""
        body = "\n".join(line for line in body.splitlines() if not line.startswith(":"))
        cells.append(body)
    return cells


def _is_constant(node: ast.AST) -> bool:
    try:
        ast.literal_eval(node)
    except ValueError:
        return False
    return True


def _only_definitions(tree: ast.Module) -> bool:
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom | ast.FunctionDef | ast.ClassDef):
            continue
        if isinstance(node, ast.Assign) and _is_constant(node.value):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # a docstring or a bare string
        return False
    return bool(tree.body)


def page_namespace(page: str | Path, names: list[str]) -> dict[str, object]:
    """Exec the page's definition-only cells in order and return ``{name: object}``.

    Raises:
        LookupError: if a name is not defined by any such cell (the page changed).
    """
    namespace: dict[str, object] = {"__name__": f"page:{page}"}
    for source in code_cells(page):
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue  # IPython magics and the like
        if _only_definitions(tree):
            exec(compile(tree, f"<{page}>", "exec"), namespace)
    missing = [n for n in names if n not in namespace]
    if missing:
        raise LookupError(f"{page} defines no {', '.join(missing)} in a definition-only cell")
    return {n: namespace[n] for n in names}
