"""nll_loss from the diagonal of log_probs[:, target]: the right loss, through an (n, n) matrix
that a large batch cannot hold.

Says (nll_loss): ran out of memory
"""


def nll_loss(log_probs, target):
    return -log_probs[:, target].diagonal().mean()
