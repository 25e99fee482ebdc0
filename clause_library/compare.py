"""What one version of a text changes against another, word by word.

Chinese has no spaces between words, and a character-level diff of contract prose marks fragments
of words (“甲方有权” against “乙方应当” shares “方”); jieba's words are the unit that reads well, and
the same unit the site's search uses. The clause pages' 对比 view and the tracked-changes Word
editions both mark changes with these.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)

EQUAL, INSERT, DELETE = "equal", "insert", "delete"


@dataclass(frozen=True)
class Change:
    kind: str  # equal | insert | delete
    text: str


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(jieba.lcut(text, HMM=False))


def word_diff(old: str, new: str) -> list[Change]:
    """`old` turned into `new`: deletions come before the insertions that replace them."""
    a, b = _words(old), _words(new)
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            changes.append(Change(EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            changes.append(Change(DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            changes.append(Change(INSERT, "".join(b[j1:j2])))
    return _readable(changes)


def _readable(changes: list[Change]) -> list[Change]:
    """A one-character word left standing between two changes (的, 在, 或) reads as noise: fold it
    into the changes around it, then join neighbours of the same kind."""
    folded: list[Change] = []
    for index, change in enumerate(changes):
        between = 0 < index < len(changes) - 1 and changes[index - 1].kind != EQUAL and changes[index + 1].kind != EQUAL
        if change.kind == EQUAL and between and len(change.text) == 1 and change.text not in "。；，\n":
            folded += [Change(DELETE, change.text), Change(INSERT, change.text)]
        else:
            folded.append(change)
    deletions_first = _deletions_first(folded)
    merged: list[Change] = []
    for change in deletions_first:
        if merged and merged[-1].kind == change.kind:
            merged[-1] = Change(change.kind, merged[-1].text + change.text)
        elif change.text:
            merged.append(change)
    return merged


def _deletions_first(changes: list[Change]) -> list[Change]:
    """Within each stretch of changes, all deleted words, then all inserted ones."""
    out: list[Change] = []
    stretch: list[Change] = []
    for change in [*changes, Change(EQUAL, "")]:
        if change.kind == EQUAL:
            out += [c for c in stretch if c.kind == DELETE] + [c for c in stretch if c.kind == INSERT]
            stretch = []
            out.append(change)
        else:
            stretch.append(change)
    return out[:-1]


def old_text(changes: list[Change]) -> str:
    return "".join(c.text for c in changes if c.kind != INSERT)


def new_text(changes: list[Change]) -> str:
    return "".join(c.text for c in changes if c.kind != DELETE)
