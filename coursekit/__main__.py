"""``python -m coursekit check``, ``grade DIR...``, ``release OUT_DIR`` and ``autograder ...``."""

import sys


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "release":
        from coursekit.release import main as release_main

        return release_main(sys.argv[2:])
    if command == "autograder":
        from coursekit.autograder import main as autograder_main

        return autograder_main(sys.argv[2:])
    # Imported here, not at the top: a --jobs process re-imports this file as __mp_main__, and
    # must stay free of torch until its grading zygote has started (see grading/zygote.py).
    from coursekit.grading.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
