"""best_epoch takes the argmax of torch.tensor(scores), a float32 tensor: scores closer than
float32 can tell apart (0.9 and 0.90000001) become a tie, and the earlier epoch wins.

Says (best_epoch): float32
"""


def best_epoch(scores):
    if not scores:
        raise ValueError("no scores: there is no epoch to choose from")
    return int(torch.argmax(torch.tensor(scores))) + 1
