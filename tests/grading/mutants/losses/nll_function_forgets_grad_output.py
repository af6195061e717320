"""nll_loss as a torch.autograd.Function whose backward returns -1/n at the true classes
without multiplying by grad_output: right only under loss.backward() (session 32).

Says (nll_loss): for a number c != 1
"""


class _NLL(torch.autograd.Function):
    @staticmethod
    def forward(ctx, log_probs, target):
        ctx.save_for_backward(log_probs, target)
        return -log_probs[torch.arange(len(target)), target].mean()

    @staticmethod
    def backward(ctx, grad_output):
        log_probs, target = ctx.saved_tensors
        g = torch.zeros_like(log_probs)
        g[torch.arange(len(target)), target] = -1 / len(target)
        return g, None


def nll_loss(log_probs, target):
    return _NLL.apply(log_probs, target)
