"""An A-Z index above the glossary: one link per initial letter, to the first term under it.

The glossary is one long sorted list (about a hundred terms); a reader looking up "weight
decay" should not have to scroll past the whole alphabet. Letters with no term are shown but
not linked, so the row always reads A to Z.
"""

from __future__ import annotations

import string

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx


def _first_term_per_letter(glossary: addnodes.glossary) -> dict[str, str]:
    """{"A": "glossary-a", ...}: an anchor on the first term of each initial letter.

    The anchor is a new id rather than the term's own: a term id can hold dots ("term-i.i.d."),
    which Bootstrap's scrollspy (in the theme) reads as a CSS selector and fails on.
    """
    firsts: dict[str, str] = {}
    for item in glossary.findall(nodes.definition_list_item):
        for term in item.findall(nodes.term):
            letter = term.astext().strip()[:1].upper()
            if letter in string.ascii_uppercase and letter not in firsts:
                firsts[letter] = f"glossary-{letter.lower()}"
                term["ids"].append(firsts[letter])
    return firsts


def _letter_index(firsts: dict[str, str]) -> nodes.paragraph:
    row = nodes.paragraph(classes=["glossary-az"])
    for letter in string.ascii_uppercase:
        if letter in firsts:
            link = nodes.reference("", letter, refid=firsts[letter], internal=True)
            link["classes"].append("glossary-az-letter")
            row += link
        else:
            row += nodes.inline("", letter, classes=["glossary-az-empty"])
        row += nodes.Text(" ")
    return row


def add_letter_index(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for glossary in list(doctree.findall(addnodes.glossary)):
        firsts = _first_term_per_letter(glossary)
        if len(firsts) > 1:
            glossary.parent.insert(glossary.parent.index(glossary), _letter_index(firsts))


def setup(app: Sphinx) -> dict:
    app.connect("doctree-resolved", add_letter_index)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
