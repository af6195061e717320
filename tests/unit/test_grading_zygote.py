"""The grading zygote starts before torch is imported, so the two imports overlap.

Each test runs a fresh interpreter: this pytest process imported torch long ago.
"""

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_command_line_does_not_import_torch_before_it_starts_the_zygote():
    out = run("""
        import sys
        import coursekit.__main__, coursekit.grading, coursekit.grading.cli
        import coursekit.grading.zygote, coursekit.grading.worker
        print(sorted(m for m in sys.modules if m == "torch" or m.startswith("torch.")))
    """)
    assert out == "[]"


def test_a_zygote_started_before_torch_is_a_fork_and_serves_workers(tmp_path):
    module = tmp_path / "answers.py"
    module.write_text(ANSWERS)
    out = run(f"""
        import sys
        sys.argv[:] = ["grade", "/class/alice", "/class/bob"]
        from coursekit.grading import zygote
        zygote.start()
        forked = zygote.get().proc is None
        import torch
        from coursekit.grading.isolation import Student, Worker
        with Worker() as worker:
            student = Student(worker, "k", "answers", {str(module)!r})
            value = student.double(torch.arange(3))
            argv, path = student.seen()
        print(forked, value.tolist())
        print(argv)
        print(path)
    """).splitlines()
    assert out[0] == "True [0, 2, 4]"
    # Student code sees neither the grader's command line (it names other submissions) nor the
    # repository on sys.path: the same as in a zygote started with `python -I`.
    assert "alice" not in out[1] and "worker.py" in out[1]
    path = ast.literal_eval(out[2])
    assert "" not in path and str(REPO) not in path, path


ANSWERS = """
import sys

def double(x):
    return 2 * x

def seen():
    return list(sys.argv), [p for p in sys.path]
"""


def test_after_torch_is_imported_the_zygote_is_a_fresh_interpreter():
    out = run("""
        import torch
        from coursekit.grading import zygote
        print(zygote.can_fork(), zygote.get().proc is not None)
    """)
    assert out == "False True"
