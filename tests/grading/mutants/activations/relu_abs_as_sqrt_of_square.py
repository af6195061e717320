"""relu as (x + |x|) / 2 with |x| written sqrt(x * x): right values, nan gradient at exactly 0.
No gradient check posed a zero (session 32: 28/28, leaky_relu written alike).

Says (relu): never nan
"""


def relu(x):
    return (x + torch.sqrt(x * x)) / 2
