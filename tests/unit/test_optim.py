"""coursekit.optim's runners and the optimizer chapter's update rules.

The rules are read from the book pages (tests/pagecode.py), so the code the pages teach is the
code tested here: every rule must reproduce the syllabus endpoints (section 6, all verified) and
retrace its torch.optim twin on the same problem.
"""

import math

import matplotlib.pyplot as plt
import pytest
import torch

from coursekit.optim import defaults, train_1d, train_2d, train_2d_torch
from coursekit.plotting import show_trace_1d, show_trace_2d
from tests.pagecode import page_namespace

GD = "book/optimizers/gradient-descent.md"
MOMENTUM = "book/optimizers/momentum.md"
ADAPTIVE = "book/optimizers/adaptive.md"


def f_2d(x1, x2):
    return x1**2 + 2 * x2**2


def f_ill(x1, x2):
    return 0.1 * x1**2 + 2 * x2**2


def gap(a, b):
    return max(abs(u - v) for p, q in zip(a, b, strict=True) for u, v in zip(p, q, strict=True))


def close6(point, want, tol=5e-7):
    return all(abs(p - w) < tol for p, w in zip(point, want, strict=True))


@pytest.fixture(scope="module")
def rules():
    ns = page_namespace(GD, ["gd_2d", "f", "f_grad", "f_2d"])
    ns |= page_namespace(MOMENTUM, ["momentum_2d", "nesterov_2d", "f_ill"])
    ns |= page_namespace(ADAPTIVE, ["adagrad_2d", "rmsprop_2d", "adam_2d"])
    return ns


def test_train_1d_endpoints():
    grad = lambda x: 2 * x  # noqa: E731
    assert abs(train_1d(grad, 0.2, verbose=False)[-1] - 0.060466) < 5e-7
    assert abs(train_1d(grad, 0.05, verbose=False)[-1] - 3.486784) < 5e-7
    assert abs(train_1d(grad, 1.1, verbose=False)[-1] - 61.917364) < 5e-7
    c = 0.15 * math.pi
    wavy = train_1d(lambda x: math.cos(c * x) - c * x * math.sin(c * x), 2, verbose=False)
    assert len(wavy) == 11 and wavy[0] == 10.0
    assert abs(wavy[-1] - (-1.528166)) < 5e-7


def test_train_1d_prints_endpoint(capsys):
    train_1d(lambda x: 2 * x, 0.2)
    assert capsys.readouterr().out.strip() == "step 10: x = 0.060466"


def test_train_2d_path_shape_and_print(rules, capsys):
    path = train_2d(rules["gd_2d"], f=f_2d, eta=0.1)
    assert len(path) == 21 and path[0] == (-5.0, -2.0)
    assert all(isinstance(v, float) for p in path for v in p)
    assert capsys.readouterr().out.strip() == "step 20: x1 = -0.057646, x2 = -0.000073"
    assert len(train_2d(rules["gd_2d"], steps=3, start=(1, 1), f=f_2d, eta=0.1,
                        verbose=False)) == 4


def test_train_2d_passes_state_back():
    seen = []

    def counter(x, g, state, eta):
        seen.append(dict(state))
        return x - eta * g, {"n": state.get("n", 0) + 1}

    train_2d(counter, steps=3, f=f_2d, eta=0.1, verbose=False)
    assert seen == [{}, {"n": 1}, {"n": 2}]


def test_train_2d_uses_the_gradient(rules):
    # one step of gradient descent from (-5, -2): the gradient of f_2d is (2 x1, 4 x2)
    path = train_2d(rules["gd_2d"], steps=1, f=f_2d, eta=0.1, verbose=False)
    assert close6(path[1], (-5 + 0.1 * 10, -2 + 0.1 * 8), tol=1e-12)


@pytest.mark.parametrize(
    ("rule", "f", "hyper", "want"),
    [
        ("gd_2d", f_2d, dict(eta=0.1), (-0.057646, -0.000073)),
        ("gd_2d", f_ill, dict(eta=0.4), (-0.943467, -0.000073)),
        ("momentum_2d", f_ill, dict(eta=0.6, beta=0.5), (0.007188, 0.002553)),
        ("momentum_2d", f_ill, dict(eta=0.6, beta=0.25), (-0.126340, -0.186632)),
        ("adagrad_2d", f_ill, dict(eta=0.4), (-2.382563, -0.158591)),
        ("adagrad_2d", f_ill, dict(eta=2), (-0.002295, 0.0)),
        ("rmsprop_2d", f_ill, dict(eta=0.4, gamma=0.9), (-0.010599, 0.0)),
        ("adam_2d", f_ill, dict(alpha=0.16, beta1=0.9, beta2=0.999), (-1.980180, 0.398413)),
    ],
)
def test_syllabus_endpoints(rules, rule, f, hyper, want):
    assert close6(train_2d(rules[rule], f=f, verbose=False, **hyper)[-1], want)


