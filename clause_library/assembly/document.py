"""A contract as one document: numbered sections of resolved text, ready for any edition.

Every edition – the contract page, .txt, .docx (plain and annotated), the JSON the builder fills –
reads this and nothing else, so they cannot disagree on a number, a reference or a value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clause_library.model import Contract, ContractPart, FieldSpec


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look: plain, a field's value, or a reference."""
    text: str
    bold: bool = False
    field: str | None = None  # the field's name, for a field
    state: str | None = None  # a field's: "given" (a value somebody chose), "suggested", "blank"
    target: str | None = None  # a reference's: an anchor in the contract (article-12) or a clause id
    revision: str | None = None  # in a tracked-changes edition: "ins" or "del"


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    revision: str | None = None  # in a tracked-changes edition: the paragraph mark itself "ins" or "del"
    condition: str | None = None  # in the builder's template: the choice that keeps this paragraph in

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[tuple[Run, ...], ...], ...]  # rows of cells of runs; the first row is the header

    @property
    def text_rows(self) -> list[list[str]]:
        return [["".join(run.text for run in cell) for cell in row] for row in self.rows]


Block = Paragraph | Table


def block_text(block: Block) -> str:
    """A block as plain text: a table row per line, cells separated by “ | ”."""
    if isinstance(block, Paragraph):
        return block.text
    return "\n".join(" | ".join(cells) for cells in block.text_rows)


@dataclass(frozen=True)
class Section:
    """An article (第一条) or an annex (附件一) of the contract."""
    kind: str  # article | annex
    number: int
    label: str  # 第一条 / 附件一
    heading: str
    anchor: str  # article-1 / annex-1: stable in-page link targets
    part: ContractPart
    blocks: tuple[Block, ...]
    condition: str | None = None  # in the builder's template: the choice that keeps this section in
    revision: str | None = None  # in a tracked-changes edition: the whole section "ins" or "del"
    title_runs: tuple[Run, ...] = ()  # in a tracked-changes edition: the title, marked, when it changed

    @property
    def title(self) -> str:
        return f"{self.label} {self.heading}" if self.kind == "article" else f"{self.label}：{self.heading}"

    @property
    def conspicuous(self) -> bool:
        return any(run.bold for block in self.blocks for run in _runs(block))


def _runs(block: Block):
    if isinstance(block, Paragraph):
        yield from block.runs
    else:
        for row in block.rows:
            for cell in row:
                yield from cell


@dataclass(frozen=True)
class FieldUse:
    """A field as one contract uses it: one value, and the sections that print it."""
    spec: FieldSpec
    value: object | None
    given: bool  # the value was chosen (contract data, the builder, `fill`), not only suggested
    rationale: str | None
    sections: tuple[str, ...]  # titles of the sections using it, in contract order


@dataclass(frozen=True)
class AssembledContract:
    contract: Contract
    title: str  # the document's title: never the stance, which is the sender's business
    notice: tuple[Paragraph, ...]  # 特别提示
    parties: tuple[Block, ...]
    recitals: tuple[Block, ...]
    articles: tuple[Section, ...]
    annexes: tuple[Section, ...]
    signatories: tuple[str, ...]
    signature: tuple[tuple[tuple[Run, ...], ...], ...]  # rows of the signature page, a cell per signatory
    choices: dict[str, str] = field(default_factory=dict)  # choice id -> chosen clause id, or "yes"/"no"
    fields: tuple[FieldUse, ...] = ()
    sample: bool = True  # a sample edition: values not yet confirmed are highlighted for the reader
    summary: tuple[tuple[str, Paragraph], ...] = ()  # the key choices, with this contract's values and numbers

    @property
    def contents(self) -> tuple[Section, ...]:
        """One entry per numbered section (a template's options share their number)."""
        return tuple({(s.anchor, s.revision): s for s in self.sections}.values())

    @property
    def sections(self) -> tuple[Section, ...]:
        return (*self.articles, *self.annexes)

    @property
    def blanks(self) -> list[FieldUse]:
        """Fields with no value at all: they print as 【label】."""
        return [use for use in self.fields if use.value is None]
