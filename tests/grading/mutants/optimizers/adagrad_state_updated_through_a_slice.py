"""AdaGrad as MXNet's python/mxnet/optimizer/adagrad.py step writes it, on a clone of the
state: history[:] += square(grad). Right for every shape but a 0-dim parameter, whose state has
no slice; the message used to tell the student to stop writing into p, which this code never
does (session 32).

Says (adagrad_step): and so may its state
"""


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    if "s" in state:
        history = [h.clone() for h in state["s"]]
    else:
        history = [torch.zeros_like(p) for p in params]
    new = []
    for weight, grad, h in zip(params, grads, history, strict=True):
        h[:] += torch.square(grad)
        new.append(weight - lr * grad / (torch.sqrt(h) + eps))
    return new, {"s": history}
