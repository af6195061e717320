"""mse_loss that turns 0-dim inputs into one-element vectors first ("a scalar has nothing to
reduce over"): 'none' then has shape (1,) where y_hat's shape () is promised.

Says (mse_loss): 0-dim
"""

_mse_loss_of_any_shape = mse_loss


def mse_loss(y_hat, y, reduction="mean"):
    if y_hat.ndim == 0:
        y_hat, y = y_hat.reshape(1), y.reshape(1)
    return _mse_loss_of_any_shape(y_hat, y, reduction)
