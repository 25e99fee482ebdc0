"""A sample contract as plain text, for pasting into any editor."""

from __future__ import annotations

from clause_library.export.outline import CLOSING, NUMBER_LINE, Outline


def contract_text(doc: Outline) -> str:
    out = [doc.contract.title, "", NUMBER_LINE, "", *doc.parties, "", *doc.recitals, ""]
    for section in doc.articles:
        out += [section.title, *section.paragraphs, ""]
    out += [CLOSING]
    for column in zip(*doc.signature_rows):  # one signatory after another
        out += ["", *column]
    for section in doc.annexes:
        out += ["", "", section.title, "", *section.paragraphs]
    return "\n".join(out).rstrip() + "\n"
