"""Makes the grader quote megabytes: linreg raises an exception whose class name and message
are 5 MB each, squared_loss exits with a 5 MB message, closed_form returns an object of a class
with a 5 MB name, and every call prints megabytes. Every report stays bounded."""

import sys

_BIG = 5_000_000


def linreg(X, w, b):
    print("n" * _BIG)
    raise type("E" * _BIG, (Exception,), {})("m" * _BIG)


def squared_loss(y_hat, y):
    sys.exit("x" * _BIG)


def closed_form(X, y):
    return type("C" * _BIG, (), {})()
