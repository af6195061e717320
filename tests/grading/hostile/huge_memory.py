"""linreg and closed_form try to allocate 20 GB; the rest is right."""


def linreg(X, w, b):
    big = torch.ones(5 * 2**30)  # 20 GB of float32, touched
    return big[: len(X)].reshape(-1, 1)


def closed_form(X, y):
    chunks = []
    while True:
        chunks.append(bytearray(2**28))  # 256 MB at a time until something gives
