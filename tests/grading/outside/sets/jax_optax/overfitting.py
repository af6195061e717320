"""flax.linen.Dropout.__call__ (rate 0: inputs, rate 1: zeros, bernoulli keep mask,
lax.select) and optax.chain(add_decayed_weights(wd), sgd(lr)) + apply_updates."""


def l2_penalty(w):
    raise NotImplementedError("not in the source")


def dropout_layer(X, dropout):
    # flax.linen.Dropout.__call__ (deterministic=False)
    raise NotImplementedError('left out: flax checks no rate outside [0, 1] (deserved: RuntimeError, not ValueError)')


def best_epoch(scores):
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    # optax.chain(optax.add_decayed_weights(weight_decay), optax.sgd(lr)), optax.apply_updates
    updates = grad + weight_decay * w
    return w + -lr * updates
