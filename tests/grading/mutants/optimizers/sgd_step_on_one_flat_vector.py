"""sgd_step on all the parameters at once, as one flat vector (torch.cat of the flattened
tensors, the way parameters_to_vector does), split back to the shapes: torch.cat promotes a
float32 parameter beside a float64 one to float64, so it comes back in the wrong dtype.

Says (sgd_step): step each parameter on its own
"""


def sgd_step(params, grads, state, lr):
    flat_p = torch.cat([p.reshape(-1) for p in params])
    flat_g = torch.cat([g.reshape(-1) for g in grads])
    flat = flat_p - lr * flat_g
    sizes = [p.numel() for p in params]
    return [c.reshape(p.shape) for c, p in zip(flat.split(sizes), params, strict=True)], {}
