"""book/_ext/course_site.py gives images alt text: a figure's caption, else the introduction."""

from pathlib import Path

import pytest

sphinx_app = pytest.importorskip("sphinx.application")
EXT = Path(__file__).resolve().parents[2] / "book" / "_ext"


def test_alt_text_from_caption_and_introduction(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "p.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (src / "conf.py").write_text(f"import sys\nsys.path.insert(0, {str(EXT)!r})\n"
                                 "extensions = ['course_site']\n")
    (src / "index.rst").write_text(
        "Test\n====\n\nThe loss falls as training goes on. More text.\n\n.. image:: p.png\n\n"
        ".. figure:: p.png\n\n   The training loss per epoch.\n"
    )
    app = sphinx_app.Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "dt"),
                            "html", status=None, warning=None)
    app.build()
    html = (tmp_path / "out" / "index.html").read_text()
    assert 'alt="The loss falls as training goes on."' in html
    assert 'alt="The training loss per epoch."' in html
