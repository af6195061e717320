"""dropout_layer zeroes and scales X in place (X.mul_), so the caller's tensor is destroyed."""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return X.zero_()
    if dropout == 0:
        return X
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return X.mul_(keep).div_(1.0 - dropout)
