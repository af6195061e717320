"""coursekit.book.glue writes exactly the display messages myst_nb.glue writes."""

import matplotlib.pyplot as plt
import pytest
import torch

from coursekit import book

VALUES = [0.8789, 7, "0.5332", torch.tensor([0.25, 0.5]), [1, 2.5], None]


def captured(monkeypatch, glue, name, value, display):
    """The (args, kwargs) of every display() call that ``glue`` makes."""
    import IPython.display
    import myst_nb.ext.glue

    calls = []

    def record(*args, **kwargs):
        calls.append((args, kwargs))

    monkeypatch.setattr(IPython.display, "display", record)
    monkeypatch.setattr(myst_nb.ext.glue, "ipy_display", record)
    glue(name, value, display=display)
    return calls


@pytest.mark.parametrize("display", [True, False])
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_glue_writes_what_myst_nb_writes(monkeypatch, value, display):
    from myst_nb import glue as myst_glue

    ours = captured(monkeypatch, book.glue, "x", value, display)
    theirs = captured(monkeypatch, myst_glue, "x", value, display)
    assert ours == theirs and len(ours) == 1


def test_a_figure_is_glued_as_myst_nb_glues_it(monkeypatch):
    from myst_nb import glue as myst_glue

    fig, ax = plt.subplots(figsize=(2, 2))
    ax.plot([0, 1], [1, 0])
    ours = captured(monkeypatch, book.glue, "fig", fig, False)
    theirs = captured(monkeypatch, myst_glue, "fig", fig, False)
    plt.close(fig)
    assert ours[0][1] == theirs[0][1]
    assert ours[0][0][0].keys() == theirs[0][0][0].keys()


def test_the_prefix_is_myst_nbs():
    from myst_nb.ext.glue import GLUE_PREFIX

    assert book.GLUE_PREFIX == GLUE_PREFIX
