"""momentum_step starts the velocity as the gradient tensor itself (v = g at the first step,
as torch.optim.SGD's buffer, but without its clone): the state holds the caller's gradient, so
a training loop that zeroes or accumulates its gradients in place changes the velocity too.

Says (momentum_step): holds a tensor of grads
"""


def momentum_step(params, grads, state, lr, momentum):
    if "v" in state:
        v = [momentum * vi + g for vi, g in zip(state["v"], grads, strict=True)]
    else:
        v = list(grads)
    new_params = [p - lr * vi for p, vi in zip(params, v, strict=True)]
    return new_params, {"v": v}
