"""dropout_layer checks the rate with an assert (LLM-style validation): an invalid rate raises
AssertionError, not the ValueError the docstring asks for (and python -O skips the check).

Says (dropout_layer): An assert raises AssertionError
"""


def dropout_layer(X, dropout):
    assert 0 <= dropout <= 1, f"dropout must be in [0, 1], got {dropout}"
    if dropout == 1:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape) > dropout).to(X.dtype)
    return mask * X / (1 - dropout)
