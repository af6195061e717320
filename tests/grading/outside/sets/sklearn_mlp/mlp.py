"""scikit-learn sklearn/neural_network/_multilayer_perceptron.py: BaseMultilayerPerceptron
_forward_pass (hidden 'relu', output 'identity' as MLPRegressor; the exercise wants logits),
_backprop + _compute_loss_grad with alpha = 0 (deltas[last] = activations[-1] - y, with the
classifier's softmax output and LabelBinarizer targets; coef_grads = A.T @ delta / n_samples;
intercept_grads = np.mean(delta, 0)), _init_coef (Glorot uniform, factor 6 for relu)."""
import torch


def _relu(X):
    return torch.maximum(X, torch.zeros((), dtype=X.dtype))


# _forward_pass
def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape(X.shape[0], -1)
    coefs, intercepts = [W1, W2], [b1, b2]
    activations = [X]
    n_layers = 3
    for i in range(n_layers - 1):
        activations.append(activations[i] @ coefs[i])
        activations[i + 1] = activations[i + 1] + intercepts[i]
        if (i + 1) != (n_layers - 1):
            activations[i + 1] = _relu(activations[i + 1])
    return activations[-1]


def linear_backward(X, W, dY):
    raise NotImplementedError("not in the source")  # sklearn's grads carry its / n_samples


# _base.py inplace_relu_derivative: delta[Z == 0] = 0, Z = relu's output
def relu_backward(Z, dH):
    A = _relu(Z)
    delta = dH.clone()
    delta[A == 0] = 0
    return delta


# _backprop + _compute_loss_grad (alpha = 0), MLPClassifier's softmax output
def mlp_backward(X, y, W1, b1, W2, b2):
    n_samples = X.shape[0]
    coefs = [W1, W2]
    A1 = _relu(X @ W1 + b1)
    out = A1 @ W2 + b2
    tmp = out - out.max(dim=1).values[:, None]
    out = torch.exp(tmp)
    out /= out.sum(dim=1)[:, None]
    Y = torch.zeros_like(out)
    Y[torch.arange(n_samples), y] = 1
    activations = [X, A1, out]
    deltas = [None, None]
    last = 1
    deltas[last] = activations[-1] - Y
    coef_grads, intercept_grads = [None, None], [None, None]
    for layer in (1, 0):
        coef_grads[layer] = activations[layer].T @ deltas[layer]
        coef_grads[layer] /= n_samples
        intercept_grads[layer] = torch.mean(deltas[layer], 0)
        if layer > 0:
            deltas[layer - 1] = deltas[layer] @ coefs[layer].T
            deltas[layer - 1][activations[layer] == 0] = 0
    return coef_grads[0], intercept_grads[0], coef_grads[1], intercept_grads[1]


# _init_coef: factor = 6.0 (2.0 for 'logistic'); init_bound = np.sqrt(factor / (fan_in + fan_out));
# uniform(-init_bound, init_bound, (fan_in, fan_out)) -- no gain in sklearn
def xavier_uniform_(W, gain=1.0):
    raise NotImplementedError("left out: sklearn's _init_coef has no gain")


def he_normal_(W, mode="fan_in"):
    raise NotImplementedError("not in the source")
