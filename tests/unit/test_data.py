"""coursekit.data: synthetic data, loaders, and finding and verifying Fashion-MNIST."""

import gzip
import shutil

import pytest
import torch

from coursekit import data
from tests.conftest import require


@pytest.fixture(scope="module")
def fashion_folder():
    try:
        return data.find_fashion_mnist(download=False)
    except data.DataMissingError as err:
        require(False, f"Fashion-MNIST is not installed ({err})")


@pytest.fixture(scope="module")
def fashion(fashion_folder):
    return data.load_data_fashion_mnist(256, seed=0)


def test_fashion_mnist_sizes_and_classes(fashion):
    train_iter, test_iter = fashion
    for it, n, per_class in ((train_iter, 60_000, 6_000), (test_iter, 10_000, 1_000)):
        assert it.num_examples == n
        counts = torch.bincount(it.labels, minlength=10)
        assert counts.tolist() == [per_class] * 10


def test_fashion_mnist_batches_have_documented_shapes_and_range(fashion):
    train_iter, _ = fashion
    X, y = next(iter(train_iter))
    assert X.shape == (256, 1, 28, 28) and X.dtype == torch.float32
    assert y.shape == (256,) and y.dtype == torch.int64
    assert 0.0 <= X.min() and X.max() <= 1.0
    assert X.max() == 1.0  # scaled by 255, not left as 0-255 or normalised
    assert len(train_iter) == 235


def test_fashion_mnist_resize(fashion_folder):
    _, test_iter = data.load_data_fashion_mnist(32, resize=64)
    X, _ = next(iter(test_iter))
    assert X.shape == (32, 1, 64, 64)


@pytest.mark.parametrize("split", ["train", "test"])
def test_fashion_mnist_is_read_exactly_as_torchvision_reads_it(fashion_folder, split):
    from torchvision.datasets.mnist import read_image_file, read_label_file

    images, labels = data.load_fashion_mnist_tensors(split)
    image_stem, label_stem = data._SPLIT_FILES[split]
    want_images = read_image_file(str(fashion_folder / image_stem))
    want_labels = read_label_file(str(fashion_folder / label_stem))
    assert images.dtype == want_images.dtype == torch.uint8
    assert torch.equal(images, want_images)
    assert labels.dtype == torch.int64 and torch.equal(labels, want_labels.long())


def test_idx_bytes_that_do_not_match_their_header_are_refused():
    good = bytes((0, 0, 8, 1)) + (3).to_bytes(4, "big") + bytes([7, 8, 9])
    assert data._parse_idx(good, ndim=1).tolist() == [7, 8, 9]
    for bad in (good[:-1], good + b"\0", bytes((0, 0, 9, 1)) + good[4:], good[:3]):
        with pytest.raises(ValueError, match="IDX"):
            data._parse_idx(bad, ndim=1)


def test_labels_text():
    assert data.get_fashion_mnist_labels([0, 9]) == ["t-shirt", "ankle boot"]
    assert data.get_fashion_mnist_labels(torch.tensor([[1], [7]])) == ["trouser", "sneaker"]


@pytest.mark.parametrize("bad", [[10], [-1], [1.5], torch.tensor([0.2, 0.8])])
def test_labels_of_what_is_no_class_index_are_refused(bad):
    # -1 named the last class and 1.5 the second, without complaint.
    with pytest.raises(ValueError, match="class indices are integers from 0 to 9"):
        data.get_fashion_mnist_labels(bad)


@pytest.mark.parametrize(("option", "value"), [("batch_size", 2.5), ("resize", 0), ("resize", -3)])
def test_batches_refuse_sizes_that_are_no_positive_integer(option, value):
    # resize=-3 was accepted and failed at the first batch; 0 was taken as "no resize".
    images, labels = torch.zeros(4, 28, 28, dtype=torch.uint8), torch.arange(4)
    with pytest.raises(ValueError, match=f"{option} must be a positive integer"):
        data.TensorBatches(images, labels, **{"batch_size": 2, option: value})


def _indexed_batches(n, batch_size, seed=None, shuffle=True):
    images = torch.zeros(n, 28, 28, dtype=torch.uint8)
    labels = torch.arange(n)  # each label names its example
    return data.TensorBatches(images, labels, batch_size, shuffle=shuffle, seed=seed)


@pytest.mark.parametrize("n, batch_size", [(1000, 256), (10, 3), (8, 8), (5, 10)])
def test_every_example_once_per_epoch_with_short_last_batch(n, batch_size):
    batches = _indexed_batches(n, batch_size, seed=1)
    for _ in range(2):
        seen = [y for _, y in batches]
        sizes = [len(y) for y in seen]
        assert sorted(torch.cat(seen).tolist()) == list(range(n))
        assert all(s == batch_size for s in sizes[:-1])
        assert sizes[-1] == n - batch_size * (len(sizes) - 1)
        assert len(sizes) == len(batches)


