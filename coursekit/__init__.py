"""coursekit: the helper library of the course *Deep Learning Foundations*.

One module per job:

- :mod:`coursekit.data`: synthetic data, small loaders and Fashion-MNIST;
- :mod:`coursekit.training`: devices, seeding, metrics and training loops;
- :mod:`coursekit.plotting`: curves, image grids and the live training plot;
- :mod:`coursekit.grading`: checking exercise answers (``python -m coursekit check``).
"""

from coursekit.data import (
    get_fashion_mnist_labels,
    load_array,
    load_data_fashion_mnist,
    synthetic_data,
)
from coursekit.plotting import LivePlot, plot, set_figsize, show_images
from coursekit.training import (
    Accumulator,
    accuracy,
    evaluate_accuracy,
    evaluate_loss,
    get_device,
    seed_everything,
    train,
    train_epoch,
)

__all__ = [
    "Accumulator",
    "LivePlot",
    "accuracy",
    "check",
    "evaluate_accuracy",
    "evaluate_loss",
    "get_device",
    "get_fashion_mnist_labels",
    "load_array",
    "load_data_fashion_mnist",
    "plot",
    "seed_everything",
    "set_figsize",
    "show_images",
    "synthetic_data",
    "train",
    "train_epoch",
]


def check(chapter: str | None = None):
    """Grade your answers in ``exercises/`` and show the table (see ``coursekit.grading``)."""
    from coursekit.grading import check as _check

    return _check(chapter)
