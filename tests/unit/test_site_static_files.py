"""An edited static file reaches the site even when no page changed (book/_ext/course_site.py).

Sphinx copies the static folders only at the end of a build that writes pages, so editing
nothing but book/_static/course.css used to leave the old stylesheet in the built site.
"""

from pathlib import Path

import pytest

sphinx_app = pytest.importorskip("sphinx.application")
EXT = Path(__file__).resolve().parents[2] / "book" / "_ext"


def _build(src: Path, tmp_path: Path) -> None:
    app = sphinx_app.Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "dt"),
                            "html", status=None, warning=None)
    app.build()


def test_an_edited_stylesheet_is_copied_when_no_page_changed(tmp_path):
    src = tmp_path / "src"
    (src / "static").mkdir(parents=True)
    (src / "conf.py").write_text(f"import sys\nsys.path.insert(0, {str(EXT)!r})\n"
                                 "extensions = ['course_site']\nhtml_static_path = ['static']\n")
    (src / "index.rst").write_text("Test\n====\n\nA page.\n")
    stylesheet = src / "static" / "course.css"
    stylesheet.write_text("p { color: black; }\n")
    _build(src, tmp_path)
    site_copy = tmp_path / "out" / "_static" / "course.css"
    assert site_copy.read_text() == "p { color: black; }\n"

    stylesheet.write_text("p { color: navy; }\n")
    _build(src, tmp_path)
    assert site_copy.read_text() == "p { color: navy; }\n", "the site kept the old stylesheet"

    # Nothing edited: no page is written again.
    page = tmp_path / "out" / "index.html"
    written = page.stat().st_mtime_ns
    _build(src, tmp_path)
    assert page.stat().st_mtime_ns == written
