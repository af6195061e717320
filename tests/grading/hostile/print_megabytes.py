"""Prints megabytes at import and in every call, but its answers are right."""

import sys

print("x" * 3_000_000)
_linreg = linreg


def linreg(X, w, b):
    sys.stdout.write("spam " * 2_000_000)
    sys.stderr.write("eggs " * 2_000_000)
    return _linreg(X, w, b)
