"""The grading zygote: started before torch is imported, and clean of anything of the grader.

Each test runs a fresh interpreter: this pytest process imported torch long ago.
"""

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(code: str, env: dict | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, capture_output=True,
        text=True, timeout=300, env=env,
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


ANSWERS = """
import ctypes
import os
import sys

def double(x):
    return 2 * x

def seen():
    # The process's initial environment block, read from its own memory at the addresses
    # /proc/self/stat gives: a fork of the grader would still hold the grader's environment
    # there, even after clearing os.environ.
    with open("/proc/self/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    env_start, env_end = int(fields[47]), int(fields[48])  # fields 50 and 51 of stat
    block = ctypes.string_at(env_start, env_end - env_start).decode(errors="replace")
    return [list(sys.argv), list(sys.path), dict(os.environ), block]
"""


def test_student_code_finds_nothing_of_the_grader(tmp_path):
    module = tmp_path / "answers.py"
    module.write_text(ANSWERS)
    env = {"PATH": "/usr/bin:/bin", "GRADER_SECRET": "hunter2", "HOME": str(tmp_path)}
    out = run(f"""
        import sys
        sys.argv[:] = ["grade", "/class/alice", "/class/bob"]
        from coursekit.grading import zygote
        zygote.start()
        import torch
        from coursekit.grading.isolation import Student, Worker
        with Worker() as worker:
            student = Student(worker, "k", "answers", {str(module)!r})
            assert student.double(torch.arange(3)).tolist() == [0, 2, 4]
            print(repr(student.seen()))
    """, env=env)  # fmt: skip
    argv, path, environ, block = ast.literal_eval(out)
    assert "alice" not in str(argv) and argv[0].endswith("worker.py")
    assert "" not in path and str(REPO) not in path
    assert "hunter2" not in str(environ) and "hunter2" not in str(block)
    assert environ["HOME"] != str(tmp_path)  # its own folder, set by the grader
