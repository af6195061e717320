"""softmax subtracts the row maximum in float32 only ("float64 has room"): exp(1000.) is inf in
float64 too, so float64 logits like 1000 give nan. The stability checks posed float32 logits
only (session 32: 26/26).

Says (softmax): The same logits in float32 passed
"""


def softmax(X):
    if X.dtype == torch.float32:
        X = X - X.max(dim=1, keepdim=True).values
    exps = torch.exp(X)
    return exps / exps.sum(dim=1, keepdim=True)
