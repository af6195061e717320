"""coursekit: the helper library of the course *Deep Learning Foundations*.

One module per job:

- :mod:`coursekit.data`: synthetic data, small loaders and Fashion-MNIST;
- :mod:`coursekit.training`: devices, seeding, metrics and training loops;
- :mod:`coursekit.plotting`: curves, image grids and the live training plot;
- :mod:`coursekit.optim`: the optimizer chapter's runners on toy functions;
- :mod:`coursekit.checkpoint`: saving and resuming training;
- :mod:`coursekit.grading`: checking exercise answers (``python -m coursekit check``);
- :mod:`coursekit.book`: gluing computed values into the book's text.
"""

import importlib

# Names are imported on first use (PEP 562), so `python -m coursekit check` does not pay for
# matplotlib, and `import coursekit` stays cheap.
_EXPORTS = {
    "get_fashion_mnist_labels": "data",
    "load_array": "data",
    "load_data_fashion_mnist": "data",
    "synthetic_data": "data",
    "LivePlot": "plotting",
    "plot": "plotting",
    "set_figsize": "plotting",
    "show_images": "plotting",
    "use_course_style": "plotting",
    "Accumulator": "training",
    "accuracy": "training",
    "evaluate_accuracy": "training",
    "evaluate_loss": "training",
    "get_device": "training",
    "seed_everything": "training",
    "train": "training",
    "train_epoch": "training",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"coursekit.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'coursekit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


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
    "use_course_style",
]


def check(chapter: str | None = None):
    """Grade your answers in ``exercises/`` and show the table (see ``coursekit.grading``)."""
    from coursekit.grading import check as _check

    return _check(chapter)
