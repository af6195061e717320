"""tinygrad's SGD stores lr as a float32 Tensor([lr]) of shape (1,): with it, a 0-dim float64
parameter's step is computed in float32 (torch promotes a 0-dim tensor by a dimensioned one),
and the run leaves torch.optim's path a few steps in. The message said the rule's returned
state was wrong, and sgd_step keeps none.

Says (sgd_step): keeps no state
"""


def sgd_step(params, grads, state, lr):
    lr = torch.tensor([lr], dtype=torch.float32)
    pairs = zip(params, grads, strict=True)
    return [(p - g * lr).to(p.dtype).reshape(p.shape) for p, g in pairs], {}
