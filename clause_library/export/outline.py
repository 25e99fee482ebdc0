"""A contract as a document: numbered articles and annexes, shared by the page, the text and the .docx."""

from __future__ import annotations

from dataclasses import dataclass

from clause_library.model import Contract, ContractPart
from clause_library.numbering import annex_label, article_label

NUMBER_LINE = "合同编号：【合同编号】"
SIGNATURE_LINES = ("{party}（盖章）：【{party}名称】", "法定代表人或授权代表（签字）：【签字】",
                   "签署日期：【年】年【月】月【日】日")
CLOSING = "（以下无正文，为签署页）"


@dataclass(frozen=True)
class Section:
    label: str  # 第一条 / 附件一
    heading: str
    part: ContractPart
    anchor: str  # article-1 / annex-1: stable in-page link targets, unlike slugs of Chinese headings

    @property
    def title(self) -> str:
        return f"{self.label} {self.heading}" if self.label.startswith("第") else f"{self.label}：{self.heading}"

    @property
    def paragraphs(self) -> list[str]:
        return lines(self.part.text)


@dataclass(frozen=True)
class Outline:
    contract: Contract
    articles: tuple[Section, ...]
    annexes: tuple[Section, ...]

    @property
    def parties(self) -> list[str]:
        return lines(self.contract.parties.text)

    @property
    def recitals(self) -> list[str]:
        return lines(self.contract.recitals)

    @property
    def signature_rows(self) -> list[list[str]]:
        """One row per line of the signature block, one column per signatory."""
        return [[line.format(party=party) for party in self.contract.signatories] for line in SIGNATURE_LINES]


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def outline(contract: Contract) -> Outline:
    articles = tuple(Section(article_label(n), part.heading, part, f"article-{n}")
                     for n, part in enumerate(contract.articles, 1))
    annexes = tuple(Section(annex_label(n), part.heading, part, f"annex-{n}") for n, part in enumerate(contract.annexes, 1))
    return Outline(contract, articles, annexes)
