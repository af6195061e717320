"""dropout_layer draws a digit 0..9 per entry and drops it when the digit is below
round(10 * dropout): the drop rate is the rate rounded to a tenth (0.37 drops 40%), right for
every rate that is a multiple of 0.1, while the kept entries are scaled by 1 / (1 - dropout)
(a red team's, session 31: 23/23 while every rate posed was a multiple of 0.1).

Says (dropout_layer): is about p rounded to 0.4
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    keep = (torch.randint(0, 10, X.shape) >= round(10 * dropout)).to(X.dtype)
    return keep * X / (1.0 - dropout)
