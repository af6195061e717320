"""best_epoch that returns 0 for a history of one epoch (a special case for len 1): its message
was the grader's own error (max() of an empty slice, in the hint that looks for patience).

Says (best_epoch): best_epoch([0.42]) returned 0; expected 1
"""


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("no scores: there is no epoch to choose from")
    if len(scores) == 1:
        return 0
    return scores.index(max(scores)) + 1
