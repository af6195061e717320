"""An endless loop at the top level of the module.

It waits rather than spins: the import is allowed 30 s (``IMPORT_TIMEOUT``), which a spinning
loop would take from a core of the test machine. loop_in_function spins, in calls.
"""

import time

while True:
    time.sleep(1)
