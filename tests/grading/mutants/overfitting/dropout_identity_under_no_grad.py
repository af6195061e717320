"""dropout_layer that returns X unchanged under torch.no_grad(), taken for evaluation mode: the
function has no training flag, and no_grad only stops autograd from recording.

Says (dropout_layer): torch.no_grad() only stops autograd
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError("dropout must be in [0, 1]")
    if not torch.is_grad_enabled() or dropout == 0:  # "evaluating: nothing to drop"
        return X.clone()
    if dropout == 1:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape) > dropout).to(X.dtype)
    return mask * X / (1.0 - dropout)
