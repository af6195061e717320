"""Honest mistakes of odd types, in every chapter: each function returns the reference's answer
converted to int64, complex (of the same precision, imaginary part 0) or float16 (tensors inside
tuples and lists too). Every function
must lose points, and each failed test must say what is wrong with the result in its own words:
never "grader error", and never the runner's generic "the grader could not use what your code
returned", which is what a check gets when it compares a student's tensor (``torch.allclose``
in a hint, a statistic) before checking its dtype. Instructor only (needs the reference).
"""

from __future__ import annotations

import ast

import pytest

from coursekit.grading import runner

CHAPTERS = runner.chapters()
CONVERSIONS = {
    "int64": "value.to(_torch.int64)",
    "complex": "_torch.complex(value, _torch.zeros_like(value))",
    "float16": "value.to(_torch.float16)",
}
GENERIC = ("grader error", "the grader could not use what your code returned")

# What every function of the chapter becomes: the reference's own, its result converted.
WRAP = """

import torch as _torch


def _convert(value):
    if isinstance(value, _torch.Tensor):
        return {conversion} if value.is_floating_point() else value
    if isinstance(value, list | tuple):
        return type(value)(_convert(item) for item in value)
    return value


def _wrapped(function):
    def call(*args, **kwargs):
        return _convert(function(*args, **kwargs))

    return call

"""


def _functions(chapter: str) -> list[str]:
    source = (runner.EXERCISES_DIR / f"{chapter}.py").read_text()
    return [n.name for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]


# Functions whose result holds no floating tensor to convert: a generator, None, an int, a
# float (data_iter, sgd, best_epoch, accuracy) or a dict (the optimizers' state is left alone).
UNCONVERTED = {"data_iter", "sgd", "best_epoch", "accuracy"}


@pytest.mark.parametrize("conversion", CONVERSIONS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_odd_result_types_lose_points_with_a_message(chapter, conversion, grading_worker,
                                                     tmp_path):  # fmt: skip
    names = [n for n in _functions(chapter) if n not in UNCONVERTED]
    source = (runner.REFERENCE_DIR / f"{chapter}.py").read_text()
    source += WRAP.format(conversion=CONVERSIONS[conversion])
    source += "".join(f"{name} = _wrapped({name})\n" for name in names)
    module = tmp_path / f"{chapter}.py"
    module.write_text(source)
    result = runner.grade_modules({chapter: module}, worker=grading_worker, name=conversion)
    generic = [f"{t.name}: {t.output[:300]}" for t in result.tests if t.output.startswith(GENERIC)]
    assert not generic, "\n".join(generic)
    kept = {
        name: sum(t.score for t in result.tests if t.exercise == name)
        for name in names
        if all(t.score == t.max_score for t in result.tests if t.exercise == name)
    }
    assert not kept, f"results converted to {conversion} keep every point: {kept}"
