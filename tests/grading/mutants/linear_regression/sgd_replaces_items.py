"""sgd puts new tensors into the list instead of updating the parameters: the caller's tensors
(the model's w and b) never change."""


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for i, param in enumerate(params):
            params[i] = param - lr * param.grad / batch_size
            param.grad.zero_()
