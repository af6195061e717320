"""The grader's wire format, in place of pickle: plain data as bytes, and its framing on a pipe
(:func:`send`, :func:`receive`). Stdlib and torch only: the student process loads it by path."""

from __future__ import annotations

import math
import os
import struct

import torch

MAX_DEPTH = 30
MAX_DIGITS = 4000  # a longer int is not an answer to any exercise
MAX_CHARS = 4 << 20  # in all strings of a message: decoded text takes up to 4 bytes a character
MAX_ITEMS = 1_000_000  # in all containers of a message: small objects cost far more than bytes
TENSOR_ITEMS = 10  # what a tensor counts for: building one costs ten small items
DTYPES = (
    torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.complex64,
    torch.complex128, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.bool,
)  # fmt: skip
DTYPE_CODE = {dtype: code for code, dtype in enumerate(DTYPES)}

_Q, _I, _D, _DD = (struct.Struct(f) for f in ("<q", "<I", "<d", "<dd"))


class WireError(ValueError):
    """The bytes are not a valid message, or the value cannot be sent."""


def encode(value) -> bytes:
    """The bytes of ``value``; raise :class:`WireError` for anything but plain data. Tensors
    lose ``requires_grad`` and ``.grad`` (the grader sends them explicitly)."""
    out = bytearray()
    _encode(value, out, 0)
    return bytes(out)


def _encode(value, out: bytearray, depth: int, key: bool = False) -> None:
    if depth > MAX_DEPTH:
        raise WireError(f"the value is nested more than {MAX_DEPTH} levels deep")
    t = type(value)
    if key and not (t in (str, bool) or value is None or t is int and -(2**63) <= value < 2**63):
        raise WireError(f"a dict key must be a str or an int, not a {t.__qualname__}")
    if value is None:
        out += b"N"
    elif t is bool:
        out += b"T" if value else b"F"
    elif t is int and -(2**63) <= value < 2**63:
        out += b"i" + _Q.pack(value)
    elif t is int:
        digits = str(value).encode("ascii")
        out += b"I" + _I.pack(len(digits)) + digits
    elif t is float:
        out += b"f" + _D.pack(value)
    elif t is complex:
        out += b"c" + _DD.pack(value.real, value.imag)
    elif t is str:
        data = value.encode("utf-8", "surrogatepass")
        out += b"s" + _I.pack(len(data)) + data
    elif t is list or t is tuple:
        out += (b"l" if t is list else b"t") + _I.pack(len(value))
        for item in value:
            _encode(item, out, depth + 1)
    elif t is dict:
        out += b"d" + _I.pack(len(value))
        for pair in value.items():
            _encode(pair[0], out, depth + 1, key=True), _encode(pair[1], out, depth + 1)
    elif t is torch.Tensor and value.dtype in DTYPE_CODE and value.dim() < 256:
        tensor = value.to_dense() if value.layout != torch.strided else value
        tensor = tensor.detach().cpu().resolve_conj().resolve_neg().contiguous()
        out += b"X" + bytes((DTYPE_CODE[tensor.dtype], tensor.dim()))
        out += struct.pack(f"<{tensor.dim()}q", *tensor.shape)
        if tensor.dtype is torch.bfloat16:  # numpy has no bfloat16: same bytes as int16
            tensor = tensor.view(torch.int16)
        out += tensor.numpy().tobytes()
    elif t is torch.Tensor:
        raise WireError(f"cannot send a tensor of dtype {value.dtype}, {value.dim()} dimensions")
    else:
        raise WireError(f"cannot send a {t.__module__}.{t.__qualname__}")


def decode(data: bytes | bytearray | memoryview):
    """The value encoded in ``data``; raise :class:`WireError` unless it is exactly one value.
    Counts and sizes are checked against the bytes there before anything is allocated."""
    reader = _Reader(memoryview(data).cast("B"))
    try:
        value = reader.value(0)
    except (struct.error, IndexError, ValueError, TypeError, RuntimeError) as exc:
        if isinstance(exc, WireError):
            raise
        raise WireError(f"malformed message ({type(exc).__name__}: {exc})") from None
    if reader.pos != len(reader.view):
        raise WireError(f"{len(reader.view) - reader.pos} unexpected bytes after the message")
    return value


