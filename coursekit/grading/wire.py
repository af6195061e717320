"""The grader's wire format: plain data (tensors, numbers, strings, lists, tuples, dicts) as bytes,
and its framing on a pipe (:func:`send`, :func:`receive`).

Both processes use it, in place of pickle (and ``torch.save``/``torch.load``): :func:`decode`
can only build the types below, so a reply cannot name a class, a function or a tensor subclass;
and it costs a fraction of ``torch.save`` per message (``benchmarks/grading.py``). Each value is
a one-byte tag and its payload, little-endian: ``N`` None; ``T``/``F`` booleans; ``i`` an int of
8 bytes; ``I`` any other int (length, decimal digits); ``f`` float; ``c`` complex; ``s`` str
(length, UTF-8); ``l``/``t`` list/tuple (count, items); ``d`` dict (count, key, value, ...);
``X`` tensor (dtype code, ndim, sizes, then the elements as raw bytes in C order). A message on a
pipe is its length (8 bytes, big-endian) and then the value.

Imports only the standard library and torch: the student process loads it by path.
"""

from __future__ import annotations

import os
import struct

import torch

MAX_DEPTH = 30
MAX_DIGITS = 4000  # a longer int is not an answer to any exercise
# Items in all lists, tuples and dicts of one message: a reply of millions of small Python
# objects would cost the grader far more memory than its bytes (tensors carry data instead).
MAX_ITEMS = 1_000_000
DTYPES = (
    torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.complex64,
    torch.complex128, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.bool,
)  # fmt: skip
DTYPE_CODE = {dtype: code for code, dtype in enumerate(DTYPES)}
ITEMSIZE = [dtype.itemsize for dtype in DTYPES]

_Q = struct.Struct("<q")
_I = struct.Struct("<I")
_D = struct.Struct("<d")
_DD = struct.Struct("<dd")


class WireError(ValueError):
    """The bytes are not a valid message, or the value cannot be sent."""


# -- encoding --------------------------------------------------------------------------------


def encode(value) -> bytes:
    """The bytes of ``value``; raise :class:`WireError` for anything but plain data.

    Tensors are sent as CPU, contiguous, without autograd history; ``requires_grad`` and
    ``.grad`` are not part of a tensor here (the grader sends them explicitly).
    """
    out = bytearray()
    _encode(value, out, 0)
    return bytes(out)


