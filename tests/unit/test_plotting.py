"""coursekit.plotting under a non-interactive backend (as in CI, scripts and the book build)."""

import matplotlib
import matplotlib.pyplot as plt
import pytest
import torch

from coursekit import plotting as ck


def test_backend_is_non_interactive():
    assert matplotlib.get_backend().lower() == "agg"


def test_live_plot_is_silent_and_returns_final_figure(capsys):
    before = plt.get_fignums()
    live = ck.LivePlot(xlabel="epoch", legend=["loss", "acc"])
    for epoch in range(1, 4):
        live.add(epoch, (1.0 / epoch, 0.5 + 0.1 * epoch))
    fig = live.finish()
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""  # no "<Figure ...>" and no other chatter
    lines = fig.axes[0].get_lines()
    assert [list(line.get_xdata()) for line in lines] == [[1, 2, 3], [1, 2, 3]]
    assert plt.get_fignums() == before  # detached from pyplot: nothing shown twice
    assert live.finish() is fig


def test_live_plot_skips_nan_so_curves_can_start_late():
    live = ck.LivePlot()
    live.add(1, (0.5, float("nan")))
    live.add(2, (0.4, 0.8))
    fig = live.finish()
    assert [len(line.get_xdata()) for line in fig.axes[0].get_lines()] == [2, 1]


def test_live_plot_says_when_the_legend_and_the_values_disagree():
    live = ck.LivePlot(legend=["train loss", "train acc", "test acc"])
    with pytest.raises(ValueError, match="the legend names 3 curves, got 2 values"):
        live.add(1, (0.5, 0.8))


def test_live_plot_saves(tmp_path):
    live = ck.LivePlot()
    live.add(1, 0.3)
    live.savefig(tmp_path / "p.png")
    assert (tmp_path / "p.png").stat().st_size > 0


def test_plot_several_curves_and_log_scale():
    x = torch.arange(1.0, 5.0)
    ax = ck.plot(x, [x, x**2], legend=["x", "x^2"], yscale="log")
    assert len(ax.get_lines()) == 2 and ax.get_yscale() == "log"
    plt.close("all")


def test_show_images_grid_with_titles():
    axes = ck.show_images(torch.rand(5, 1, 28, 28), 2, 3, titles=list("abcde"))
    assert len(axes) == 6 and axes[4].get_title() == "e"
    plt.close("all")


# The course style: one look for every figure, fonts sized for the page, SVG in Jupyter.


def _svg_font_sizes(fig) -> list[float]:
    """The font size (pt) of every text element of the figure saved as SVG."""
    import io
    import re

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    return [float(size) for size in re.findall(r"font(?:-size)?: ?([\d.]+)px", buffer.getvalue())]


def test_course_style_keeps_text_as_text_at_readable_sizes():
    with plt.rc_context():
        ck.use_course_style()
        ax = ck.plot([1, 2, 3], [[1, 2, 3], [3, 2, 1]], xlabel="epoch", ylabel="loss",
                     legend=["a", "b"])
        ax.set_title("title")
        sizes = _svg_font_sizes(ax.figure)
        plt.close("all")
    # Every label, tick, legend entry and title is an SVG <text> of at least 9 pt, i.e.
    # 12 px where the figure is shown at its natural size.
    assert len(sizes) >= 2 + 6 + 2 + 1
    assert min(sizes) >= 9


def test_course_style_figsize_and_no_leak_into_the_default():
    with plt.rc_context():
        ck.use_course_style(figsize=(5, 2))
        assert tuple(plt.rcParams["figure.figsize"]) == (5, 2)
    assert plt.rcParams["svg.fonttype"] == matplotlib.rcParamsDefault["svg.fonttype"]


def test_course_style_selects_svg_in_jupyter(monkeypatch):
    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib.figure import Figure

    shell = InteractiveShell.instance()
    monkeypatch.setattr(ck, "in_jupyter", lambda: True)
    with plt.rc_context():
        ck.use_course_style()
    formatters = shell.display_formatter.formatters
    fig = Figure()
    fig.add_subplot().plot([0, 1])
    svg = formatters["image/svg+xml"](fig)
    assert svg is not None and svg.lstrip().startswith("<?xml")
    assert "<dc:date>" not in svg  # the same figure gives the same file on every build
    assert formatters["image/png"](fig) is None  # one format only: the site shows the SVG


def test_whole_numbered_x_gets_integer_ticks():
    ax = ck.plot([1, 2, 3, 4], [0.9, 0.6, 0.5, 0.45], xlabel="epoch")
    ax.figure.canvas.draw()
    assert all(float(t).is_integer() for t in ax.get_xticks())
    ax = ck.plot([0.0, 0.5, 1.0], [1, 2, 3])  # fractional x keeps matplotlib's ticks
    ax.figure.canvas.draw()
    assert not all(float(t).is_integer() for t in ax.get_xticks())
    plt.close("all")


def test_live_plot_legend_outside_clears_the_curves():
    live = ck.LivePlot(xlabel="epoch", legend=["loss", "acc"], legend_loc="outside")
    for epoch in range(1, 4):
        live.add(epoch, (1.0 / epoch, 0.5 + 0.1 * epoch))
    fig = live.finish()
    fig.canvas.draw()
    ax = fig.axes[0]
    legend_box = ax.get_legend().get_window_extent()
    assert legend_box.x0 > ax.get_window_extent().x1


def test_training_plot_has_both_axis_labels():
    from torch import nn

    from coursekit.data import TensorBatches
    from coursekit.training import train

    torch.manual_seed(0)
    X, y = torch.randn(32, 4), torch.randint(0, 3, (32,))
    batches = TensorBatches(X, y, batch_size=16)
    net = nn.Linear(4, 3)
    figures = []
    original = ck.LivePlot.finish

    def finish(self):
        figures.append(original(self))
        return figures[-1]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ck.LivePlot, "finish", finish)
        train(net, batches, batches, nn.CrossEntropyLoss(), 2,
              torch.optim.SGD(net.parameters(), lr=0.1), progress=False)
    ax = figures[0].axes[0]
    assert ax.get_xlabel() == "epoch" and ax.get_ylabel()
