"""timm (huggingface/pytorch-image-models): timm/data/mixup.py one_hot (torch.full(...,
off_value).scatter_(1, x, on_value), off 0., on 1.); timm/utils/metrics.py accuracy
(topk; correct[:k].reshape(-1).float().sum(0) * 100. / batch_size), called as
accuracy(output, target)[0] as timm's validate() does with topk=(1, 5)."""
import torch


def softmax(X):
    raise NotImplementedError("not in the source")


def cross_entropy(y_hat, y):
    raise NotImplementedError("not in the source")


def _accuracy(output, target, topk=(1,)):
    maxk = min(max(topk), output.size()[1])
    batch_size = target.size(0)
    _, pred = output.topk(maxk, 1, True, True)
    pred = pred.t()
    correct = pred.eq(target.reshape(1, -1).expand_as(pred))
    return [correct[: min(k, maxk)].reshape(-1).float().sum(0) * 100.0 / batch_size for k in topk]


def accuracy(y_hat, y):
    raise NotImplementedError("left out: timm reports a percentage")


def one_hot(y, num_classes):
    x = y.long().view(-1, 1)
    return torch.full((x.size()[0], num_classes), 0.0, device=y.device).scatter_(1, x, 1.0)


def entropy(p):
    raise NotImplementedError("not in the source")
