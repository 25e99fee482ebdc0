"""A contract as plain text, for pasting into any editor.

It starts with a byte-order mark: Windows Notepad and a browser opening the file from a static host
that sends no charset then still read it as UTF-8 instead of mojibake.
"""

from __future__ import annotations

from clause_library.assembly import AssembledContract, block_text

CLOSING = "（以下无正文，为签署页）"
BOM = "\ufeff"


def _runs_text(runs) -> str:
    return "".join(run.text for run in runs)


def contract_text(doc: AssembledContract) -> str:
    out = [doc.title, ""]
    if doc.notice:
        out += ["特别提示", *(block_text(p) for p in doc.notice), ""]
    out += [*(block_text(b) for b in doc.parties), "", *(block_text(b) for b in doc.recitals), ""]
    for section in doc.articles:
        out += [section.title, *(block_text(b) for b in section.blocks), ""]
    out += [CLOSING]
    for column in zip(*doc.signature):  # one signatory after another
        out += ["", *(_runs_text(cell) for cell in column)]
    for section in doc.annexes:
        out += ["", "", section.title, "", *(block_text(b) for b in section.blocks)]
    return BOM + "\n".join(out).rstrip() + "\n"
