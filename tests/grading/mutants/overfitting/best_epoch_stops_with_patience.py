"""best_epoch stops reading the scores after 3 epochs without improvement (early stopping's
patience), so a best score reached after a longer plateau is never seen.

Says (best_epoch): stopped looking
"""


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("no scores: there is no epoch to choose from")
    best, waited = 0, 0
    for i, score in enumerate(scores):
        if score > scores[best]:
            best, waited = i, 0
        else:
            waited += 1
            if waited == 3:
                break
    return best + 1
