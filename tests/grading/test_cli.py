"""End to end: ``python -m coursekit grade`` on a class folder, with every output format."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

from coursekit.grading import runner

CHAPTER = "linear_regression"


def test_grade_a_class_folder(tmp_path):
    klass = tmp_path / "class"
    (klass / "alice").mkdir(parents=True)
    shutil.copy(runner.REFERENCE_DIR / f"{CHAPTER}.py", klass / "alice" / f"{CHAPTER}.py")
    (klass / "bob").mkdir()
    shutil.copy(runner.EXERCISES_DIR / f"{CHAPTER}.py", klass / "bob" / f"{CHAPTER}.py")
    (klass / "carol").mkdir()  # handed in nothing: listed with score 0
    (klass / "carol" / "notes.txt").write_text("I ran out of time")
    done = subprocess.run(
        [sys.executable, "-m", "coursekit", "grade", str(klass), "--chapter", CHAPTER,
         "--jobs", "2", "--json", str(tmp_path / "r.json"), "--csv", str(tmp_path / "r.csv"),
         "--gradescope", str(tmp_path / "gs")],
        cwd=runner.REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for name in ("alice", "bob", "carol"):
        assert name in done.stdout
    results = {r["submission"]: r for r in json.loads((tmp_path / "r.json").read_text())}
    total = results["alice"]["max_score"]
    assert total > 0 and results["alice"]["score"] == total
    assert results["bob"]["score"] == 0 and results["carol"]["score"] == 0
    assert all(t["output"] for t in results["bob"]["tests"])
    assert "no linear_regression.py" in results["carol"]["tests"][0]["output"]
    assert {t["chapter"] for t in results["alice"]["tests"]} == {CHAPTER}
    rows = {r["submission"]: r for r in csv.DictReader(open(tmp_path / "r.csv"))}
    assert rows["alice"]["linear_regression.sgd"] == "4" and rows["bob"]["score"] == "0"
    for name in ("alice", "bob", "carol"):
        gs = json.loads((tmp_path / "gs" / name / "results.json").read_text())
        assert gs["score"] == results[name]["score"] and gs["tests"]


def test_check_prints_the_table_and_fails_on_stubs():
    done = subprocess.run(
        [sys.executable, "-m", "coursekit", "check", CHAPTER],
        cwd=runner.REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 1
    assert "linear_regression.squared_loss" in done.stdout
    assert "not implemented yet" in done.stdout and "total" in done.stdout
