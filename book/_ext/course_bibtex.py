"""Author-year labels in the bibliography, so the list reads like the citations in the text.

The text cites with sphinxcontrib-bibtex's ``author_year`` reference style, "[Kingma and Ba,
2015]". Its bibliography styles label entries otherwise ("alpha" gives "[KB15]", "plain" a
number), so a reader could not match a citation to its entry. This registers a pybtex
formatting style, ``author_year``, whose labels are written the way the citations are: one
author "Name, 2015", two "Name and Name, 2015", more "Name et al., 2015"; two entries with
the same label get "2015a", "2015b". The list is sorted by author, year, title.
"""

from __future__ import annotations

from collections import Counter

from pybtex.plugin import register_plugin
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from sphinx.application import Sphinx


def _authors(entry) -> str:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(person.last_names) for person in people]
    if not names:
        return entry.fields.get("title", entry.key)
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


class AuthorYearLabelStyle(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        bases = [f"{_authors(e)}, {e.fields.get('year', 'n.d.')}" for e in entries]
        repeated = Counter(bases)
        seen: Counter = Counter()
        for base in bases:
            if repeated[base] == 1:
                yield base
            else:
                yield base + "abcdefghijklmnopqrstuvwxyz"[seen[base]]
                seen[base] += 1


class AuthorYearStyle(UnsrtStyle):
    default_label_style = "author_year"
    default_sorting_style = "author_year_title"


def setup(app: Sphinx) -> dict:
    register_plugin("pybtex.style.labels", "author_year", AuthorYearLabelStyle)
    register_plugin("pybtex.style.formatting", "author_year", AuthorYearStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
