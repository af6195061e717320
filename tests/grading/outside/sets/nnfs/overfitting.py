"""nnfs_book: Layer_Dropout.forward (np.random.binomial(1, 1 - rate) / (1 - rate), as
torch.bernoulli) and Loss.regularization_loss (l2 * sum(w * w))."""


def l2_penalty(w):
    raise NotImplementedError('left out: lambda * sum(w * w), no 1/2 (deserved)')


def dropout_layer(X, dropout):
    raise NotImplementedError('left out: rate 1 divides by 0 (NaN), no ValueError for a rate outside [0, 1]')


def best_epoch(scores):
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    raise NotImplementedError("not in the source")
