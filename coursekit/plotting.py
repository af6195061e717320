"""Plotting: curves, image grids and a live training plot that works everywhere.

The live plot redraws in place in Jupyter. In a script it opens a window only when matplotlib
has an interactive backend; under a non-interactive backend (CI, the book build, a server) it
draws nothing until :meth:`LivePlot.finish`, never blocks, and never prints ``<Figure ...>``.

Every page calls :func:`use_course_style` once, in its first cell: one look for all figures,
fonts sized for the page, and (in Jupyter) SVG output, sharp on every screen.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.ticker import MaxNLocator

__all__ = [
    "COURSE_STYLE", "LivePlot", "in_jupyter", "plot", "set_figsize", "show_images",
    "use_course_style",
]  # fmt: skip

# The course's matplotlib settings. Sizes are in points; an SVG figure is shown at 96/72 px
# per point where it fits the page (about 7.7 in wide on the site at 1366 px), so 9 pt, the
# smallest text here, shows at 12 px, as large as the page's small print. Figures wider than
# 7.7 in are scaled down with their text: keep multi-panel figures within that width.
COURSE_STYLE: dict = {
    "figure.figsize": (4.5, 3.0),
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 9,
    "legend.framealpha": 0.85,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    # SVG keeps text as text (selectable, searchable, sized by the browser) and its ids do
    # not change from one build to the next.
    "svg.fonttype": "none",
    "svg.hashsalt": "coursekit",
}


def use_course_style(figsize: tuple[float, float] | None = None) -> None:
    """Apply :data:`COURSE_STYLE` to matplotlib, and in Jupyter show figures as SVG.

    Call it once at the top of a notebook. ``figsize`` (inches) overrides the default size.
    """
    plt.rcParams.update(COURSE_STYLE)
    if figsize is not None:
        plt.rcParams["figure.figsize"] = figsize
    if in_jupyter():
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        # No date in the file, so the same figure gives the same SVG on every build.
        set_matplotlib_formats("svg", metadata={"Date": None})


def in_jupyter() -> bool:
    """True inside a Jupyter kernel (notebook, lab, or a book build's executor)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def set_figsize(figsize: tuple[float, float] = (3.5, 2.5)) -> None:
    """Set matplotlib's default figure size in inches (width, height)."""
    plt.rcParams["figure.figsize"] = figsize


def _as_numpy(values) -> np.ndarray:
    if isinstance(values, torch.Tensor):
        return values.detach().cpu().numpy()
    return np.asarray(values)


def _config_axes(ax, xlabel, ylabel, xlim, ylim, xscale, yscale, legend,
                 legend_loc="best") -> None:
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_xscale(xscale)
    ax.set_yscale(yscale)
    if xlim is not None:
        ax.set_xlim(xlim)
    if ylim is not None:
        ax.set_ylim(ylim)
    if legend:
        if legend_loc == "outside":  # right of the axes, clear of every curve
            ax.legend(legend, loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0)
        else:
            ax.legend(legend, loc=legend_loc)
    ax.grid(True, alpha=0.3)
    xs = [x for line in ax.get_lines() for x in np.asarray(line.get_xdata(), dtype=float)]
    if xs and xscale == "linear" and all(float(x).is_integer() for x in xs):
        # Whole-numbered x values (epochs, layers): no ticks at 1.5 or 2.5.
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def plot(
    X,
    Y=None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    legend: Sequence[str] | None = None,
    xlim=None,
    ylim=None,
    xscale: str = "linear",
    yscale: str = "linear",
    fmts: Sequence[str] = ("-", "m--", "g-.", "r:", "c-", "y--"),
    figsize: tuple[float, float] | None = None,
    axes=None,
    legend_loc: str = "best",
):
    """Plot one or several curves on one set of axes and return the axes.

    Args:
        X: x values, shape (n,), or a list of such arrays (one per curve). If ``Y`` is
            omitted, ``X`` holds the y values and x runs 0..n-1.
        Y: y values, shape (n,), or a list of arrays, one per curve.
        legend: one label per curve.
        xscale, yscale: ``"linear"`` or ``"log"``.
        fmts: matplotlib format strings, used in turn.
        axes: draw into these axes instead of a new figure.
        legend_loc: where the legend goes: a matplotlib ``loc`` such as ``"upper right"``,
            or ``"outside"``, right of the axes.
    """
    def is_list_of_curves(v) -> bool:
        return isinstance(v, list | tuple) and len(v) > 0 and np.ndim(_as_numpy(v[0])) == 1

    if Y is None:
        X, Y = None, X
    Ys = [_as_numpy(y) for y in Y] if is_list_of_curves(Y) else [_as_numpy(Y)]
    if X is None:
        Xs = [np.arange(len(y)) for y in Ys]
    elif is_list_of_curves(X):
        Xs = [_as_numpy(x) for x in X]
    else:
        Xs = [_as_numpy(X)] * len(Ys)
    if len(Xs) != len(Ys):
        raise ValueError(f"got {len(Xs)} x arrays for {len(Ys)} curves")
    if axes is None:
        _, axes = plt.subplots(figsize=figsize)
    for x, y, fmt in zip(Xs, Ys, _cycle(fmts, len(Ys)), strict=True):
        axes.plot(x, y, fmt)
    _config_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend, legend_loc)
    return axes


