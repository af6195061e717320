"""Data: synthetic regression data, small in-memory loaders, and Fashion-MNIST.

Fashion-MNIST is kept as one uint8 tensor in memory and batches are sliced from it.
There is no per-image PIL conversion and there are no worker processes, which is why an
epoch takes a fraction of a second instead of the many seconds a ``DataLoader`` with
``ToTensor`` needs (see ``benchmarks/data_pipeline.py``).
"""

from __future__ import annotations

import gzip
import hashlib
import math
import numbers
import os
import shutil
import struct
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import torch
from torch.utils import data as torch_data

__all__ = [
    "FASHION_MNIST_FILES",
    "FASHION_MNIST_LABELS",
    "DEBIAN_FASHION_MNIST_DIR",
    "DataMissingError",
    "TensorBatches",
    "default_cache_dir",
    "find_fashion_mnist",
    "get_fashion_mnist_labels",
    "load_array",
    "load_data_fashion_mnist",
    "load_fashion_mnist_tensors",
    "synthetic_data",
]

# ---------------------------------------------------------------------------------------------
# Synthetic regression data
# ---------------------------------------------------------------------------------------------


def synthetic_data(
    w: torch.Tensor,
    b: float,
    num_examples: int,
    noise_std: float = 0.01,
    generator: torch.Generator | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Draw a linear-regression dataset ``y = X w + b + noise``.

    Args:
        w: true weights, shape (d,).
        b: true bias, a number.
        num_examples: n, how many rows to draw.
        noise_std: standard deviation of the Gaussian label noise.
        generator: optional ``torch.Generator`` for reproducible draws; the global RNG
            (``torch.manual_seed``) is used otherwise.

    Returns:
        ``(X, y)`` with ``X`` of shape (n, d), entries from N(0, 1), and ``y`` of
        shape (n, 1). Both have ``w``'s floating dtype.
    """
    w = torch.as_tensor(w)
    if w.ndim != 1:
        raise ValueError(
            f"w must be a vector of shape (d,), got shape {tuple(w.shape)}"
        )
    if not w.is_floating_point():
        w = w.float()
    X = torch.normal(
        0.0, 1.0, (num_examples, len(w)), generator=generator, dtype=w.dtype
    )
    y = X @ w + b
    y = y + torch.normal(0.0, noise_std, y.shape, generator=generator, dtype=w.dtype)
    return X, y.reshape(-1, 1)


def load_array(
    arrays: Sequence[torch.Tensor], batch_size: int, shuffle: bool = True
) -> torch_data.DataLoader:
    """Wrap tensors that share their first dimension in a ``DataLoader``.

    Args:
        arrays: tensors of shapes (n, ...), e.g. ``(X, y)``.
        batch_size: examples per batch; the last batch may be shorter.
        shuffle: draw a new random order every epoch (from torch's global RNG).

    Returns:
        A ``DataLoader`` yielding tuples of tensors of shapes (batch, ...).
    """
    rows = [len(a) for a in arrays]
    if len(set(rows)) > 1:  # torch would only say "Size mismatch between tensors"
        raise ValueError(
            f"the arrays must have one row per example each, got {rows} rows"
        )
    dataset = torch_data.TensorDataset(*arrays)
    return torch_data.DataLoader(dataset, batch_size=batch_size, shuffle=shuffle)


# ---------------------------------------------------------------------------------------------
# Fashion-MNIST: finding and verifying the files
# ---------------------------------------------------------------------------------------------

FASHION_MNIST_LABELS = (
    "t-shirt", "trouser", "pullover", "dress", "coat",
    "sandal", "shirt", "sneaker", "bag", "ankle boot",
)  # fmt: skip

# SHA-256 of the *decompressed* IDX files, identical to upstream's bytes.
FASHION_MNIST_FILES = {
    "train-images-idx3-ubyte": "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
    "train-labels-idx1-ubyte": "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
    "t10k-images-idx3-ubyte": "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
    "t10k-labels-idx1-ubyte": "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
}
_SPLIT_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
DEBIAN_FASHION_MNIST_DIR = Path("/usr/share/datasets/fashion-mnist")
_FIX_COMMAND = (
    "sudo apt-get install dataset-fashion-mnist   (Debian/Ubuntu), or run once with internet "
    "access so torchvision can download it, or set COURSEKIT_DATA to a folder holding the "
    "four Fashion-MNIST files"
)


class DataMissingError(RuntimeError):
    """Fashion-MNIST could not be found, or a file found is truncated or corrupt."""


def default_cache_dir() -> Path:
    """coursekit's own cache: ``$COURSEKIT_CACHE``, else ``$XDG_CACHE_HOME/coursekit``."""
    if os.environ.get("COURSEKIT_CACHE"):
        return Path(os.environ["COURSEKIT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "coursekit"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _candidates(folder: Path, stem: str) -> list[Path]:
    """Places a file may sit in a folder: flat, or in torchvision's ``FashionMNIST/raw``."""
    places = [folder, folder / "FashionMNIST" / "raw", folder / "raw"]
    return [p / name for p in places for name in (stem, stem + ".gz")]


def _read_verified(path: Path, stem: str) -> bytes:
    """Return the decompressed bytes of ``path``, or raise naming the file and the fix."""
    try:
        raw = path.read_bytes()
        data = gzip.decompress(raw) if path.suffix == ".gz" else raw
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        raise DataMissingError(
            f"Fashion-MNIST file {path} cannot be read ({err}). It is truncated or corrupt. "
            f"Delete it and reinstall: {_FIX_COMMAND}."
        ) from err
    digest = _sha256(data)
    if digest != FASHION_MNIST_FILES[stem]:
        raise DataMissingError(
            f"Fashion-MNIST file {path} is corrupt or truncated: its decompressed content has "
            f"SHA-256 {digest} ({len(data):,} bytes), expected {FASHION_MNIST_FILES[stem]}. "
            f"Delete it and reinstall: {_FIX_COMMAND}."
        )
    return data


def _atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file and a rename so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _folder_has_all(folder: Path) -> bool:
    return all(any(p.is_file() for p in _candidates(folder, s)) for s in FASHION_MNIST_FILES)


def _copy_into_cache(folder: Path, cache: Path) -> Path:
    """Verify every file in ``folder`` and store the decompressed copies in ``cache``."""
    for stem in FASHION_MNIST_FILES:
        target = cache / stem
        if target.is_file():
            continue
        source = next(p for p in _candidates(folder, stem) if p.is_file())
        _atomic_write(target, _read_verified(source, stem))
    return cache


def _download_with_torchvision(cache: Path) -> Path:
    from torchvision.datasets import FashionMNIST

    try:
        for train in (True, False):
            FashionMNIST(root=str(cache / "download"), train=train, download=True)
    except Exception as err:  # network errors come in many types
        raise DataMissingError(
            "Fashion-MNIST was not found on this machine and torchvision could not download "
            f"it ({type(err).__name__}: {err}). Searched: $COURSEKIT_DATA, {cache}, "
            f"{DEBIAN_FASHION_MNIST_DIR}. Fix: {_FIX_COMMAND}."
        ) from err
    folder = _copy_into_cache(cache / "download", cache)
    shutil.rmtree(cache / "download", ignore_errors=True)
    return folder


def find_fashion_mnist(data_dir: str | os.PathLike | None = None, download: bool = True) -> Path:
    """Locate verified, decompressed Fashion-MNIST files and return their folder.

    The search order is:

    1. ``data_dir`` if given, else ``$COURSEKIT_DATA`` if set (a missing or corrupt file
       there is an error: you asked for that folder);
    2. coursekit's cache (:func:`default_cache_dir`);
    3. Debian's ``dataset-fashion-mnist`` package in ``/usr/share/datasets/fashion-mnist``;
    4. torchvision's download, where the machine is online (only if ``download``).

    Files found in 1 or 3 are checked against their SHA-256 and decompressed into the cache,
    so the returned folder always holds the four raw IDX files.

    Raises:
        DataMissingError: naming the file, what was expected and the command that fixes it.
    """
    cache = default_cache_dir() / "fashion-mnist"
    explicit = data_dir if data_dir is not None else os.environ.get("COURSEKIT_DATA")
    if explicit:
        folder = Path(explicit).expanduser()
        missing = [
            s for s in FASHION_MNIST_FILES if not any(p.is_file() for p in _candidates(folder, s))
        ]
        if missing:
            raise DataMissingError(
                f"Fashion-MNIST folder {folder} (given by "
                f"{'data_dir' if data_dir is not None else 'COURSEKIT_DATA'}) lacks "
                f"{', '.join(m + '[.gz]' for m in missing)}. Put the four files there, or unset "
                f"it to use the defaults. Fix: {_FIX_COMMAND}."
            )
        # A private cache per explicit folder keeps one folder's files from masking another's.
        key = _sha256(str(folder.resolve()).encode())[:12]
        return _copy_into_cache(folder, cache / "from" / key)
    if all((cache / s).is_file() for s in FASHION_MNIST_FILES):
        return cache
    if _folder_has_all(DEBIAN_FASHION_MNIST_DIR):
        return _copy_into_cache(DEBIAN_FASHION_MNIST_DIR, cache)
    if not download:
        raise DataMissingError(
            f"Fashion-MNIST was not found in $COURSEKIT_DATA, {cache} or "
            f"{DEBIAN_FASHION_MNIST_DIR}. Fix: {_FIX_COMMAND}."
        )
    return _download_with_torchvision(cache)


def load_fashion_mnist_tensors(
    split: str = "train", data_dir: str | os.PathLike | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Read one split of Fashion-MNIST into memory.

    Args:
        split: ``"train"`` (60,000 examples) or ``"test"`` (10,000 examples).
        data_dir: optional folder with the files; see :func:`find_fashion_mnist`.

    Returns:
        ``(images, labels)``: ``images`` uint8 of shape (n, 28, 28), ``labels`` int64 of
        shape (n,) with values 0-9.
    """
    if split not in _SPLIT_FILES:
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    folder = find_fashion_mnist(data_dir)
    image_stem, label_stem = _SPLIT_FILES[split]
    # Verified again on every read: the cache can be damaged after it was written.
    images = _parse_idx(_read_verified(folder / image_stem, image_stem), ndim=3)
    labels = _parse_idx(_read_verified(folder / label_stem, label_stem), ndim=1).long()
    return images, labels


def _parse_idx(data: bytes, ndim: int) -> torch.Tensor:
    """The uint8 array in IDX bytes (MNIST's format): a 4-byte magic number ``0 0 8 ndim``,
    ``ndim`` big-endian uint32 sizes, then the values in C order.

    Written here rather than taken from torchvision, whose import costs about 2 s; the bytes
    were checked against their SHA-256 before, and tests/unit/test_data.py checks that the
    result equals what torchvision reads.
    """
    header = 4 + 4 * ndim
    if len(data) < header or data[:4] != bytes((0, 0, 8, ndim)):
        raise ValueError(f"not an IDX file of uint8 values with {ndim} dimensions")
    sizes = struct.unpack(f">{ndim}I", data[4:header])
    if len(data) != header + math.prod(sizes):
        raise ValueError(f"IDX sizes {sizes} do not match the {len(data) - header} values")
    return torch.frombuffer(bytearray(data[header:]), dtype=torch.uint8).reshape(sizes)


# ---------------------------------------------------------------------------------------------
# Fashion-MNIST: batches sliced from one tensor
# ---------------------------------------------------------------------------------------------


class TensorBatches:
    """Iterate over ``(X, y)`` minibatches sliced from images held in memory.

    Args:
        images: uint8 tensor of shape (n, 28, 28) or (n, 1, H, W).
        labels: int64 tensor of shape (n,).
        batch_size: examples per batch; the last batch of an epoch may be shorter.
        shuffle: draw a fresh random order at the start of every epoch.
        resize: optional side length; images are resized bilinearly per batch.
        device: where batches live; images are moved there once.
        seed: if given, the orders drawn are the same for the same seed; otherwise they come
            from torch's global RNG (``torch.manual_seed``).

    Each batch is ``X`` float32 of shape (batch, 1, H, W) with values in [0, 1] and ``y``
    int64 of shape (batch,), both on ``device``.
    """

    def __init__(
        self,
        images: torch.Tensor,
        labels: torch.Tensor,
        batch_size: int,
        shuffle: bool = False,
        resize: int | None = None,
        device: torch.device | str | None = None,
        seed: int | None = None,
    ) -> None:
        if not isinstance(batch_size, numbers.Integral) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        if resize is not None and (not isinstance(resize, numbers.Integral) or resize < 1):
            raise ValueError(f"resize must be a positive integer (a side length in pixels) or"
                             f" None, got {resize!r}")
        if images.shape[0] != labels.shape[0]:
            raise ValueError(
                f"images and labels disagree: {images.shape[0]} images, {labels.shape[0]} labels"
            )
        device = torch.device(device) if device is not None else torch.device("cpu")
        if images.ndim == 3:
            images = images.unsqueeze(1)
        self.images = images.to(device)
        self.labels = labels.to(device)
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.resize = resize
        self.device = device
        self._generator = torch.Generator().manual_seed(seed) if seed is not None else None

    def __len__(self) -> int:
        return -(-len(self.labels) // self.batch_size)

    def __iter__(self) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        n = len(self.labels)
        if self.shuffle:
            order = torch.randperm(n, generator=self._generator).to(self.device)
        else:
            order = None
        for start in range(0, n, self.batch_size):
            if order is None:
                X = self.images[start : start + self.batch_size]
                y = self.labels[start : start + self.batch_size]
            else:
                idx = order[start : start + self.batch_size]
                # index_select copies whole rows: several times faster than
                # images[idx] here
                X = self.images.index_select(0, idx)
                y = self.labels.index_select(0, idx)
            X = X.float().div_(255)
            if self.resize is not None:
                size = (self.resize, self.resize)
                X = torch.nn.functional.interpolate(
                    X, size=size, mode="bilinear", align_corners=False
                )
            yield X, y

    @property
    def num_examples(self) -> int:
        return len(self.labels)


def load_data_fashion_mnist(
    batch_size: int,
    resize: int | None = None,
    *,
    device: torch.device | str | None = None,
    data_dir: str | os.PathLike | None = None,
    seed: int | None = None,
) -> tuple[TensorBatches, TensorBatches]:
    """Load Fashion-MNIST into memory and return ``(train_iter, test_iter)``.

    Args:
        batch_size: examples per batch.
        resize: optional side length to resize the 28x28 images to.
        device: where batches are produced (CPU if omitted; see ``coursekit.training.get_device``).
        data_dir: optional folder with the four files; see :func:`find_fashion_mnist`.
        seed: fixes the shuffling order of the training batches.

    Returns:
        Two iterables of ``(X, y)``: ``X`` float32 (batch, 1, 28, 28) in [0, 1] and ``y``
        int64 (batch,). The training iterable reshuffles every epoch; the test one does not.
    """
    train_images, train_labels = load_fashion_mnist_tensors("train", data_dir)
    test_images, test_labels = load_fashion_mnist_tensors("test", data_dir)
    train_iter = TensorBatches(
        train_images, train_labels, batch_size, shuffle=True, resize=resize, device=device,
        seed=seed,
    )
    test_iter = TensorBatches(
        test_images, test_labels, batch_size, shuffle=False, resize=resize, device=device
    )
    return train_iter, test_iter


def get_fashion_mnist_labels(indices) -> list[str]:
    """Turn class indices (ints or an int tensor of shape (n,)) into text labels."""
    if isinstance(indices, torch.Tensor):
        indices = indices.reshape(-1).tolist()
    names = []
    for i in indices:
        # A float (a score instead of an argmax) or a -1 (Python's last item) would
        # otherwise name a class without complaint.
        if not (isinstance(i, numbers.Integral) and 0 <= i < len(FASHION_MNIST_LABELS)):
            raise ValueError(
                f"class indices are integers from 0 to 9, got {i!r}: pass labels y,"
                " or predictions y_hat.argmax(dim=1), not scores"
            )
        names.append(FASHION_MNIST_LABELS[i])
    return names


def load_data_fashion_mnist_with_validation(
    batch_size: int,
    num_val: int = 10_000,
    *,
    num_train: int | None = None,
    seed: int = 0,
    device: torch.device | str | None = None,
    data_dir: str | os.PathLike | None = None,
) -> tuple[TensorBatches, TensorBatches, TensorBatches]:
    """Split Fashion-MNIST's training set into training and validation parts; keep the test set.

    The 60,000 training images are put in a random order drawn from ``seed``; the first
    ``num_val`` become the validation set and the rest the training set. The 10,000 test
    images are not touched: use them once, at the very end.

    Args:
        batch_size: examples per batch.
        num_val: how many training images to hold out for validation.
        num_train: keep only the first ``num_train`` of the remaining images for training
            (a small training set overfits quickly); all of them if ``None``. The validation
            set does not depend on it.
        seed: fixes both the split and the shuffling order of the training batches.
        device: where batches are produced (CPU if omitted).
        data_dir: optional folder with the four files; see :func:`find_fashion_mnist`.

    Returns:
        ``(train_iter, val_iter, test_iter)``, iterables of ``(X, y)`` as in
        :func:`load_data_fashion_mnist`; only ``train_iter`` reshuffles every epoch.
    """
    images, labels = load_fashion_mnist_tensors("train", data_dir)
    if not 0 < num_val < len(labels):
        raise ValueError(f"num_val must be between 1 and {len(labels) - 1}, got {num_val}")
    order = torch.randperm(len(labels), generator=torch.Generator().manual_seed(seed))
    val_idx, train_idx = order[:num_val], order[num_val:]
    if num_train is not None:
        if not 0 < num_train <= len(train_idx):
            raise ValueError(f"num_train must be between 1 and {len(train_idx)}, got {num_train}")
        train_idx = train_idx[:num_train]
    test_images, test_labels = load_fashion_mnist_tensors("test", data_dir)
    train_iter = TensorBatches(
        images[train_idx], labels[train_idx], batch_size, shuffle=True, device=device, seed=seed
    )
    val_iter = TensorBatches(images[val_idx], labels[val_idx], batch_size, device=device)
    test_iter = TensorBatches(test_images, test_labels, batch_size, device=device)
    return train_iter, val_iter, test_iter


__all__ += ["load_data_fashion_mnist_with_validation"]
