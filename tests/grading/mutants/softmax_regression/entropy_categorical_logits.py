"""entropy through torch.distributions.Categorical(logits=p): p holds probabilities, read as
logits it is softmax(p) whose entropy comes out. It was shown only the numbers.

Says (entropy): Categorical(logits=p) reads p as logits
"""


def entropy(p):
    return torch.distributions.Categorical(logits=p).entropy()
