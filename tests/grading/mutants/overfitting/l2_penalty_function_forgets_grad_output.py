"""l2_penalty as a torch.autograd.Function whose backward returns w, the docstring's gradient,
without multiplying by grad_output: right for l2_penalty(w).backward() alone, wrong for
lambda * l2_penalty(w) in a loss (session 33: kept every point).

Says (l2_penalty): for a number c != 1
"""


class _L2(torch.autograd.Function):
    @staticmethod
    def forward(ctx, w):
        ctx.save_for_backward(w)
        return (w**2).sum() / 2

    @staticmethod
    def backward(ctx, grad_output):
        (w,) = ctx.saved_tensors
        return w.clone()


def l2_penalty(w):
    return _L2.apply(w)
