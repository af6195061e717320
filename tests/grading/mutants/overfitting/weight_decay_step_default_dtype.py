"""weight_decay_step fills a tensor made with torch.zeros(w.shape), in the default float32:
the values are right for float32 weights, but float64 weights come back as float32."""


def weight_decay_step(w, grad, lr, weight_decay):
    new_w = torch.zeros(w.shape)
    new_w[...] = (1 - lr * weight_decay) * w - lr * grad
    return new_w
