"""JAX (Apache-2.0), jax/example_libraries/optimizers.py: the (init, update, get_params) triples
of sgd, momentum, nesterov and adam, one parameter at a time as the @optimizer decorator's
tree_update runs them, the update's step index i (0 on the first call) kept in the state.
Translated to torch (jnp -> torch). See README.md."""
import torch


def _constant(step_size):  # make_schedule of a scalar
    def schedule(i):
        return step_size
    return schedule


def _run(triple, params, grads, state, keys):
    """tree_init / tree_update / tree_get_params over the list, the states unpacked by key."""
    init, update, get_params = triple
    i = state.get("step", 0) if "step" in keys else 0
    new_params, new_states = [], []
    for k, (x0, g) in enumerate(zip(params, grads)):
        if state:
            opt_state = (x0, *(state[key][k] for key in keys if key != "step"))
        else:
            opt_state = init(x0)
        opt_state = update(i, g, opt_state)
        new_params.append(get_params(opt_state))
        new_states.append(opt_state[1:])
    out = {key: [s[j] for s in new_states] for j, key in enumerate(k for k in keys if k != "step")}
    if "step" in keys:
        out["step"] = i + 1
    return new_params, out


def _sgd(step_size):
    step_size = _constant(step_size)

    def init(x0):
        return (x0,)

    def update(i, g, x):
        return (x[0] - step_size(i) * g,)

    def get_params(x):
        return x[0]
    return init, update, get_params


def _momentum(step_size, mass):
    step_size = _constant(step_size)

    def init(x0):
        v0 = torch.zeros_like(x0)
        return x0, v0

    def update(i, g, state):
        x, velocity = state
        velocity = mass * velocity + g
        x = x - step_size(i) * velocity
        return x, velocity

    def get_params(state):
        x, _ = state
        return x
    return init, update, get_params


def _nesterov(step_size, mass):
    step_size = _constant(step_size)

    def init(x0):
        v0 = torch.zeros_like(x0)
        return x0, v0

    def update(i, g, state):
        x, velocity = state
        velocity = mass * velocity + g
        x = x - step_size(i) * (mass * velocity + g)
        return x, velocity

    def get_params(state):
        x, _ = state
        return x
    return init, update, get_params


def _adam(step_size, b1=0.9, b2=0.999, eps=1e-8):
    step_size = _constant(step_size)

    def init(x0):
        m0 = torch.zeros_like(x0)
        v0 = torch.zeros_like(x0)
        return x0, m0, v0

    def update(i, g, state):
        x, m, v = state
        m = (1 - b1) * g + b1 * m  # First  moment estimate.
        v = (1 - b2) * torch.square(g) + b2 * v  # Second moment estimate.
        mhat = m / (1 - torch.as_tensor(b1, dtype=m.dtype) ** (i + 1))  # Bias correction.
        vhat = v / (1 - torch.as_tensor(b2, dtype=m.dtype) ** (i + 1))
        x = x - step_size(i) * mhat / (torch.sqrt(vhat) + eps)
        return x, m, v

    def get_params(state):
        x, _, _ = state
        return x
    return init, update, get_params


def sgd_step(params, grads, state, lr):
    new_params, _ = _run(_sgd(lr), params, grads, state, ())
    return new_params, {}


def momentum_step(params, grads, state, lr, momentum):
    return _run(_momentum(lr, momentum), params, grads, state, ("v",))


def nesterov_step(params, grads, state, lr, momentum):
    return _run(_nesterov(lr, momentum), params, grads, state, ("v",))


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError("left out: jax's adagrad has momentum 0.9 and no eps (deserved)")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    raise NotImplementedError("left out: jnp.sqrt(avg_sq_grad + eps), eps inside (deserved)")


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    b1, b2 = betas
    return _run(_adam(lr, b1, b2, eps), params, grads, state, ("step", "m", "v"))
