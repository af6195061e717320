"""best_epoch resolves ties to the latest epoch (>= instead of >).

Says (best_epoch): the LATEST of the epochs that tie
"""


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("no scores")
    best = 0
    for i, score in enumerate(scores):
        if score >= scores[best]:
            best = i
    return best + 1
