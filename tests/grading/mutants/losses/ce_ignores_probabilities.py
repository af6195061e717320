"""Cross-entropy that turns probability targets into hard labels with argmax, losing soft labels."""


def cross_entropy_loss(logits, target):
    if target.dtype.is_floating_point:
        target = target.argmax(dim=1)
    return nll_loss(_log_softmax(logits), target)
