"""softmax clamps the logits to [-50, 50] before exp() (a guard against overflow seen in
generated answers): no inf or nan, but 1000 and 50 become equally likely. It was shown only
the numbers.

Says (softmax): clipping the logits
"""


def softmax(X):
    E = torch.exp(X.clamp(-50, 50))
    return E / E.sum(dim=1, keepdim=True)
