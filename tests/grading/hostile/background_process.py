"""Leaves a process running in a new session that would write later; the answers are right."""

import subprocess

subprocess.Popen(
    ["sleep", "600"], start_new_session=True,
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
)
