"""Shared test configuration: Agg backend, and the rule for missing system dependencies."""

import os

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402


def require(condition: bool, reason: str) -> None:
    """Skip when a system dependency is missing, but fail under CI=true (it must be there)."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)
