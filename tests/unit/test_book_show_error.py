"""coursekit.book shows an error as `Type: message`, with no traceback and no machine path."""

import pytest

from coursekit.book import expect_error, show_error
from coursekit.checkpoint import CheckpointMismatchError


def test_type_and_first_lines_of_the_message(capsys):
    try:
        raise RuntimeError("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)\nline 2\nmore")
    except RuntimeError as error:
        show_error(error)
    out = capsys.readouterr().out
    assert out == "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)\nline 2\n"
    assert "Traceback" not in out


def test_error_without_message(capsys):
    show_error(KeyError())
    assert capsys.readouterr().out == "KeyError\n"


@pytest.mark.parametrize("path", [
    "/tmp/mlp-checkpoints-kb74obni/best.pt",
    "/home/ada/.venv/lib/python3.11/site-packages/torch/nn/best.pt",
    r"C:\Users\ada\AppData\Local\Temp\x1\best.pt",
])  # fmt: skip
def test_paths_are_cut_to_the_file_name(capsys, path):
    show_error(FileNotFoundError(f"no checkpoint at {path}; use and/or 1/2 as before"))
    out = capsys.readouterr().out
    assert out == "FileNotFoundError: no checkpoint at best.pt; use and/or 1/2 as before\n"


def test_long_lines_wrap_to_the_page(capsys):
    message = "shapes that differ: " + "; ".join(f"{i}.weight: (512, 784) vs (256, 784)"
                                                for i in range(6))
    show_error(ValueError(message))
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 1 and all(len(line) <= 88 for line in lines)
    assert " ".join(line.strip() for line in lines) == f"ValueError: {message}"


def test_expect_error_shows_the_error_and_the_cell_goes_on(capsys):
    with expect_error(CheckpointMismatchError):
        raise CheckpointMismatchError(
            "checkpoint /tmp/x/best.pt does not match the Sequential\n"
            "  shapes that differ: 1.weight\nIt was saved from a different architecture."
        )
    out = capsys.readouterr().out
    assert out == ("CheckpointMismatchError: checkpoint best.pt does not match the Sequential\n"
                   "  shapes that differ: 1.weight\n")


def test_expect_error_fails_when_nothing_is_raised():
    with pytest.raises(AssertionError, match="expected RuntimeError"):
        with expect_error(RuntimeError):
            pass


def test_expect_error_lets_other_errors_through():
    with pytest.raises(KeyError):
        with expect_error(RuntimeError):
            raise KeyError("not the one the page expects")
