"""One contract marked against another of the same shape (a stance contract against the neutral one),
as a document whose runs and paragraph marks are insertions or deletions: the tracked-changes Word
edition a negotiator sends as “our changes to the neutral standard”.

Accepting every change gives exactly the target contract's text; rejecting every change gives exactly
the base contract's. Sections are paired by clause in order; a paired section is compared word by word
(compare.word_diff) across its paragraphs, so a paragraph added or removed shows as an inserted or
deleted paragraph mark; a table is compared cell by cell when both tables have the same shape.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from clause_library.assembly.document import AssembledContract, Block, Paragraph, Run, Section, Table
from clause_library.compare import DELETE, INSERT, word_diff


def _chars(blocks: tuple[Block, ...]) -> tuple[str, list[Run]]:
    """The paragraphs' text joined by newlines, and for each character the run it came from."""
    text, owners = [], []
    for index, block in enumerate(blocks):
        if index:
            text.append("\n")
            owners.append(Run("\n"))
        for run in block.runs:
            text.append(run.text)
            owners += [run] * len(run.text)
    return "".join(text), owners


def _look(run: Run, revision: str | None) -> Run:
    return Run("", run.bold, run.field, run.state, run.target, revision)


def _marked_paragraphs(old: tuple[Paragraph, ...], new: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """Old paragraphs turned into new ones, every change a revision."""
    old_text, old_runs = _chars(old)
    new_text, new_runs = _chars(new)
    paragraphs: list[Paragraph] = []
    runs: list[Run] = []
    at_old = at_new = 0
    for change in word_diff(old_text, new_text):
        revision = {INSERT: "ins", DELETE: "del"}.get(change.kind)
        for char in change.text:
            source = old_runs[at_old] if change.kind == DELETE else new_runs[at_new]
            at_old += change.kind != INSERT
            at_new += change.kind != DELETE
            if char == "\n":
                paragraphs.append(Paragraph(tuple(runs), revision))
                runs = []
                continue
            look = _look(source, revision)
            if runs and replace(runs[-1], text="") == look:
                runs[-1] = replace(runs[-1], text=runs[-1].text + char)
            else:
                runs.append(replace(look, text=char))
    paragraphs.append(Paragraph(tuple(runs)))
    return tuple(paragraphs)


def _whole(blocks: tuple[Block, ...], revision: str) -> tuple[Block, ...]:
    """Blocks that exist on one side only: every run and every paragraph mark is the change."""
    def mark(runs):
        return tuple(replace(r, revision=revision) for r in runs)
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(Paragraph(mark(block.runs), revision))
        else:
            out.append(Table(tuple(tuple(mark(cell) for cell in row) for row in block.rows)))
    return tuple(out)


def _same_shape(a: Table, b: Table) -> bool:
    return len(a.rows) == len(b.rows) and all(len(x) == len(y) for x, y in zip(a.rows, b.rows))


def marked_blocks(old: tuple[Block, ...], new: tuple[Block, ...]) -> tuple[Block, ...]:
    if not old or not new:
        return _whole(old, "del") + _whole(new, "ins")
    if all(isinstance(b, Paragraph) for b in (*old, *new)):
        return _marked_paragraphs(old, new)
    if len(old) == len(new) and all(type(a) is type(b) for a, b in zip(old, new)) and all(
            _same_shape(a, b) for a, b in zip(old, new) if isinstance(a, Table)):
        out: list[Block] = []
        for a, b in zip(old, new):
            if isinstance(a, Paragraph):
                out += _marked_paragraphs((a,), (b,))
            else:
                out.append(Table(tuple(tuple(_marked_paragraphs((Paragraph(x),), (Paragraph(y),))[0].runs
                                             for x, y in zip(row_a, row_b)) for row_a, row_b in zip(a.rows, b.rows))))
        return tuple(out)
    return _whole(old, "del") + _whole(new, "ins")


def _title(old: Section, new: Section) -> tuple[Run, ...]:
    """A paired section's title as changes, when its number or heading moved (an article inserted
    before it renumbers it)."""
    if old.title == new.title:
        return ()
    return _marked_paragraphs((Paragraph((Run(old.title),)),), (Paragraph((Run(new.title),)),))[0].runs


def _sections(old: tuple[Section, ...], new: tuple[Section, ...]) -> tuple[Section, ...]:
    out: list[Section] = []
    ids_old, ids_new = [s.part.clause.id for s in old], [s.part.clause.id for s in new]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ids_old, ids_new, autojunk=False).get_opcodes():
        if op == "equal":
            out += [replace(b, blocks=marked_blocks(a.blocks, b.blocks), title_runs=_title(a, b))
                    for a, b in zip(old[i1:i2], new[j1:j2])]
            continue
        out += [replace(s, blocks=_whole(s.blocks, "del"), revision="del") for s in old[i1:i2]]
        out += [replace(s, blocks=_whole(s.blocks, "ins"), revision="ins") for s in new[j1:j2]]
    return tuple(out)


def redline(base: AssembledContract, target: AssembledContract) -> AssembledContract:
    """`target` as changes to `base`. Both are sample editions of contracts of the same shape."""
    return replace(
        target,
        notice=marked_blocks(base.notice, target.notice),
        parties=marked_blocks(base.parties, target.parties),
        recitals=marked_blocks(base.recitals, target.recitals),
        articles=_sections(base.articles, target.articles),
        annexes=_sections(base.annexes, target.annexes),
    )
