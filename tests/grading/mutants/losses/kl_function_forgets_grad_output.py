"""kl_divergence as a torch.autograd.Function whose backward gives q the gradient -p / q
without multiplying by grad_output: right only under .sum() (session 32).

Says (kl_divergence): for random weights w
"""


class _KL(torch.autograd.Function):
    @staticmethod
    def forward(ctx, p, q):
        ctx.save_for_backward(p, q)
        return (torch.xlogy(p, p) - torch.xlogy(p, q)).sum(dim=-1)

    @staticmethod
    def backward(ctx, grad_output):
        p, q = ctx.saved_tensors
        return None, -p / q


def kl_divergence(p, q):
    return _KL.apply(p, q)
