"""Apple's MLX (MIT), python/mlx/optimizers/optimizers.py: SGD (momentum, nesterov), RMSprop,
Adagrad and Adam(bias_correction=True). MLX keeps the learning rate as mx.array(lr), a float32
array cast with .astype(gradient.dtype), and its step as an integer array (b1 ** step is
float32): every rule leaves torch.optim's float64 path, as the docstring warns. All left out,
each told its float32 number (test_outside's _WRONG_OUTSIDE holds momentum_step). See
README.md."""


def sgd_step(params, grads, state, lr):
    raise NotImplementedError("left out: lr as mx.array(lr), float32 (deserved)")


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: lr as mx.array(lr), float32 (deserved)")


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: lr as mx.array(lr), float32 (deserved)")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError("left out: lr as mx.array(lr), float32 (deserved)")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    raise NotImplementedError("left out: lr as mx.array(lr), float32 (deserved)")


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    raise NotImplementedError("left out: lr and b1 ** step in float32 (deserved)")
