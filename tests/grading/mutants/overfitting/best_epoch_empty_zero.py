"""best_epoch returns 0 for an empty history instead of raising an error."""


def best_epoch(scores):
    if len(scores) == 0:
        return 0
    best = 0
    for i, score in enumerate(scores):
        if score > scores[best]:
            best = i
    return best + 1
