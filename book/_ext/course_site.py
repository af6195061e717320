"""Small build-time fixes for the course site (a local Sphinx extension, see _config.yml).

1. Offer each notebook page's .ipynb in the download menu. sphinx-book-theme adds a ".ipynb"
   entry only when a launch service (Binder, Colab...) is configured, and this course has none
   (no public repository, see _config.yml). For every page written as a MyST notebook, the
   notebook MyST-NB wrote to ``<build>/jupyter_execute/`` (with its outputs when the page was
   executed) is copied into the site's ``_sources/`` folder and offered for download.

2. Drop duplicated inline scripts. Sphinx 7.4 adds an inline script registered after the
   builder starts (sphinx-thebe's and sphinx-togglebutton's) twice, once as filename None and
   once as "", so ``const THEBE_JS_URL`` is declared twice and the browser reports an error on
   every page. Each page keeps the first copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx


def _offer_ipynb(app: Sphinx, pagename: str, context: dict, doctree) -> None:
    if doctree is None or not context.get("sourcename", "").endswith((".md", ".md.txt")):
        return
    notebook = Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb"
    if not notebook.is_file():  # a plain Markdown page (no kernelspec): nothing to offer
        return
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(notebook, target)
    context["ipynb_source"] = f"{pagename}.ipynb"


def _dedupe_scripts(context: dict) -> None:
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    seen, kept = set(), []
    for script in scripts:
        attributes = getattr(script, "attributes", {}) or {}
        key = (getattr(script, "filename", script) or "", tuple(sorted(attributes.items())))
        if key not in seen:
            seen.add(key)
            kept.append(script)
    context["script_files"] = kept


def _on_page(app: Sphinx, pagename: str, templatename, context: dict, doctree) -> None:
    _offer_ipynb(app, pagename, context, doctree)
    _dedupe_scripts(context)


def setup(app: Sphinx) -> dict:
    # Before sphinx-book-theme builds its header buttons (priority 501).
    app.connect("html-page-context", _on_page, priority=500)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