def _cycle(items: Sequence[str], n: int) -> list[str]:
    return [items[i % len(items)] for i in range(n)]


def show_images(imgs, num_rows: int, num_cols: int, titles: Sequence[str] | None = None,
                scale: float = 1.2):
    """Show images in a grid and return the array of axes.

    Args:
        imgs: tensor or array of shape (n, H, W) or (n, 1, H, W), n <= num_rows * num_cols.
        titles: optional title per image.
        scale: inches per image; at the default 1.2, six images fill the page's width.
    """
    imgs = _as_numpy(imgs)
    if imgs.ndim == 4 and imgs.shape[1] == 1:
        imgs = imgs[:, 0]
    if imgs.ndim != 3:
        raise ValueError(f"images must have shape (n, H, W) or (n, 1, H, W), got {imgs.shape}")
    if len(imgs) > num_rows * num_cols:
        raise ValueError(f"{len(imgs)} images do not fit a {num_rows}x{num_cols} grid")
    figsize = (num_cols * scale, num_rows * scale)
    _, axes = plt.subplots(num_rows, num_cols, figsize=figsize, squeeze=False)
    axes = axes.flatten()
    for i, ax in enumerate(axes):
        ax.axis("off")
        if i < len(imgs):
            ax.imshow(imgs[i], cmap="gray_r", interpolation="nearest")  # crisp pixels
            if titles is not None:
                ax.set_title(titles[i])
    return axes


class LivePlot:
    """A figure that grows point by point, e.g. once per training epoch.

    ``add(x, ys)`` appends one x value and one y value per curve. In Jupyter the figure is
    redrawn in place; with an interactive matplotlib backend in a script it updates a
    window without blocking; otherwise it stays silent. ``finish()`` shows the final figure
    (once) and returns it.
    """

    def __init__(
        self,
        xlabel: str | None = None,
        ylabel: str | None = None,
        legend: Sequence[str] | None = None,
        xlim=None,
        ylim=None,
        xscale: str = "linear",
        yscale: str = "linear",
        fmts: Sequence[str] = ("-", "m--", "g-.", "r:"),
        figsize: tuple[float, float] | None = None,
        legend_loc: str = "best",
    ) -> None:
        self.fig, self.axes = plt.subplots(figsize=figsize)
        # Closing detaches the figure from pyplot, so Jupyter's inline backend does not
        # display it a second time at the end of the cell.
        plt.close(self.fig)
        self.config = dict(
            xlabel=xlabel, ylabel=ylabel, xlim=xlim, ylim=ylim,
            xscale=xscale, yscale=yscale, legend=legend, legend_loc=legend_loc,
        )  # fmt: skip
        self.fmts = fmts
        self.X: list[list[float]] = []
        self.Y: list[list[float]] = []
        self._jupyter = in_jupyter()
        self._window = not self._jupyter and _backend_is_interactive()
        self._handle = None
        self._finished = False

    def add(self, x: float, ys) -> None:
        """Append the point ``x`` with one value per curve in ``ys`` and redraw."""
        ys = [float(v) for v in (ys if isinstance(ys, Sequence) else [ys])]
        if not self.Y:
            legend = self.config["legend"]
            if legend is not None and len(legend) != len(ys):  # a label would name no curve
                raise ValueError(f"the legend names {len(legend)} curves, got {len(ys)} values")
            self.X = [[] for _ in ys]
            self.Y = [[] for _ in ys]
        if len(ys) != len(self.Y):
            raise ValueError(f"expected {len(self.Y)} values per point, got {len(ys)}")
        for i, y in enumerate(ys):
            if y == y:  # skip NaN placeholders so a curve can start late
                self.X[i].append(float(x))
                self.Y[i].append(y)
        self._draw()
        if self._jupyter:
            self._display()
        elif self._window:
            self.fig.show()
            plt.pause(0.001)

    def _draw(self) -> None:
        self.axes.cla()
        for x, y, fmt in zip(self.X, self.Y, _cycle(self.fmts, len(self.Y)), strict=True):
            self.axes.plot(x, y, fmt)
        _config_axes(self.axes, **self.config)

    def _display(self) -> None:
        from IPython.display import display

        if self._handle is None:
            self._handle = display(self.fig, display_id=True)
        else:
            self._handle.update(self.fig)

    def finish(self):
        """Show the final figure once (outside Jupyter) and return it."""
        if not self._finished:
            self._finished = True
            self._draw()
            if self._jupyter and self._handle is None:
                self._display()
            elif self._window:
                self.fig.show()
        return self.fig

    def savefig(self, path, **kwargs) -> None:
        """Save the current figure, e.g. for a report written by a script."""
        self._draw()
        self.fig.savefig(path, **kwargs)


