"""squared_loss raises, linreg segfaults the interpreter; the rest is right."""

import ctypes
import os
import signal


def squared_loss(y_hat, y):
    return 1 / 0


def linreg(X, w, b):
    ctypes.string_at(0)  # read address 0: segmentation fault
    os.kill(os.getpid(), signal.SIGSEGV)
