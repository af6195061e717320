"""coursekit.training: metrics, evaluation and the training loop."""

import pytest
import torch
from torch import nn

from coursekit import training as ck


def test_accuracy_on_known_inputs():
    y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.5, 0.2, 0.3], [0.2, 0.7, 0.1], [0.9, 0.05, 0.05]])
    y = torch.tensor([2, 1, 1, 0])
    assert ck.correct_count(y_hat, y) == 3.0
    assert ck.accuracy(y_hat, y) == 0.75


def test_accuracy_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="3 rows but y has 2"):
        ck.accuracy(torch.zeros(3, 2), torch.zeros(2, dtype=torch.long))


def test_accumulator():
    acc = ck.Accumulator(2)
    acc.add(1, 2.5)
    acc.add(torch.tensor(2.0), 0.5)
    assert acc.data == [3.0, 3.0]
    acc.reset()
    assert acc[0] == 0.0
    with pytest.raises(ValueError):
        acc.add(1)


def _toy_problem(seed=0, n=512):
    gen = torch.Generator().manual_seed(seed)
    X = torch.randn(n, 2, generator=gen)
    y = (X[:, 0] + X[:, 1] > 0).long()
    batches = [(X[i : i + 64], y[i : i + 64]) for i in range(0, n, 64)]
    return batches


def test_train_learns_a_separable_problem_and_returns_history():
    ck.seed_everything(0)
    batches = _toy_problem()
    net = nn.Sequential(nn.Linear(2, 2))
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    history = ck.train(net, batches, batches, nn.CrossEntropyLoss(reduction="none"), 5, opt,
                       plot=False)
    assert set(history) == {"train_loss", "train_acc", "test_acc"}
    assert len(history["train_loss"]) == 5
    assert history["train_loss"][-1] < history["train_loss"][0]
    assert history["test_acc"][-1] > 0.95


def test_function_updater_gets_batch_size_and_summed_gradient():
    batches = _toy_problem(n=100)
    net = nn.Linear(2, 2)
    sizes = []

    def updater(batch_size):
        sizes.append(batch_size)
        with torch.no_grad():
            for p in net.parameters():
                p -= 0.1 * p.grad / batch_size
                p.grad.zero_()

    ck.train_epoch(net, batches, nn.CrossEntropyLoss(reduction="none"), updater)
    assert sizes == [64, 36]


def test_mean_and_per_example_losses_train_identically():
    results = []
    for reduction in ("none", "mean"):
        ck.seed_everything(0)
        net = nn.Linear(2, 2)
        opt = torch.optim.SGD(net.parameters(), lr=0.1)
        loss, acc = ck.train_epoch(net, _toy_problem(), nn.CrossEntropyLoss(reduction=reduction),
                                   opt)
        results.append((loss, acc, net.weight.detach().clone()))
    assert results[0][0] == pytest.approx(results[1][0], rel=1e-6)
    torch.testing.assert_close(results[0][2], results[1][2])


def test_evaluate_restores_training_mode_and_uses_eval_mode():
    net = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.9))
    net.train()
    batches = _toy_problem()
    first = ck.evaluate_accuracy(net, batches)
    assert ck.evaluate_accuracy(net, batches) == first  # dropout off: deterministic
    assert net.training
    loss = ck.evaluate_loss(net, batches, nn.CrossEntropyLoss())
    assert loss > 0 and net.training


def test_on_epoch_end_can_stop_early():
    batches = _toy_problem()
    net = nn.Linear(2, 2)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    history = ck.train(net, batches, batches, nn.CrossEntropyLoss(), 10, opt, plot=False,
                       on_epoch_end=lambda epoch, h: epoch == 3)
    assert len(history["test_acc"]) == 3


def test_seed_everything_repeats_draws():
    ck.seed_everything(3)
    a = torch.randn(4)
    ck.seed_everything(3)
    assert torch.equal(a, torch.randn(4))


@pytest.mark.parametrize("seed", [-1, 2**32, 1.5])
def test_seed_everything_refuses_what_numpy_cannot_take(seed):
    with pytest.raises(ValueError, match="seed must be an integer from 0 to 2\\*\\*32 - 1"):
        ck.seed_everything(seed)


@pytest.mark.parametrize("num_epochs", [0, -1, 1.5])
def test_train_refuses_a_number_of_epochs_that_is_no_positive_integer(num_epochs):
    # 0 and -1 returned an empty history, as if training had run.
    net = nn.Linear(2, 2)
    with pytest.raises(ValueError, match="num_epochs must be a positive integer"):
        ck.train(net, _toy_problem(), _toy_problem(), nn.CrossEntropyLoss(), num_epochs,
                 torch.optim.SGD(net.parameters(), lr=0.1), plot=False)  # fmt: skip


@pytest.mark.parametrize("lr, nan_data", [(float("nan"), False), (0.1, True)])
def test_train_stops_with_a_reason_when_the_loss_is_no_number(lr, nan_data):
    # A nan learning rate (or a nan in the data) trained on silently, every epoch nan.
    batches = _toy_problem()
    if nan_data:
        batches[3][0][5, 1] = float("nan")
    net = nn.Linear(2, 2)
    with pytest.raises(FloatingPointError, match="training loss became nan in epoch 1"):
        ck.train(net, batches, batches, nn.CrossEntropyLoss(), 3,
                 torch.optim.SGD(net.parameters(), lr=lr), plot=False)  # fmt: skip


def test_get_device_returns_an_available_device():
    device = ck.get_device()
    assert device.type in {"cpu", "cuda", "mps"}
    torch.zeros(1, device=device)  # usable


def test_top_level_names_are_the_library_functions():
    import coursekit
    from coursekit import data, plotting, training

    assert coursekit.train is training.train
    assert coursekit.plot is plotting.plot
    assert coursekit.load_data_fashion_mnist is data.load_data_fashion_mnist
    assert set(coursekit.__all__) >= {"train", "plot", "check", "seed_everything"}
    for name in coursekit.__all__:
        assert getattr(coursekit, name) is not None