class _Reader:
    def __init__(self, view: memoryview):
        self.view, self.pos, self.items, self.chars = view, 0, MAX_ITEMS, MAX_CHARS

    def take(self, n: int) -> memoryview:
        """The next ``n`` bytes; raise unless they are there."""
        if n < 0 or self.pos + n > len(self.view):
            raise WireError("the message is truncated")
        self.pos += n
        return self.view[self.pos - n : self.pos]

    def unpack(self, fmt: struct.Struct):
        return fmt.unpack(self.take(fmt.size))

    def count(self, per_item: int = 0) -> int:
        """A length or item count: each item takes at least a byte, so a count larger than
        what is left is a lie; ``per_item`` charges it to the message's items."""
        (n,) = self.unpack(_I)
        self.items -= n * per_item
        if n > len(self.view) - self.pos:
            raise WireError("a count is larger than the message")
        if self.items < 0:
            raise WireError(f"the message holds more than {MAX_ITEMS} items")
        return n

    def value(self, depth: int, key: bool = False):
        if depth > MAX_DEPTH:
            raise WireError(f"the value is nested more than {MAX_DEPTH} levels deep")
        tag = bytes(self.take(1))
        if key and tag not in b"siTFN":  # a sender can give big ints, floats, complex numbers
            raise WireError(f"a dict key tagged {tag!r}: only str and int keys are read")
        if tag in _CONSTANTS:
            return _CONSTANTS[tag]
        if tag in _NUMBERS:
            value = self.unpack(_NUMBERS[tag])
            return complex(*value) if tag == b"c" else value[0]
        if tag == b"I":  # a digit counts as an item: big ints are slow to build (README)
            text = bytes(self.take(self.count(1))).decode("ascii")
            if len(text) > MAX_DIGITS or not text.lstrip("-").isdigit():
                raise WireError(f"a malformed integer, or one of more than {MAX_DIGITS} digits")
            return int(text)
        if tag == b"s":
            size = self.count()  # UTF-8: 1 to 4 bytes a character, decoded 1 to 4 bytes each
            text = "" if size > 4 * self.chars else bytes(self.take(size)).decode(
                "utf-8", "surrogatepass")  # fmt: skip
            self.chars -= len(text) or size
            if self.chars < 0:
                raise WireError(f"the message holds more than {MAX_CHARS} characters of text")
            return text
        if tag in (b"l", b"t"):
            items = [self.value(depth + 1) for _ in range(self.count(1))]
            return items if tag == b"l" else tuple(items)
        if tag == b"d":  # keys sharing one hash (hence the key check) make building it quadratic
            pairs = [(self.value(depth + 1, True), self.value(depth + 1))
                     for _ in range(self.count(2))]  # fmt: skip
            return dict(pairs)
        if tag == b"X":
            return self.tensor()
        raise WireError(f"unknown tag {tag!r}")

    def tensor(self) -> torch.Tensor:
        code, ndim = self.take(2)
        self.items -= TENSOR_ITEMS + ndim  # its sizes and strides are built too: 255 of each
        if self.items < 0:
            raise WireError(f"the message holds more than {MAX_ITEMS} items (a tensor is 10,"
                            " and one more a dimension)")  # fmt: skip
        if code >= len(DTYPES):
            raise WireError(f"unknown dtype code {code}")
        shape = struct.unpack(f"<{ndim}q", self.take(8 * ndim))
        if any(size < 0 for size in shape):
            raise WireError(f"a tensor with a negative size {shape}")
        numel = math.prod(shape)
        raw = bytearray(self.take(numel * DTYPES[code].itemsize))  # a private copy the tensor owns
        if numel == 0:
            return torch.empty(shape, dtype=DTYPES[code])
        if DTYPES[code] is torch.bool and raw.translate(None, b"\x00\x01"):
            raise WireError("a bool tensor holding bytes other than 0 and 1")
        return torch.frombuffer(raw, dtype=DTYPES[code]).reshape(shape)


_CONSTANTS = {b"N": None, b"T": True, b"F": False}
_NUMBERS = {b"i": _Q, b"f": _D, b"c": _DD}


_LENGTH = struct.Struct(">Q")


def send(fd: int, value, wait=None) -> None:
    """Write ``value`` as one message (length, then :func:`encode`) to the pipe ``fd``; on a
    non-blocking ``fd``, ``wait()`` is called while the pipe is full (it raises to give up)."""
    payload = encode(value)
    data = memoryview(_LENGTH.pack(len(payload)) + payload)
    while data:
        try:
            data = data[os.write(fd, data) :]
        except BlockingIOError:
            wait()


def receive(fd: int, cap: int, wait=None):
    """The next message from the pipe ``fd`` (at most ``cap`` bytes), decoded. ``wait()`` is
    called before each read (it raises to give up); EOFError when the writer is gone."""

    def read(n: int) -> bytes:
        chunks = []
        while n:
            if wait is not None:
                wait()
            chunk = os.read(fd, min(n, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    (length,) = _LENGTH.unpack(read(8))
    if length > cap:
        raise WireError(f"the message is {length} bytes, more than the {cap} allowed")
    return decode(read(length))