def _backend_is_interactive() -> bool:
    backend = matplotlib.get_backend().lower()
    non_interactive = {"agg", "pdf", "ps", "svg", "cairo", "template", "pgf"}
    return backend not in non_interactive and "inline" not in backend


# Optimization traces (used by the optimizer chapter with coursekit.optim's runners).


def show_trace_1d(f, results, axes=None, label: str | None = None):
    """Draw ``f`` on a symmetric interval and the iterates ``results`` on top of it.

    Args:
        f: the function, applied elementwise to a float64 tensor of x values.
        results: the iterates ``[x0, x1, ...]`` (e.g. from :func:`coursekit.optim.train_1d`).
        axes: draw into these axes instead of a new figure.
        label: optional title, e.g. the learning rate.

    Returns:
        The axes.
    """
    xs = [float(x) for x in results]
    n = max(abs(min(xs)), abs(max(xs)), 1e-3)
    grid = torch.linspace(-n, n, 401, dtype=torch.float64)
    if axes is None:
        _, axes = plt.subplots()
    axes.plot(grid.numpy(), _as_numpy(f(grid)), "-", color="#1f77b4")
    trace = torch.tensor(xs, dtype=torch.float64)
    axes.plot(xs, _as_numpy(f(trace)), "-o", color="#ff7f0e", markersize=4)
    axes.set_xlabel("x")
    axes.set_ylabel("f(x)")
    if label:
        axes.set_title(label, fontsize=10)
    axes.grid(True, alpha=0.3)
    return axes


def show_trace_2d(f, results, axes=None, labels: Sequence[str] | None = None,
                  xlim=None, ylim=None, title: str | None = None):
    """Draw the contours of ``f(x1, x2)`` and one or several optimization paths on top.

    Args:
        f: the objective, applied to two float64 meshgrid tensors.
        results: one path ``[(x1, x2), ...]`` (e.g. from :func:`coursekit.optim.train_2d`),
            or a list of paths to overlay.
        axes: draw into these axes instead of a new figure.
        labels: one legend label per path.
        xlim, ylim: the plotted window; by default the box (-5.5, 1) x (-3, 1) used
            throughout the chapter, widened to hold every path.
        title: optional title.

    Returns:
        The axes.
    """
    paths = [results] if np.ndim(results[0]) == 1 else list(results)
    points = np.concatenate([np.asarray(p, dtype=float) for p in paths])
    if xlim is None:
        xlim = (min(-5.5, points[:, 0].min() - 0.5), max(1.0, points[:, 0].max() + 0.5))
    if ylim is None:
        ylim = (min(-3.0, points[:, 1].min() - 0.5), max(1.0, points[:, 1].max() + 0.5))
    x1, x2 = torch.meshgrid(
        torch.linspace(*xlim, 200, dtype=torch.float64),
        torch.linspace(*ylim, 200, dtype=torch.float64),
        indexing="ij",
    )
    if axes is None:
        _, axes = plt.subplots()
    axes.contour(x1.numpy(), x2.numpy(), _as_numpy(f(x1, x2)), levels=12, colors="#1f77b4",
                 linewidths=0.8)
    styles = [("-o", "#ff7f0e", 5), ("--x", "#2ca02c", 7), (":s", "#d62728", 4)]
    for i, path in enumerate(paths):
        fmt, color, size = styles[i % len(styles)]
        xs, ys = zip(*path, strict=True)
        axes.plot(xs, ys, fmt, color=color, markersize=size,
                  label=None if labels is None else labels[i])
    axes.set_xlim(xlim)
    axes.set_ylim(ylim)
    axes.set_xlabel("x1")
    axes.set_ylabel("x2")
    if title:
        axes.set_title(title, fontsize=10)
    if labels is not None:
        axes.legend()
    return axes
