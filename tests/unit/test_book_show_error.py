"""coursekit.book.show_error prints an error as `Type: message`, with no traceback or path."""

from coursekit.book import show_error


def test_one_line_type_and_message(capsys):
    try:
        raise RuntimeError("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)\nmore")
    except RuntimeError as error:
        show_error(error)
    out = capsys.readouterr().out
    assert out == "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)\n"
    assert "Traceback" not in out and "/" not in out


def test_error_without_message(capsys):
    show_error(KeyError())
    assert capsys.readouterr().out == "KeyError\n"
