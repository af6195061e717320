"""Stanford CS230 code examples (cs230-code-examples, pytorch/vision/model/net.py loss_fn):
num_examples = outputs.size()[0]; return -torch.sum(outputs[range(num_examples), labels]) /
num_examples, outputs being log_softmax scores."""
import torch


def l1_loss(y_hat, y, reduction="mean"):
    raise NotImplementedError("not in the source")


def mse_loss(y_hat, y, reduction="mean"):
    raise NotImplementedError("not in the source")


def nll_loss(log_probs, target):
    outputs, labels = log_probs, target
    num_examples = outputs.size()[0]
    return -torch.sum(outputs[range(num_examples), labels]) / num_examples


def cross_entropy_loss(logits, target):
    raise NotImplementedError("not in the source")


def bce_with_logits(logits, target):
    raise NotImplementedError("not in the source")


def kl_divergence(p, q):
    raise NotImplementedError("not in the source")

