"""An endless loop at the top level of the module."""

while True:
    pass
