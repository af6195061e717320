"""Convert the book's MyST notebook pages to .ipynb for nbval, all in one process.

    python tools/convert_pages.py OUT_DIR PAGE.md [PAGE.md ...]

One process instead of one ``jupytext`` per page: each jupytext start costs about 3 s (mostly
importing jsonschema). Each notebook records its source page in ``metadata.coursekit_source``
so that ``tools/nbval_cache.py`` can file nbval's outputs under that page in the jupyter-cache
that the book build reads.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir = Path(argv[0])
    for page in map(Path, argv[1:]):
        nb = jupytext.read(page)
        nb.metadata["coursekit_source"] = str(page.resolve())
        target = out_dir / page.with_suffix(".ipynb")
        target.parent.mkdir(parents=True, exist_ok=True)
        jupytext.write(nb, target)
    print(f"converted {len(argv) - 1} pages into {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
