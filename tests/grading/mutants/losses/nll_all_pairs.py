"""NLL loss indexed with log_probs[:, target], pairing every row with every label."""


def nll_loss(log_probs, target):
    return -log_probs[:, target].mean()
