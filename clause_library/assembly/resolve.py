"""Clause text, with its markup resolved: fields become values, references become article numbers
(in a contract) or clause titles (on their own), and the wording follows who signs.

One resolver per setting; both turn the same tokens into the same kinds of runs, so a clause reads
the same in the library and in a contract except for what only a contract can know.
"""

from __future__ import annotations

from clause_library import text_syntax
from clause_library.assembly.document import Block, Paragraph, Run, Table, block_text
from clause_library.fields import field_text
from clause_library.model import Clause, Library
from clause_library.numbering import chinese_number
from clause_library.text_syntax import EngineToken, FieldToken, GroundsToken, Line, RefToken, Text, Token

STANDALONE_GROUNDS = "本合同其他条款约定的情形"
WHEN_NOTE = "（{party}参与签约时适用）"


def count_word(n: int) -> str:
    """份数 and the like: 两, not 二, before a measure word."""
    return "两" if n == 2 else chinese_number(n)


class Resolver:
    """Turns parsed clause text into blocks. Subclasses say what fields, references and
    signatory words read as."""

    signatories: tuple[str, ...] = ("甲方", "乙方")

    def field(self, name: str) -> tuple[str, str]:
        raise NotImplementedError

    def reference(self, token: RefToken) -> tuple[str, str | None]:
        raise NotImplementedError

    def grounds(self, right: str) -> list[tuple[Run, ...]] | None:
        """The grounds listed for a right, each as runs; None leaves the standalone wording."""
        raise NotImplementedError

    def applies(self, line: Line) -> bool:
        return line.when is None or line.when in self.signatories

    def prefix(self, line: Line) -> str:
        return ""

    def blocks(self, text: str) -> tuple[Block, ...]:
        blocks: list[Block] = []
        rows: list[tuple[tuple[Run, ...], ...]] = []
        for line in text_syntax.parse(text):
            if not self.applies(line):
                continue
            if line.cells is not None:
                rows.append(tuple(self.runs(cell) for cell in line.cells))
                continue
            if rows:
                blocks.append(Table(tuple(rows)))
                rows = []
            runs = self.runs(line.tokens)
            if runs is None:  # a list of grounds with nothing in it: the paragraph has no object
                continue
            prefix = self.prefix(line)
            blocks.append(Paragraph(((Run(prefix),) if prefix else ()) + runs))
        if rows:
            blocks.append(Table(tuple(rows)))
        return tuple(blocks)

    def runs(self, tokens: tuple[Token, ...]) -> tuple[Run, ...] | None:
        out: list[Run] = []
        for token in tokens:
            if isinstance(token, Text):
                out.append(Run(token.text, token.bold))
            elif isinstance(token, FieldToken):
                text, state = self.field(token.name)
                out.append(Run(text, token.bold, field=token.name, state=state))
            elif isinstance(token, RefToken):
                text, target = self.reference(token)
                out.append(Run(text, token.bold, target=target))
            elif isinstance(token, EngineToken):
                out.append(Run(self.engine(token.word), token.bold))
            elif isinstance(token, GroundsToken):
                items = self.grounds(token.right)
                if items is None:
                    out.append(Run(STANDALONE_GROUNDS, token.bold))
                elif not items:
                    return None
                else:
                    for number, item in enumerate(items, 1):
                        if len(items) > 1:  # a single ground is not a list
                            out.append(Run(f"（{chinese_number(number)}）", token.bold))
                        out.extend(item)
                        if number < len(items):
                            out.append(Run("；", token.bold))
        return tuple(_merged(out))

    def engine(self, word: str) -> str:
        parties = self.signatories
        if word == "signatories":
            return "双方" if len(parties) == 2 else "各方"
        return f"一式{count_word(len(parties))}份，{'、'.join(parties)}各执一份"  # counterparts


def _merged(runs: list[Run]) -> list[Run]:
    """Adjacent plain runs of the same weight as one: fewer, longer runs in every edition."""
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        last = out[-1] if out else None
        if (last and run.field is None and run.target is None and last.field is None and last.target is None
                and last.bold == run.bold):
            out[-1] = Run(last.text + run.text, run.bold)
        else:
            out.append(run)
    return out


class StandaloneResolver(Resolver):
    """A clause on its own page or copied into someone's draft: suggestions in 【】, references by
    title, two signatories, lines for other signatories marked as such."""

    def __init__(self, library: Library, stance: str):
        self.library, self.stance = library, stance

    def field(self, name: str) -> tuple[str, str]:
        spec = self.library.fields[name]
        value = spec.suggestion(self.stance)
        return field_text(spec, value, given=False), "blank" if value is None else "suggested"

    def reference(self, token: RefToken) -> tuple[str, str | None]:
        title = self.library.clauses[token.target].title
        paragraph = f"第{chinese_number(token.paragraph)}款" if token.paragraph else ""
        if title.startswith("附件："):
            return f"附件“{title.removeprefix('附件：')}”{paragraph}", token.target
        return f"“{title}”条款{paragraph}", token.target

    def grounds(self, right: str) -> None:
        return None

    def applies(self, line: Line) -> bool:
        return True

    def prefix(self, line: Line) -> str:
        return WHEN_NOTE.format(party=line.when) if line.when else ""


def clause_blocks(library: Library, clause: Clause, stance: str) -> tuple[Block, ...]:
    """One version of a clause on its own: its page, its copy text, its JSON."""
    return StandaloneResolver(library, stance).blocks(clause.texts[stance])


def clause_text(library: Library, clause: Clause, stance: str) -> str:
    """What a copy button puts on the clipboard: the version as plain text, usable in any draft."""
    return "\n".join(block_text(block) for block in clause_blocks(library, clause, stance))
