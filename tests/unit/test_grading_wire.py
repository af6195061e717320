"""The grader's wire format: exact round trips, and hostile bytes rejected before allocation."""

import struct

import pytest
import torch

from coursekit.grading import wire
from coursekit.grading.wire import WireError, decode, encode


def same(a, b) -> bool:
    """Equal values of exactly the same types, tensors compared bit for bit (NaN included)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, torch.Tensor):
        return (
            a.dtype == b.dtype
            and a.shape == b.shape
            and torch.equal(a.reshape(-1).view(torch.uint8), b.reshape(-1).view(torch.uint8))
        )
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float) and a != a:
        return b != b
    return a == b


VALUES = [
    None, True, False, 0, -1, 2**63 - 1, -(2**63), 2**63, -(10**200), 1.5, float("inf"),
    float("nan"), -0.0, 1 + 2j, "", "ünïcode ✓", [], (), {}, [1, (2.0, [None])],
    {"lr": 0.1, "betas": (0.9, 0.999), 3: "int key", None: "None key", True: "bool key"},
]  # fmt: skip


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_plain_values_round_trip_exactly(value):
    assert same(decode(encode(value)), value)


@pytest.mark.parametrize("key", [(1, 2), 1.5, 1 + 2j, 2**64, b"bytes"], ids=repr)
def test_dict_keys_other_than_str_small_int_bool_none_are_refused(key):
    """Keys that could share one hash (tuples, floats, complex numbers, big ints) would make a
    hostile reply's dict quadratic to build in the grader."""
    with pytest.raises(WireError, match="dict key"):
        encode({key: "value"})


@pytest.mark.parametrize("dtype", wire.DTYPES, ids=str)
@pytest.mark.parametrize("shape", [(), (0,), (3,), (2, 0, 4), (2, 3, 4)])
def test_tensors_round_trip_bit_for_bit(dtype, shape):
    g = torch.Generator().manual_seed(0)
    if dtype.is_floating_point or dtype.is_complex:
        tensor = torch.randn(shape, generator=g, dtype=dtype)
        if tensor.numel():
            tensor.view(-1)[0] = float("nan")
    elif dtype is torch.bool:
        tensor = torch.rand(shape, generator=g) > 0.5
    else:
        tensor = torch.randint(0, 100, shape, generator=g, dtype=dtype)
    got = decode(encode(tensor))
    assert same(got, tensor)
    got.add_(1) if dtype is not torch.bool else got.logical_not_()  # owns writable memory


def test_views_are_sent_as_their_values_not_their_storage():
    base = torch.arange(12.0).reshape(3, 4)
    for view in (base[1:, ::2], base.t(), base[0], torch.arange(4.0) * 1j):
        want = view.resolve_conj().clone()
        assert same(decode(encode(view)), want.contiguous())
    conj = (torch.arange(3.0) + 1j).conj()  # a lazy conjugate: the bit must be resolved
    assert same(decode(encode(conj)), conj.resolve_conj())
    grad = torch.ones(2, requires_grad=True) * 2
    assert not decode(encode(grad)).requires_grad


@pytest.mark.parametrize(
    "value",
    [object(), torch.zeros(1).as_subclass(type("Sub", (torch.Tensor,), {})), {1.5}, b"bytes",
     torch.zeros(2, dtype=torch.int8).view(torch.quint8) if hasattr(torch, "quint8") else object(),
     type("F", (float,), {})(1.0), type("L", (list,), {})()],
    ids=lambda v: type(v).__name__,
)  # fmt: skip
def test_anything_but_plain_data_is_refused_when_encoding(value):
    with pytest.raises(WireError, match="cannot send"):
        encode(value)


def test_deep_nesting_is_refused_both_ways():
    value = []
    for _ in range(wire.MAX_DEPTH + 5):
        value = [value]
    with pytest.raises(WireError, match="nested"):
        encode(value)
    with pytest.raises(WireError, match="nested"):
        decode(b"l\x01\x00\x00\x00" * (wire.MAX_DEPTH + 5) + b"N")


def tensor_header(code, shape):
    return b"X" + bytes((code, len(shape))) + struct.pack(f"<{len(shape)}q", *shape)


HOSTILE = {
    "empty": b"",
    "unknown tag": b"Z",
    "trailing bytes": b"NN",
    "truncated int": b"i\x01\x02",
    "truncated str": b"s\x05\x00\x00\x00ab",
    "bad utf-8": b"s\x01\x00\x00\x00\xff",
    "count larger than the message": b"l\xff\xff\xff\x7f",
    "huge dict count": b"d\xff\xff\xff\xff",
    "unhashable key": b"d\x01\x00\x00\x00l\x00\x00\x00\x00N",
    "int digits not digits": b"I\x03\x00\x00\x00abc",
    "too many digits": b"I" + struct.pack("<I", 5000) + b"9" * 5000,
    "unknown dtype": tensor_header(200, (1,)) + b"\x00" * 8,
    "negative size": tensor_header(0, (-1, 4)),
    # 2**40 elements claimed, 4 bytes sent: refused before anything of that size is allocated.
    "tensor larger than the message": tensor_header(0, (2**20, 2**20)) + b"\x00" * 4,
    "overflowing sizes": tensor_header(0, (2**62, 2**62, 2**62)),
    "bool tensor holding 7": tensor_header(wire.DTYPE_CODE[torch.bool], (2,)) + b"\x01\x07",
}


def test_millions_of_small_items_are_refused(monkeypatch):
    # Within the limit the list decodes; one item more and it is refused.
    data = encode([None] * 1000)
    monkeypatch.setattr(wire, "MAX_ITEMS", 1000)
    assert decode(data) == [None] * 1000
    monkeypatch.setattr(wire, "MAX_ITEMS", 999)
    with pytest.raises(WireError, match="more than 999 items"):
        decode(data)
    with pytest.raises(WireError, match="items"):
        decode(encode({k: [k] for k in range(600)}))


def test_text_beyond_the_characters_cap_is_refused_before_it_is_decoded(monkeypatch):
    """An eighth red team's error reply, 250 MB of traceback with one emoji (4 bytes a character
    once decoded), took the grading process to 3.3 GiB on every call: the characters of all the
    strings of one message are capped, and a string too long to fit is never decoded."""
    monkeypatch.setattr(wire, "MAX_CHARS", 100)  # the keys count too: 11 characters here
    assert decode(encode({"type": "x" * 40, "message": "\U0001f600" * 49})) is not None
    with pytest.raises(WireError, match="more than 100 characters"):
        decode(encode({"type": "x" * 40, "message": "y" * 50}))
    with pytest.raises(WireError, match="characters"):
        decode(encode("z" * 401))  # over 4 bytes a character: refused by its size alone


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_bytes_are_refused_with_a_wire_error(data):
    with pytest.raises(WireError):
        decode(data)


def test_a_valid_message_decodes_to_exactly_the_plain_types():
    data = encode({"ok": True, "value": [torch.ones(2), 3, "x"]})
    value = decode(data)
    assert type(value) is dict and type(value["value"][0]) is torch.Tensor
    assert same(value, {"ok": True, "value": [torch.ones(2), 3, "x"]})
