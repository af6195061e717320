"""coursekit.checkpoint: best model kept, restored exactly, crash-safe saves, clear errors."""

from __future__ import annotations

import copy
import os

import pytest
import torch
from torch import nn

from coursekit import checkpoint as ck
from coursekit.checkpoint import Checkpointer, CheckpointMismatchError, load_checkpoint
from coursekit.training import train


def make_model(hidden: int = 8) -> nn.Module:
    torch.manual_seed(0)
    return nn.Sequential(nn.Flatten(), nn.Linear(4, hidden), nn.ReLU(), nn.Linear(hidden, 3))


def perturb(model: nn.Module) -> None:
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p))


def history_of(scores: list[float]) -> list[dict[str, list[float]]]:
    return [{"val_acc": scores[: i + 1]} for i in range(len(scores))]


def test_best_checkpoint_is_kept(tmp_path):
    model = make_model()
    ckpt = Checkpointer(model, tmp_path / "run")
    scores = [0.5, 0.7, 0.6, 0.7, 0.65]
    snapshots = {}
    for epoch, hist in enumerate(history_of(scores), start=1):
        snapshots[epoch] = copy.deepcopy(model.state_dict())
        assert ckpt(epoch, hist) is False
        perturb(model)
    assert ckpt.best_epoch == 2  # the tie at epoch 4 does not replace the earlier best
    assert ckpt.best_metric == pytest.approx(0.7)
    payload = load_checkpoint(ckpt.path)
    assert payload["epoch"] == 2 and payload["metric"] == pytest.approx(0.7)
    for k, v in snapshots[2].items():
        assert torch.equal(payload["state_dict"][k], v)
    # Only the best file remains: no temporary files are left behind.
    assert sorted(p.name for p in (tmp_path / "run").iterdir()) == ["best.pt"]


def test_restore_gives_identical_outputs(tmp_path):
    model = make_model()
    X = torch.randn(16, 4, generator=torch.Generator().manual_seed(1))
    ckpt = Checkpointer(model, tmp_path)
    ckpt(1, {"val_acc": [0.9]})
    with torch.no_grad():
        expected = model(X).clone()
    perturb(model)
    ckpt(2, {"val_acc": [0.9, 0.8]})
    with torch.no_grad():
        assert not torch.equal(model(X), expected)
    payload = ckpt.restore()
    assert payload["epoch"] == 1
    with torch.no_grad():
        assert torch.equal(model(X), expected)


@pytest.mark.parametrize("where", ["torch.save", "os.replace"])
def test_crash_during_save_leaves_previous_best_loadable(tmp_path, monkeypatch, where):
    model = make_model()
    ckpt = Checkpointer(model, tmp_path)
    ckpt(1, {"val_acc": [0.5]})
    first = copy.deepcopy(model.state_dict())
    perturb(model)

    if where == "torch.save":
        real_save = torch.save

        def crashing_save(obj, f, *args, **kwargs):
            f.write(b"half a checkpoint")  # some bytes reach the disk, then the crash
            raise OSError("simulated crash: disk full")

        monkeypatch.setattr(ck.torch, "save", crashing_save)
    else:
        real_save = None

        def crashing_replace(src, dst):
            raise OSError("simulated crash before the rename")

        monkeypatch.setattr(ck.os, "replace", crashing_replace)

    with pytest.raises(OSError, match="simulated crash"):
        ckpt(2, {"val_acc": [0.5, 0.9]})
    monkeypatch.undo()
    assert real_save is None or torch.save is real_save

    fresh = make_model()
    payload = load_checkpoint(tmp_path / "best.pt", fresh)
    assert payload["epoch"] == 1
    for k, v in first.items():
        assert torch.equal(fresh.state_dict()[k], v)
    assert os.listdir(tmp_path) == ["best.pt"]  # the temporary file was cleaned up


def test_mismatched_model_gives_clear_error(tmp_path):
    ckpt = Checkpointer(make_model(hidden=8), tmp_path)
    ckpt(1, {"val_acc": [0.5]})
    wider = make_model(hidden=16)
    with pytest.raises(CheckpointMismatchError) as info:
        load_checkpoint(ckpt.path, wider)
    message = str(info.value)
    assert "1.weight: checkpoint (8, 4) vs model (16, 4)" in message
    assert "3.weight" in message and "same layers" in message

    deeper = nn.Sequential(
        nn.Flatten(), nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3), nn.Linear(3, 3)
    )
    with pytest.raises(CheckpointMismatchError, match="lacks: 4.weight, 4.bias"):
        Checkpointer(deeper, tmp_path).restore()


def test_missing_metric_and_missing_file_are_explained(tmp_path):
    ckpt = Checkpointer(make_model(), tmp_path)
    with pytest.raises(KeyError, match="eval_name='val'"):
        ckpt(1, {"test_acc": [0.5]})
    with pytest.raises(FileNotFoundError, match="no checkpoint"):
        ckpt.restore()


def test_a_file_cut_short_or_foreign_is_explained(tmp_path):
    ckpt = Checkpointer(make_model(), tmp_path)
    ckpt(1, {"val_acc": [0.5]})
    whole = ckpt.path.read_bytes()
    for name, content in (("cut.pt", whole[: len(whole) // 2]), ("notes.pt", b"not a model")):
        (tmp_path / name).write_bytes(content)
        # torch's own message advised weights_only=False, which runs what the file holds.
        with pytest.raises(CheckpointMismatchError, match="could not be read as a checkpoint"):
            load_checkpoint(tmp_path / name, make_model())


@pytest.mark.parametrize(("option", "value"), [("min_delta", -0.01), ("min_delta", float("nan")),
                                               ("patience", 0), ("patience", 2.5)])
def test_settings_that_would_keep_the_wrong_model_are_refused(tmp_path, option, value):
    # min_delta=-0.01 counted a score 0.01 worse than the best as an improvement.
    with pytest.raises(ValueError, match=option):
        Checkpointer(make_model(), tmp_path, **{option: value})


def test_early_stopping_after_patience(tmp_path):
    ckpt = Checkpointer(make_model(), tmp_path, patience=3)
    scores = [0.5, 0.6, 0.55, 0.58, 0.6, 0.59, 0.7]
    stops = []
    for epoch, hist in enumerate(history_of(scores), start=1):
        stops.append(ckpt(epoch, hist))
        if stops[-1]:
            break
    # best at epoch 2; epochs 3, 4, 5 do not improve on it, so training stops at epoch 5
    assert stops == [False, False, False, False, True]
    assert ckpt.stopped_epoch == 5 and ckpt.best_epoch == 2


def test_plugs_into_train_and_stops_early(tmp_path):
    torch.manual_seed(0)
    X = torch.randn(64, 4)
    y = (X[:, 0] > 0).long()
    batches = [(X[i : i + 16], y[i : i + 16]) for i in range(0, 64, 16)]
    model = make_model()
    ckpt = Checkpointer(model, tmp_path, patience=2, min_delta=1.0)  # nothing beats epoch 1
    history = train(
        model, batches, batches, nn.CrossEntropyLoss(), 20,
        torch.optim.SGD(model.parameters(), lr=0.1),
        plot=False, progress=False, on_epoch_end=ckpt, eval_name="val",
    )  # fmt: skip
    assert list(history) == ["train_loss", "train_acc", "val_acc"]
    assert len(history["val_acc"]) == 3 and ckpt.best_epoch == 1 and ckpt.stopped_epoch == 3
