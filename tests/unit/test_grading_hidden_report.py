"""Student-facing reports never show a hidden test's message (it can hold the test's inputs)."""

from coursekit.grading import report
from coursekit.grading.runner import SubmissionResult, TestResult


def _result():
    result = SubmissionResult("ada")
    result.tests = [
        TestResult("activations", "sigmoid", "test_sigmoid_values", 2, 2),
        TestResult("activations", "sigmoid", "test_hidden_sigmoid", 0, 1,
                   "sigmoid of the secret input [9001.0] is wrong", hidden=True),  # fmt: skip
    ]
    return result


def test_hidden_messages_stay_out_of_student_reports():
    result = _result()
    table, html = report.student_table(result), report.student_html(result)
    for text in (table, html):
        assert "9001" not in text and "test_hidden_sigmoid" not in text
        assert "hidden test failed" in text
    assert "1 of these tests is hidden" in table


def test_gradescope_marks_hidden_tests():
    data = report.gradescope_json(_result())
    public, hidden = data["tests"]
    assert public["visibility"] == "visible" and hidden["visibility"] == "after_published"
    assert "9001" not in hidden["output"] and hidden["output_format"] == "text"
    assert report.gradescope_json(_result(), "hidden")["tests"][1]["visibility"] == "hidden"


def test_instructor_reports_keep_the_message(tmp_path):
    report.write_json([_result()], tmp_path / "r.json")
    assert "9001" in (tmp_path / "r.json").read_text()


def test_a_hidden_test_failing_as_the_public_ones_did_says_why():
    """A missing module (or a stub) fails the hidden tests with the public tests' message: the
    student reads that reason, not a hint about inputs the public tests do not use."""
    missing = "no activations.py in the submitted folder: its exercises score 0"
    result = SubmissionResult("ada")
    result.tests = [
        TestResult("activations", "sigmoid", "test_sigmoid_values", 0, 2, missing),
        TestResult("activations", "sigmoid", "test_hidden_sigmoid", 0, 1, missing, hidden=True),
        TestResult("activations", "relu", "test_hidden_relu", 0, 1, missing, hidden=True),
    ]
    table = report.student_table(result)
    assert table.count(missing) == 1, table  # in sigmoid's row, once
    assert "hidden test failed" in table  # relu: no public test failed with that message
    outputs = [t["output"] for t in report.gradescope_json(result)["tests"]]
    assert outputs[:2] == [missing, missing] and "hidden test failed" in outputs[2]


def test_the_count_of_a_mistake_seen_again_is_said_per_exercise():
    """Two exercises each fail one way at two sizes: each row says so; neither count line is
    turned into "the same as for ... above", which would point at the other exercise."""
    result = SubmissionResult("ada")
    result.tests = [
        TestResult("activations", ex, f"test_{ex}_{n}", 0, 1, f"{ex}: expected shape ({n},)")
        for ex in ("relu", "sigmoid") for n in (3, 5)
    ]
    table = report.student_table(result)
    assert "the same as for" not in table, table
    for ex in ("relu", "sigmoid"):
        assert f"{ex}: expected shape (3,)" in table and f"{ex}: expected shape (5,)" not in table
        assert f"1 more test of {ex} fails the same way" in table, table
