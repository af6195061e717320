"""The six update rules of exercises/optimizers.py written with torch.optim itself.

A submission made of torch.optim: each rule builds the twin optimizer on copies of the
parameters, gives it the state the exercise's interface carries (``v``, ``s``, ``step``, ``m``)
under torch.optim's names, takes one step and hands the state back. ``test_self.py`` grades
this module: the optimizer checks compare students with the reference rules (torch.optim
costs the grader seconds of imports per process), and this proves that what they expect is
what torch.optim does, step for step, on every problem they pose, hidden ones included.
"""

import torch


def _step(optimizer_class, params, grads, state, keys, **settings):
    """One step of ``optimizer_class`` from ``state``; ``keys``: our state names -> torch's."""
    leaves = [p.detach().clone().requires_grad_(True) for p in params]
    optimizer = optimizer_class(leaves, **settings)
    for i, (leaf, grad) in enumerate(zip(leaves, grads, strict=True)):
        leaf.grad = grad.clone()
        if state:  # torch.optim keeps a step count for every parameter; only Adam uses it
            optimizer.state[leaf]["step"] = torch.tensor(float(state.get("step", 0)))
            for ours, theirs in keys.items():
                optimizer.state[leaf][theirs] = state[ours][i].clone()
    optimizer.step()
    new_state = {ours: [optimizer.state[x][theirs].clone() for x in leaves]
                 for ours, theirs in keys.items()}  # fmt: skip
    return [x.detach() for x in leaves], new_state


def sgd_step(params, grads, state, lr):
    return _step(torch.optim.SGD, params, grads, state, {}, lr=lr)


def momentum_step(params, grads, state, lr, momentum):
    if momentum == 0:  # torch.optim.SGD then keeps no buffer: its velocity is the gradient
        return _step(torch.optim.SGD, params, grads, state, {}, lr=lr)[0], {
            "v": [g.clone() for g in grads]
        }
    keys = {"v": "momentum_buffer"}
    return _step(torch.optim.SGD, params, grads, state, keys, lr=lr, momentum=momentum)


def nesterov_step(params, grads, state, lr, momentum):
    keys = {"v": "momentum_buffer"}
    return _step(
        torch.optim.SGD, params, grads, state, keys, lr=lr, momentum=momentum, nesterov=True
    )


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    return _step(torch.optim.Adagrad, params, grads, state, {"s": "sum"}, lr=lr, eps=eps)


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    keys = {"s": "square_avg"}
    return _step(torch.optim.RMSprop, params, grads, state, keys, lr=lr, alpha=alpha, eps=eps)


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    keys = {"m": "exp_avg", "v": "exp_avg_sq"}
    new_params, new_state = _step(
        torch.optim.Adam, params, grads, state, keys, lr=lr, betas=betas, eps=eps
    )
    return new_params, {**new_state, "step": state.get("step", 0) + 1}
