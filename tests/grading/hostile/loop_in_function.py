"""data_iter and sgd never return; the rest is right."""


def data_iter(batch_size, features, labels):
    while True:
        pass


def sgd(params, lr, batch_size):
    n = 0
    while n >= 0:
        n += 1
