"""best_epoch that treats scores within 0.1% as a tie: close scores are not equal ones."""
import math


def best_epoch(scores):
    if not scores:
        raise ValueError("best_epoch needs at least one score")
    best = 0
    for i, s in enumerate(scores):
        if s > scores[best] and not math.isclose(s, scores[best], rel_tol=1e-3):
            best = i
    return best + 1