def _encode(value, out: bytearray, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise WireError(f"the value is nested more than {MAX_DEPTH} levels deep")
    t = type(value)
    if value is None:
        out += b"N"
    elif t is bool:
        out += b"T" if value else b"F"
    elif t is int:
        if -(2**63) <= value < 2**63:
            out += b"i" + _Q.pack(value)
        else:
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
        for key, item in value.items():
            _encode(key, out, depth + 1)
            _encode(item, out, depth + 1)
    elif t is torch.Tensor:
        _encode_tensor(value, out)
    else:
        raise WireError(f"cannot send a {t.__module__}.{t.__qualname__}")


def _encode_tensor(tensor: torch.Tensor, out: bytearray) -> None:
    code = DTYPE_CODE.get(tensor.dtype)
    if code is None:
        raise WireError(f"cannot send a tensor of dtype {tensor.dtype}")
    if tensor.layout != torch.strided:
        tensor = tensor.to_dense()
    tensor = tensor.detach().cpu().resolve_conj().resolve_neg().contiguous()
    if tensor.dim() > 255:
        raise WireError("cannot send a tensor with more than 255 dimensions")
    out += b"X" + bytes((code, tensor.dim()))
    for size in tensor.shape:
        out += _Q.pack(size)
    if tensor.numel():
        if tensor.dtype is torch.bfloat16:  # numpy has no bfloat16: same bytes as int16
            tensor = tensor.view(torch.int16)
        out += tensor.numpy().tobytes()


# -- decoding --------------------------------------------------------------------------------


def decode(data: bytes | bytearray | memoryview):
    """The value encoded in ``data``; raise :class:`WireError` unless it is exactly one value.

    Every count and size is checked against the bytes that are actually there before anything
    is allocated, so a hostile message cannot make the grader allocate more than it sent, and
    a message may hold at most ``MAX_ITEMS`` items in its containers.
    """
    view = memoryview(data).cast("B")
    try:
        value, end = _decode(view, 0, 0, [MAX_ITEMS])
    except WireError:
        raise
    except (struct.error, IndexError, ValueError, TypeError, RuntimeError) as exc:
        raise WireError(f"malformed message ({type(exc).__name__}: {exc})") from None
    if end != len(view):
        raise WireError(f"{len(view) - end} unexpected bytes after the message")
    return value


def _take(view: memoryview, pos: int, n: int) -> int:
    """The position after ``n`` more bytes; raise unless they are there."""
    end = pos + n
    if n < 0 or end > len(view):
        raise WireError("the message is truncated")
    return end


def _count(view: memoryview, pos: int) -> tuple[int, int]:
    end = _take(view, pos, 4)
    (n,) = _I.unpack_from(view, pos)
    # Each item takes at least one byte, so a count larger than what is left is a lie.
    if n > len(view) - end:
        raise WireError("a count is larger than the message")
    return n, end


def _items(view: memoryview, pos: int, budget: list[int], per_item: int = 1) -> tuple[int, int]:
    """A container's item count, charged to the message's ``budget`` of items."""
    n, pos = _count(view, pos)
    budget[0] -= n * per_item
    if budget[0] < 0:
        raise WireError(f"the message holds more than {MAX_ITEMS} items")
    return n, pos


def _decode(view: memoryview, pos: int, depth: int, budget: list[int]):
    if depth > MAX_DEPTH:
        raise WireError(f"the value is nested more than {MAX_DEPTH} levels deep")
    tag = view[_take(view, pos, 1) - 1]
    pos += 1
    if tag == 0x4E:  # N
        return None, pos
    if tag == 0x54:  # T
        return True, pos
    if tag == 0x46:  # F
        return False, pos
    if tag == 0x69:  # i
        end = _take(view, pos, 8)
        return _Q.unpack_from(view, pos)[0], end
    if tag == 0x49:  # I
        n, pos = _count(view, pos)
        if n > MAX_DIGITS:
            raise WireError(f"an integer with more than {MAX_DIGITS} digits")
        end = _take(view, pos, n)
        text = bytes(view[pos:end]).decode("ascii")
        if not text.lstrip("-").isdigit():
            raise WireError("a malformed integer")
        return int(text), end
    if tag == 0x66:  # f
        end = _take(view, pos, 8)
        return _D.unpack_from(view, pos)[0], end
    if tag == 0x63:  # c
        end = _take(view, pos, 16)
        return complex(*_DD.unpack_from(view, pos)), end
    if tag == 0x73:  # s
        n, pos = _count(view, pos)
        end = _take(view, pos, n)
        return bytes(view[pos:end]).decode("utf-8", "surrogatepass"), end
    if tag in (0x6C, 0x74):  # l, t
        n, pos = _items(view, pos, budget)
        items = []
        for _ in range(n):
            item, pos = _decode(view, pos, depth + 1, budget)
            items.append(item)
        return (items if tag == 0x6C else tuple(items)), pos
    if tag == 0x64:  # d
        n, pos = _items(view, pos, budget, per_item=2)
        result = {}
        for _ in range(n):
            key, pos = _decode(view, pos, depth + 1, budget)
            item, pos = _decode(view, pos, depth + 1, budget)
            try:
                result[key] = item
            except TypeError:
                raise WireError(f"a dict key of type {type(key).__name__}") from None
        return result, pos
    if tag == 0x58:  # X
        return _decode_tensor(view, pos)
    raise WireError(f"unknown tag {tag:#04x}")


def _decode_tensor(view: memoryview, pos: int) -> tuple[torch.Tensor, int]:
    end = _take(view, pos, 2)
    code, ndim = view[pos], view[pos + 1]
    if code >= len(DTYPES):
        raise WireError(f"unknown dtype code {code}")
    dtype = DTYPES[code]
    pos, end = end, _take(view, end, 8 * ndim)
    shape = struct.unpack_from(f"<{ndim}q", view, pos)
    if any(size < 0 for size in shape):
        raise WireError(f"a tensor with a negative size {shape}")
    numel = 1
    for size in shape:
        numel *= size
    nbytes = numel * ITEMSIZE[code]
    pos, end = end, _take(view, end, nbytes)
    if numel == 0:
        return torch.empty(shape, dtype=dtype), end
    raw = bytearray(view[pos:end])  # a private, writable copy: the tensor owns its memory
    if dtype is torch.bool and raw.translate(None, b"\x00\x01"):
        raise WireError("a bool tensor holding bytes other than 0 and 1")
    return torch.frombuffer(raw, dtype=dtype).reshape(shape), end


# -- framing ---------------------------------------------------------------------------------

_LENGTH = struct.Struct(">Q")


def send(fd: int, value) -> None:
    """Write ``value`` as one message (length, then :func:`encode`) to the pipe ``fd``."""
    payload = encode(value)
    data = memoryview(_LENGTH.pack(len(payload)) + payload)
    while data:
        data = data[os.write(fd, data) :]


def receive(fd: int, cap: int, wait=None):
    """The next message from the pipe ``fd``, decoded; at most ``cap`` bytes are accepted.

    ``wait()``, if given, is called before each read (the grader's deadline and memory watch:
    it raises to give up). Raises EOFError when the writer is gone, WireError when the bytes
    are not one valid message.
    """

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
