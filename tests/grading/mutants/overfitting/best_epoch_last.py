"""best_epoch returns the last epoch, as if the final model were always the best."""


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("no scores")
    return len(scores)
