"""Apple's MLX (MIT), python/mlx/nn/layers/dropout.py: Dropout (a ValueError for p outside [0, 1),
x itself where p = 0, (1 / p_1) * mask * x with a Bernoulli(p_1) mask). See README.md."""


def l2_penalty(w):
    raise NotImplementedError("not in the source")


def dropout_layer(X, dropout):
    raise NotImplementedError("left out: Dropout(p=1) raises ValueError, the docstring wants zeros")


def best_epoch(scores):
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    raise NotImplementedError("left out with the optimizers: the float32 learning rate")
