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

3. Summarise search results from a page's text: search.html loads book/_static/search-summary.js
   (its comment says why).

4. Give every image alt text a reader can use. A cell's plot carries no alt text, and the
   HTML writer falls back to the image's path. An image inside a captioned figure takes the
   caption's text; any other image with no alt text takes the first sentence of the paragraph
   just before it (its introduction).

5. Copy an edited static file even when no page changed. Sphinx copies ``html_static_path``
   at the end of a build that writes pages, and a build with no page out of date stops before
   that: after editing only book/_static/course.css, `make book` left the old file in the site.
   A static file whose copy in the site is missing or differs marks the root page out of date,
   so the build runs on to the copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
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
    if pagename == "search":  # summaries from the page's text, not its buttons (see the file)
        app.add_js_file("search-summary.js")
    _dedupe_scripts(context)


def _introduction(node: nodes.Node) -> str:
    """The first sentence of the nearest paragraph before ``node`` in the document."""
    current = node
    while current is not None and current.parent is not None:
        siblings = current.parent.children
        for sibling in reversed(siblings[: siblings.index(current)]):
            paragraphs = [sibling] if isinstance(sibling, nodes.paragraph) else []
            if not paragraphs and not isinstance(sibling, nodes.section):
                paragraphs = list(sibling.findall(nodes.paragraph))
            if paragraphs:
                text = " ".join(paragraphs[-1].astext().split())
                return text.split(". ")[0].rstrip(".:") + "."
        current = current.parent
    return ""


def _alt_text(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for image in doctree.findall(nodes.image):
        alt = image.get("alt", "")
        if alt and "/" not in alt and not alt.endswith((".png", ".svg", ".jpg")):
            continue
        figure = image.parent if isinstance(image.parent, nodes.figure) else None
        captions = list(figure.findall(nodes.caption)) if figure is not None else []
        text = " ".join(captions[0].astext().split()) if captions else _introduction(image)
        if text:
            image["alt"] = text


def _static_file_edited(app: Sphinx) -> bool:
    site_static = Path(app.outdir) / "_static"
    for folder in app.config.html_static_path:
        source = Path(app.confdir, folder)
        for path in source.rglob("*"):
            copy = site_static / path.relative_to(source)
            # A template (name_t) is written rendered, under another name: not a copy.
            if not path.is_file() or path.name.endswith("_t") or copy.is_dir():
                continue
            # A newer file may still be the same bytes (a checkout touches what it restores).
            if not copy.is_file() or (
                path.stat().st_mtime > copy.stat().st_mtime
                and path.read_bytes() != copy.read_bytes()
            ):
                return True
    return False


def _outdated_for_static(app: Sphinx, env, added, changed, removed) -> list[str]:
    if app.builder.format == "html" and _static_file_edited(app):
        return [app.config.root_doc]
    return []


def setup(app: Sphinx) -> dict:
    app.connect("env-get-outdated", _outdated_for_static)
    app.connect("doctree-resolved", _alt_text)
    # Before sphinx-book-theme builds its header buttons (priority 501).
    app.connect("html-page-context", _on_page, priority=500)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
