"""``python -m coursekit check [CHAPTER]`` and ``python -m coursekit grade DIR...``."""

import sys

from coursekit.grading.cli import main

if __name__ == "__main__":
    sys.exit(main())
