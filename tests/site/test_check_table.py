"""The table ``coursekit.grading.check()`` shows in a notebook, as Chromium draws it: the caret
line under a traceback's code keeps its place (the terminal table keeps it; HTML collapses spaces
unless told not to), on a laptop and on a phone, where the cell wrapped the long code line and
the caret then pointed at other code; and the table never makes the page scroll sideways (the
code scrolls inside its own box)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.grading import report, runner

REPO = Path(__file__).resolve().parents[2]

# A learner's linreg that fails inside an expression: Python 3.11 underlines the failing part.
ANSWER = """
import torch


def linreg(X, w, b):
    scale = {"a": 1}
    return torch.matmul(X, w) * scale["b"] + b
"""

# For each caret line of the cell: where its first marker and the code above it start, in pixels.
MEASURE = """cell => {
  const chars = [];  // [node, offset] of each character; a <br> is a newline of its own
  const walk = document.createTreeWalker(cell, NodeFilter.SHOW_ALL);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    if (node.nodeName === 'BR') chars.push(['\\n', null, 0]);
    else if (node.nodeType === Node.TEXT_NODE)
      for (let k = 0; k < node.data.length; k++) chars.push([node.data[k], node, k]);
  }
  const box = i => {
    const range = document.createRange();
    range.setStart(chars[i][1], chars[i][2]); range.setEnd(chars[i][1], chars[i][2] + 1);
    const r = range.getBoundingClientRect();
    return [r.left, r.top, r.height];
  };
  const text = chars.map(c => c[0]).join(''), lines = text.split('\\n'), out = [];
  let start = 0;
  lines.forEach((line, i) => {
    const marker = line.search(/[~^]/);
    if (i > 0 && marker >= 0 && /^[ ~^]+$/.test(line)) {
      const above = start - lines[i - 1].length - 1;
      const code = lines[i - 1].slice(marker, marker + 5);
      out.push([box(start + marker), box(above + marker), code]);
    }
    start += line.length + 1;
  });
  return out;
}"""


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    folder = tmp_path_factory.mktemp("answer")
    (folder / "linear_regression.py").write_text(ANSWER)
    return report.student_html(runner.grade_submission(folder, ["linear_regression"]))


@pytest.mark.parametrize("width", [1280, 390, 360])
def test_the_caret_stays_under_the_code_it_points_at(browser, table, width):
    phone = width < 576
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        **({"device_scale_factor": 3, "is_mobile": True, "has_touch": True} if phone else {}),
    )
    page = context.new_page()
    try:
        page.set_content(
            '<html><head><meta name="viewport" content="width=device-width"></head>'
            f"<body>{table}</body></html>"
        )
        row = page.locator("tr").filter(has=page.get_by_text("linreg", exact=True))
        cell = row.locator("td").nth(2)
        carets = cell.evaluate(MEASURE)
        page_width = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    assert carets, "no caret line under the traceback in the linreg row"
    for (caret_x, caret_y, _), (code_x, code_y, line), code in carets:
        assert code.startswith("scale"), code
        assert abs(caret_x - code_x) < 1, f"the caret is {caret_x - code_x:+.0f} px off"
        # on the next line down, not below a wrapped line's rest or a blank line
        assert 0.5 * line < caret_y - code_y < 1.5 * line, (
            f"at {width} px the caret is {(caret_y - code_y) / line:.1f} lines below its code"
        )
    assert page_width <= width, f"at {width} px the table makes the page {page_width} px wide"
