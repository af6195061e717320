"""best_epoch with no check for an empty history: max() raises its own ValueError, about a
sequence, not the message the docstring asks for.

Says (best_epoch): Python's words for an empty sequence
"""


def best_epoch(scores):
    return scores.index(max(scores)) + 1
