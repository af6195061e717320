"""ONNX's reference implementation (onnx/reference/ops): op_negative_log_likelihood_loss.py's
_compute_negative_log_likelihood_loss, its (N, C) path (reshaped to (N, C, 1)), no weight,
ignore_index None, reduction "mean": the per-element loop filling a zeros tensor."""
import torch


def l1_loss(y_hat, y, reduction="mean"):
    raise NotImplementedError("not in the source")


def mse_loss(y_hat, y, reduction="mean"):
    raise NotImplementedError("not in the source")


def _compute_negative_log_likelihood_loss(x, target, weight=None, reduction="mean",
                                          ignore_index=None):
    input_shape = x.shape
    if len(input_shape) == 1:
        raise RuntimeError(f"Unsupported shape {input_shape!r}.")

    target_shape = target.shape
    N = input_shape[0]
    C = input_shape[1]

    # initialize the positional weights when required
    gather_weight = None
    if weight is not None:
        raise NotImplementedError("weights are not used here")
    elif ignore_index != -1:
        # NumPy compares with None elementwise (all False); torch gives one Python bool
        ignored = (target == ignore_index) if ignore_index is not None else torch.zeros(
            target.shape, dtype=torch.bool)
        gather_weight = torch.where(ignored, 0, 1).to(dtype=x.dtype)

    # if input is 4-d and above, make it 3-d
    if len(input_shape) != 3:
        x = x.reshape((N, C, -1))
        target = target.reshape((N, -1))

    D = x.shape[2]
    neg_gather_element_input = torch.zeros((N, D), dtype=x.dtype)
    for i in range(N):
        for d in range(D):
            if target[i][d] != ignore_index:
                neg_gather_element_input[i][d] = -x[i][target[i][d]][d]

    loss = neg_gather_element_input

    # if the input was 4-d or above reshape to the right shape
    if len(input_shape) != 3:
        loss = loss.reshape(target_shape)

    # apply the weights when required
    if gather_weight is not None:
        loss = gather_weight * loss
        if reduction == "mean":
            loss = loss.sum() / gather_weight.sum()
            return (loss,)

    if reduction == "mean":
        loss = torch.mean(loss)
    elif reduction == "sum":
        loss = torch.sum(loss)
    return (loss.to(x.dtype),)


def nll_loss(log_probs, target):
    return _compute_negative_log_likelihood_loss(log_probs, target)[0]


def cross_entropy_loss(logits, target):
    raise NotImplementedError("left out: log(softmax) is -inf for a logit 1000 below the max")


def bce_with_logits(logits, target):
    raise NotImplementedError("not in the source")


def kl_divergence(p, q):
    raise NotImplementedError("not in the source")
