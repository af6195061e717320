"""Lasagne (MIT): lasagne.layers.DropoutLayer.get_output_for (rescale: input / retain_prob, then
a binomial mask of retain_prob in the input's dtype) with torch's generator for Theano's
MRG_RandomStreams. See README.md."""
import torch


def l2_penalty(w: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("left out: lasagne.regularization.l2 is T.sum(x**2), no 1/2 (deserved)")


def dropout_layer(X: torch.Tensor, dropout: float) -> torch.Tensor:
    raise NotImplementedError("left out: p = 1 divides by retain_prob = 0 (deserved)")


def best_epoch(scores: list[float]) -> int:
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    raise NotImplementedError("not in the source")