def test_diverging_gradient_descent(rules):
    end = train_2d(rules["gd_2d"], f=f_ill, eta=0.6, verbose=False)[-1]
    assert abs(end[0] - (-0.387814)) < 5e-7 and abs(end[1] - (-1673.365109)) < 5e-6


@pytest.mark.parametrize(
    ("rule", "hyper", "twin", "settings"),
    [
        ("gd_2d", dict(eta=0.4), torch.optim.SGD, dict(lr=0.4)),
        ("momentum_2d", dict(eta=0.6, beta=0.5), torch.optim.SGD, dict(lr=0.6, momentum=0.5)),
        ("nesterov_2d", dict(eta=0.3, beta=0.8), torch.optim.SGD,
         dict(lr=0.3, momentum=0.8, nesterov=True)),
        ("nesterov_2d", dict(eta=0.6, beta=0.5), torch.optim.SGD,
         dict(lr=0.6, momentum=0.5, nesterov=True)),
        ("adagrad_2d", dict(eta=0.4, eps=1e-10, eps_inside_sqrt=False), torch.optim.Adagrad,
         dict(lr=0.4)),
        ("rmsprop_2d", dict(eta=0.4, gamma=0.9, eps=1e-8, eps_inside_sqrt=False),
         torch.optim.RMSprop, dict(lr=0.4, alpha=0.9)),
        ("adam_2d", dict(alpha=0.16, beta1=0.9, beta2=0.999), torch.optim.Adam,
         dict(lr=0.16, betas=(0.9, 0.999))),
        ("adam_2d", dict(alpha=0.01, beta1=0.8, beta2=0.99, eps=0.1), torch.optim.Adam,
         dict(lr=0.01, betas=(0.8, 0.99), eps=0.1)),
    ],
)
def test_page_rules_match_torch(rules, rule, hyper, twin, settings):
    ours = train_2d(rules[rule], steps=30, f=f_ill, verbose=False, **hyper)
    theirs = train_2d_torch(twin, steps=30, f=f_ill, verbose=False, **settings)
    scale = max(1.0, max(abs(v) for p in theirs for v in p))
    assert gap(ours, theirs) < 1e-12 * scale


def test_eps_placement_matters(rules):
    # With a large eps the syllabus form sqrt(s + eps) and torch's sqrt(s) + eps differ.
    inside = train_2d(rules["adagrad_2d"], f=f_ill, eta=0.4, eps=1.0, verbose=False)
    outside = train_2d_torch(torch.optim.Adagrad, f=f_ill, lr=0.4, eps=1.0, verbose=False)
    assert gap(inside, outside) > 1e-3


def test_defaults_read_from_torch():
    text = defaults(torch.optim.Adam)
    assert text.startswith("Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08")
    assert "foreach" not in text and "fused" not in text
    assert "alpha=0.99" in defaults(torch.optim.RMSprop)
    assert "eps=1e-10" in defaults(torch.optim.Adagrad)


def test_defaults_fit_the_book_output_box():
    for optimizer in (torch.optim.SGD, torch.optim.Adagrad, torch.optim.RMSprop, torch.optim.Adam):
        lines = defaults(optimizer).splitlines()
        assert len(lines) >= 2 and all(len(line) <= 80 for line in lines), lines
        assert lines[-1].endswith(")")
    assert "betas=(0.9, 0.999)" in defaults(torch.optim.Adam)  # never split inside a value


def test_trace_plots(rules):
    ax = show_trace_1d(rules["f"], train_1d(rules["f_grad"], 0.2, verbose=False))
    assert len(ax.lines) == 2
    path = train_2d(rules["gd_2d"], f=f_2d, eta=0.1, verbose=False)
    ax = show_trace_2d(f_2d, path)
    assert len(ax.lines) == 1 and ax.get_xlim() == (-5.5, 1.0)
    ax = show_trace_2d(f_2d, [path, path], labels=["a", "b"])
    assert len(ax.lines) == 2 and ax.get_legend() is not None
    far = train_2d(rules["gd_2d"], f=f_ill, eta=0.6, verbose=False)
    assert show_trace_2d(f_ill, far).get_ylim()[0] < -1673
    plt.close("all")
