"""The table ``coursekit.grading.check()`` shows in a notebook, as Chromium draws it: the caret
line under a traceback's code keeps its place (the terminal table keeps it; HTML collapses spaces
unless told not to)."""

from __future__ import annotations

from pathlib import Path

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
  const left = i => {
    const range = document.createRange();
    range.setStart(chars[i][1], chars[i][2]); range.setEnd(chars[i][1], chars[i][2] + 1);
    return range.getBoundingClientRect().left;
  };
  const text = chars.map(c => c[0]).join(''), lines = text.split('\\n'), out = [];
  let start = 0;
  lines.forEach((line, i) => {
    const marker = line.search(/[~^]/);
    if (i > 0 && marker >= 0 && /^[ ~^]+$/.test(line)) {
      const above = start - lines[i - 1].length - 1;
      const code = lines[i - 1].slice(marker, marker + 5);
      out.push([left(start + marker), left(above + marker), code]);
    }
    start += line.length + 1;
  });
  return out;
}"""


def test_the_caret_stays_under_the_code_it_points_at(browser, tmp_path):
    (tmp_path / "linear_regression.py").write_text(ANSWER)
    result = runner.grade_submission(tmp_path, ["linear_regression"])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.set_content(f"<html><body>{report.student_html(result)}</body></html>")
        row = page.locator("tr").filter(has=page.get_by_text("linreg", exact=True))
        cell = row.locator("td").nth(2)
        carets = cell.evaluate(MEASURE)
    finally:
        page.close()
    assert carets, "no caret line under the traceback in the linreg row"
    for caret_x, code_x, code in carets:
        assert code.startswith("scale"), code
        assert abs(caret_x - code_x) < 1, f"the caret is {caret_x - code_x:+.0f} px off"
