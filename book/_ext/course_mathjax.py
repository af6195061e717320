"""Load MathJax only on the pages that show math, with its menu fitted to what is vendored.

Sphinx adds MathJax (1.3 MB here) to a page when the page or any page of its toctree has an
equation, so the landing page and every chapter index load it for the math of their children.
After Sphinx has added it, this drops the MathJax script, its configuration and
``course-mathjax-menu.js`` (which disables the menu items whose files are not vendored) from a
page whose own doctree has no math node.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


def _has_math(doctree: nodes.document) -> bool:
    return any(doctree.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block))))


MENU_SCRIPT = "course-mathjax-menu.js"


def _is_mathjax(app: Sphinx, script) -> bool:
    filename = str(getattr(script, "filename", script) or "")
    if filename.endswith(MENU_SCRIPT):
        return True
    # A relative mathjax_path is stored relative to the site root ("_static/mathjax/...").
    if filename and filename.endswith(app.config.mathjax_path):
        return True
    body = (getattr(script, "attributes", {}) or {}).get("body", "")
    return body.startswith(("window.MathJax =", "MathJax.Hub.Config("))


def drop_unused_mathjax(app: Sphinx, pagename, templatename, context: dict, doctree) -> None:
    if doctree is None or _has_math(doctree):
        return
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        context["script_files"] = [s for s in scripts if not _is_mathjax(app, s)]


def setup(app: Sphinx) -> dict:
    # After MathJax's configuration (priority 500), which it amends.
    app.add_js_file(MENU_SCRIPT, priority=510)
    # After sphinx.ext.mathjax adds the script (priority 500).
    app.connect("html-page-context", drop_unused_mathjax, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
