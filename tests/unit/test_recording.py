"""coursekit.recording: the student edition's recorded reference answers replay what was
recorded, gradients included, for each way a check called the reference."""

import types

import pytest
import torch

from coursekit.grading.api import GradingFailure
from coursekit.recording import Recorder, Replay


def _loss(y_hat, y):
    return ((y_hat - y) ** 2).sum()


def _gradients(reference, upstream: float, target_too: bool):
    y_hat = torch.tensor([1.0, 2.0], requires_grad=True)
    y = torch.tensor([0.5, 4.0], requires_grad=target_too)
    (reference.loss(y_hat, y) * upstream).backward()
    return y_hat.grad, y.grad


def test_gradients_replay_for_each_upstream_and_each_set_of_leaves(tmp_path):
    """A check that scaled the loss by c != 1 after one that did not, on the same inputs, got
    the first call's gradients back in the edition (the replay ignored the incoming gradient),
    and one that asked for the target's gradient too failed with "returned an incorrect
    number of gradients"."""
    recorder = Recorder(types.SimpleNamespace(loss=_loss))
    ways = [(1.0, False), (-2.5, False), (1.0, True), (3.0, True)]
    view = recorder.for_test("test_loss")
    recorded = [_gradients(view, c, both) for c, both in ways]
    recorder.save(tmp_path / "ch.wire", "ch")
    replay = Replay.load(tmp_path / "ch.wire").for_test("test_loss")
    for (c, both), (want_hat, want_y) in zip(ways, recorded, strict=True):
        got_hat, got_y = _gradients(replay, c, both)
        assert torch.equal(got_hat, want_hat) and torch.equal(want_hat, 2 * c * torch.tensor(
            [0.5, -2.0]))  # fmt: skip
        assert (got_y is None) == (want_y is None) and (got_y is None or torch.equal(got_y, want_y))
    with pytest.raises(GradingFailure, match="none was recorded for loss"):
        _gradients(replay, 7.0, False)  # an upstream no check sent at release time
