"""``python -m coursekit check [CHAPTER]`` and ``python -m coursekit grade DIR...``."""

import sys


def main() -> int:
    # Imported here, not at the top: a --jobs process re-imports this file as __mp_main__, and
    # must stay free of torch until its grading zygote has started (see grading/zygote.py).
    from coursekit.grading.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