def test_same_seed_same_order_and_epochs_differ():
    first = [y for _, y in _indexed_batches(100, 10, seed=7)]
    again = [y for _, y in _indexed_batches(100, 10, seed=7)]
    other = [y for _, y in _indexed_batches(100, 10, seed=8)]
    assert all(torch.equal(a, b) for a, b in zip(first, again, strict=True))
    assert not all(torch.equal(a, b) for a, b in zip(first, other, strict=True))
    batches = _indexed_batches(100, 100, seed=7)
    epoch1, epoch2 = (next(iter(batches))[1] for _ in range(2))
    assert not torch.equal(epoch1, epoch2)


def test_unshuffled_iteration_keeps_order():
    order = torch.cat([y for _, y in _indexed_batches(50, 7, shuffle=False)])
    assert torch.equal(order, torch.arange(50))


def test_mismatched_images_and_labels_are_rejected():
    with pytest.raises(ValueError, match="disagree"):
        data.TensorBatches(torch.zeros(3, 28, 28), torch.zeros(4), 2)


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("COURSEKIT_DATA", raising=False)
    return tmp_path


def _copy_dataset(source, target, gz=True):
    target.mkdir()
    for stem in data.FASHION_MNIST_FILES:
        raw = (source / stem).read_bytes()
        if gz:
            (target / f"{stem}.gz").write_bytes(gzip.compress(raw, compresslevel=1))
        else:
            shutil.copy(source / stem, target / stem)


def test_data_dir_argument_is_used_and_verified(fashion_folder, private_cache):
    folder = private_cache / "mine"
    _copy_dataset(fashion_folder, folder)
    images, labels = data.load_fashion_mnist_tensors("test", data_dir=folder)
    assert images.shape == (10_000, 28, 28) and images.dtype == torch.uint8
    assert labels.dtype == torch.int64


def test_corrupt_file_gives_clear_error_naming_file_and_fix(fashion_folder, private_cache):
    folder = private_cache / "corrupt"
    _copy_dataset(fashion_folder, folder, gz=False)
    victim = folder / "t10k-labels-idx1-ubyte"
    victim.write_bytes(victim.read_bytes()[:5000])  # truncated
    with pytest.raises(data.DataMissingError) as info:
        data.load_fashion_mnist_tensors("test", data_dir=folder)
    message = str(info.value)
    assert "t10k-labels-idx1-ubyte" in message
    assert data.FASHION_MNIST_FILES["t10k-labels-idx1-ubyte"] in message  # what was expected
    assert "apt-get install dataset-fashion-mnist" in message  # the command that fixes it


def test_corrupt_gzip_gives_clear_error(fashion_folder, private_cache):
    folder = private_cache / "badgz"
    _copy_dataset(fashion_folder, folder)
    victim = folder / "train-labels-idx1-ubyte.gz"
    victim.write_bytes(victim.read_bytes()[:100])
    with pytest.raises(data.DataMissingError, match="train-labels-idx1-ubyte.gz"):
        data.find_fashion_mnist(folder)


def test_missing_file_gives_clear_error(fashion_folder, private_cache, monkeypatch):
    folder = private_cache / "partial"
    _copy_dataset(fashion_folder, folder)
    (folder / "t10k-images-idx3-ubyte.gz").unlink()
    monkeypatch.setenv("COURSEKIT_DATA", str(folder))
    with pytest.raises(data.DataMissingError, match="lacks t10k-images-idx3-ubyte"):
        data.load_data_fashion_mnist(10)


def test_damaged_cache_is_detected(fashion_folder, private_cache):
    folder = private_cache / "src"
    _copy_dataset(fashion_folder, folder, gz=False)
    cached = data.find_fashion_mnist(folder)
    (cached / "train-images-idx3-ubyte").write_bytes(b"\0" * 100)
    with pytest.raises(data.DataMissingError, match="corrupt or truncated"):
        data.load_fashion_mnist_tensors("train", data_dir=folder)


def test_synthetic_data_statistics():
    true_w, true_b = torch.tensor([2.0, -3.4]), 4.2
    gen = torch.Generator().manual_seed(0)
    X, y = data.synthetic_data(true_w, true_b, 20_000, generator=gen)
    assert X.shape == (20_000, 2) and y.shape == (20_000, 1)
    assert X.mean(0).abs().max() < 0.03 and (X.std(0) - 1).abs().max() < 0.03
    noise = y.squeeze(1) - (X @ true_w + true_b)
    assert abs(noise.std().item() - 0.01) < 0.0005
    assert abs(noise.mean().item()) < 0.0005


def test_synthetic_data_rejects_matrix_weights():
    with pytest.raises(ValueError, match=r"shape \(d,\)"):
        data.synthetic_data(torch.ones(2, 1), 0.0, 5)


def test_load_array_batches():
    X, y = torch.arange(10.0).reshape(5, 2), torch.arange(5.0)
    batches = list(data.load_array((X, y), batch_size=2, shuffle=False))
    assert [len(b[0]) for b in batches] == [2, 2, 1]
    assert torch.equal(batches[0][0], X[:2])


def test_load_array_says_when_features_and_labels_disagree():
    with pytest.raises(ValueError, match=r"one row per example each, got \[10, 9\] rows"):
        data.load_array((torch.zeros(10, 2), torch.zeros(9, 1)), batch_size=4)
