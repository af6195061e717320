"""deeplearning.ai DLS Course 2 week 2 (Optimization methods): update_parameters_with_gd,
update_parameters_with_adam (v = beta1 v + (1 - beta1) dW; v_corrected = v / (1 - beta1 ** t);
s = beta2 s + (1 - beta2) dW ** 2; s_corrected = s / (1 - beta2 ** t);
W = W - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon))."""
import numpy as np
import torch


def sgd_step(params, grads, state, lr):
    learning_rate = lr
    return [W - learning_rate * dW for W, dW in zip(params, grads)], {}


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")  # the notebook's is the EMA form (s30)


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError("not in the source")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    raise NotImplementedError("not in the source")


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    learning_rate, epsilon = lr, eps
    t = state.get("step", 0) + 1
    v = state.get("m", [torch.zeros_like(p) for p in params])
    s = state.get("v", [torch.zeros_like(p) for p in params])
    new_v, new_s, new_p = [], [], []
    for W, dW, vW, sW in zip(params, grads, v, s):
        vW = beta1 * vW + (1 - beta1) * dW
        v_corrected = vW / (1 - np.power(beta1, t))
        sW = beta2 * sW + (1 - beta2) * torch.pow(dW, 2)
        s_corrected = sW / (1 - np.power(beta2, t))
        new_p.append(W - learning_rate * v_corrected / (torch.sqrt(s_corrected) + epsilon))
        new_v.append(vW)
        new_s.append(sW)
    return new_p, {"step": t, "m": new_v, "v": new_s}
