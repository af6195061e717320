"""coursekit.plotting under a non-interactive backend (as in CI, scripts and the book build)."""

import matplotlib
import matplotlib.pyplot as plt
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
