"""Shared test configuration: Agg backend, and the rule for missing system dependencies."""

import os
from pathlib import Path

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


REFERENCE = Path(__file__).parent / "grading" / "reference"


def pytest_collection_modifyitems(config, items):
    """In the student edition (no reference answers) the tests that need them are skipped."""
    if REFERENCE.is_dir():
        return
    skip = pytest.mark.skip(reason="needs tests/grading/reference (instructor edition only)")
    for item in items:
        needs = {"reference", "ref"} & set(getattr(item, "fixturenames", ()))
        if (needs and "checks" not in item.path.parts) or item.get_closest_marker("instructor"):
            item.add_marker(skip)
