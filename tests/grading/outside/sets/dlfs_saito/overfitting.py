"""Deep Learning from Scratch (Saito): common/multi_layer_net.py's weight decay (the loss adds
0.5 * weight_decay_lambda * np.sum(W ** 2); gradient() adds weight_decay_lambda * W to dW) with
common/optimizer.py's SGD update."""
import torch


def l2_penalty(w):
    weight_decay_lambda = 1  # the course applies lambda elsewhere
    return 0.5 * weight_decay_lambda * torch.sum(w ** 2)


def dropout_layer(X, dropout):
    raise NotImplementedError("left out: layers.Dropout keeps x * mask, not divided by 1 - p")


def best_epoch(scores):
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    dW = grad + weight_decay * w  # MultiLayerNet.gradient: dW + weight_decay_lambda * W
    params, grads = {"W1": w.clone()}, {"W1": dW}
    for key in params.keys():  # SGD.update
        params[key] -= lr * grads[key]
    return params["W1"]
