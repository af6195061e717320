"""best_epoch that starts from a best score of 0: scores that are all negative (a
log-likelihood) give epoch 1."""


def best_epoch(scores):
    if not scores:
        raise ValueError("no epoch to choose from")
    best, best_score = 1, 0.0
    for epoch, score in enumerate(scores, start=1):
        if score > best_score:
            best, best_score = epoch, score
    return best
