"""pskrunner14/neural-networks, numerical_gradient.py (Stephen Welch's "Neural Networks
Demystified" network: getParams/setParams on one unrolled vector, a perturb vector set to e at
entry p and back to zero, sigmoidPrime = exp(-z) / (1 + exp(-z)) ** 2), in NumPy, converted back
at the boundary. See README.md."""
import numpy as np
import torch


class Neural_Network(object):  # noqa: UP004 - the source's spelling
    def __init__(self, weights):
        self.shapes = [tuple(w.shape) for w in weights]
        self.params = [w.detach().numpy() for w in weights]

    def sigmoid(self, Z):
        # Apply sigmoid activation function to scalar, vector or matrix
        return 1 / (1 + np.exp(-Z))

    def sigmoidPrime(self, z):
        # Gradient of sigmoid
        return np.exp(-z) / ((1 + np.exp(-z)) ** 2)

    def forward(self, X):
        W1, b1, W2, b2 = self.params
        self.z2 = np.dot(X, W1) + b1
        self.a2 = self.sigmoid(self.z2)
        return np.dot(self.a2, W2) + b2  # the course's output has no activation

    def costFunction(self, X, y):
        self.yHat = self.forward(X)
        return np.mean((y - self.yHat) ** 2)  # the course's loss: the mean, no 0.5

    def getParams(self):
        # Get the weights unrolled into vector:
        return np.concatenate([p.ravel() for p in self.params])

    def setParams(self, params):
        start, self.params = 0, []
        for shape in self.shapes:
            end = start + int(np.prod(shape))
            self.params.append(np.reshape(params[start:end], shape))
            start = end


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    yHat = (1 / (1 + torch.exp(-(inputs @ W1 + b1)))) @ W2 + b2
    return ((outputs - yHat) ** 2).mean()


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    N = Neural_Network(weights)
    X, y = inputs.numpy(), outputs.numpy()
    paramsInitial = N.getParams()
    numgrad = np.zeros(paramsInitial.shape)
    perturb = np.zeros(paramsInitial.shape)
    e = eps  # the source: e = 1 * math.e - 4 (see README.md)

    for p in range(len(paramsInitial)):
        # set perturbation vector
        perturb[p] = e
        N.setParams(paramsInitial + perturb)
        loss2 = N.costFunction(X, y)

        N.setParams(paramsInitial - perturb)
        loss1 = N.costFunction(X, y)

        # compute the numerical gradient
        numgrad[p] = (loss2 - loss1) / (2 * e)

        # return the value we changed back to zero
        perturb[p] = 0

    N.setParams(numgrad)
    return [torch.from_numpy(g) for g in N.params]


def sigmoid_grad_chain(x, y, W1, W2):
    N = Neural_Network([W1, W2])
    z2 = np.dot(x.numpy(), W1.numpy())
    yHat = np.dot(N.sigmoid(z2), W2.numpy())
    delta3 = -(y - yHat)  # the output has no activation here
    return torch.tensor(2 * delta3 * W2.numpy()[0] * N.sigmoidPrime(z2[0]) * x.numpy()[0])
