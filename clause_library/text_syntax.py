"""The markup of clause text: what a contributor types, parsed once into tokens.

    【notice-days】          a named field, declared in the clause's `fields` or in data/fields.yml
    [[termination-for-cause]] a reference to another clause (an article or an annex) by its id
    [[termination-for-cause#2]] … to its second paragraph (款)
    [[grounds:termination-by-party-a]] the list of grounds other articles grant for a right
    [[signatories]]          双方 / 各方, from the contract's signatories
    [[counterparts]]         一式两份，甲方、乙方各执一份 … from the signatories
    [[when:丙方]]            at the start of a line: the line applies only when 丙方 signs
    **…**                    a term the reader must weigh: bold in every edition
    | 指标 | 考核目标值 |       a line that starts and ends with “|” is a table row; consecutive rows
                             make one table, whose first row is its header

Nothing here is a template language: the parser recognises these few shapes and nothing else,
so no text from YAML is ever evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

FIELD_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
CLAUSE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PARTY_NAMES = ("甲方", "乙方", "丙方")
ENGINE_WORDS = ("signatories", "counterparts")

_TOKEN = re.compile(r"【([^【】\n]*)】|\[\[([^\[\]\n]*)\]\]|\*\*")
_WHEN = re.compile(r"\[\[when:([^\[\]\n]*)\]\]")
_REF = re.compile(rf"({CLAUSE_ID.pattern})(?:#([1-9][0-9]?))?")
_UNDERSCORE_BLANK = re.compile(r"[_＿]{2,}")
_STRAY = re.compile(r"[【】]|\[\[|\]\]")


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class FieldToken:
    name: str
    bold: bool = False


@dataclass(frozen=True)
class RefToken:
    target: str  # a clause id
    paragraph: int | None = None  # 款, 1-based
    bold: bool = False


@dataclass(frozen=True)
class GroundsToken:
    right: str
    bold: bool = False


@dataclass(frozen=True)
class EngineToken:
    word: str  # one of ENGINE_WORDS
    bold: bool = False


Token = Text | FieldToken | RefToken | GroundsToken | EngineToken


@dataclass(frozen=True)
class Line:
    """One paragraph (款) of clause text, or one row of a table."""
    tokens: tuple[Token, ...]
    when: str | None = None  # a party that must sign for the line to apply
    cells: tuple[tuple[Token, ...], ...] | None = None  # a table row: its cells; `tokens` is them all

    @property
    def fields(self) -> list[str]:
        return [t.name for t in self.tokens if isinstance(t, FieldToken)]

    @property
    def runs(self) -> tuple[tuple[Token, ...], ...]:
        """The stretches of text that read on: the line, or each cell of a row."""
        return self.cells if self.cells is not None else (self.tokens,)


class SyntaxProblem(ValueError):
    """Text that does not follow the markup; the message says where and what to write instead."""


def parse(text: str) -> tuple[Line, ...]:
    """Every non-empty line of `text` as tokens; raises SyntaxProblem listing every mistake."""
    lines, errors = _parse(text)
    if errors:
        raise SyntaxProblem("\n".join(errors))
    return lines


def problems(text: str) -> list[str]:
    return _parse(text)[1]


@lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[tuple[Line, ...], list[str]]:
    lines: list[Line] = []
    errors: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        where = f"第 {number} 段"
        when = None
        match = _WHEN.match(line)
        if match:
            when = match.group(1)
            if when not in PARTY_NAMES:
                errors.append(f"{where}：[[when:{when}]] 只能写签约方称谓：{'、'.join(PARTY_NAMES)}。")
            line = line[match.end():]
        if len(line) > 1 and line.startswith("|") and line.endswith("|"):
            cells = []
            for cell in line[1:-1].split("|"):
                cell_tokens, cell_errors = _tokens(cell.strip(), where)
                cells.append(tuple(cell_tokens))
                errors += cell_errors
            lines.append(Line(tuple(t for cell in cells for t in cell), when, tuple(cells)))
            continue
        tokens, line_errors = _tokens(line, where)
        lines.append(Line(tuple(tokens), when))
        errors += line_errors
    if _UNDERSCORE_BLANK.search(text):
        errors.append("用下划线表示空白：本库统一用【字段名】标出待填写内容，并在 fields 中声明该字段。")
    return tuple(lines), errors


def _tokens(line: str, where: str) -> tuple[list[Token], list[str]]:
    tokens: list[Token] = []
    errors: list[str] = []
    bold = False
    position = 0

    def text(upto: int) -> None:
        chunk = line[position:upto]
        if _STRAY.search(chunk):
            errors.append(f"{where}：“{_STRAY.search(chunk).group(0)}”没有配对。填写项写作【字段名】，"
                          "引用写作[[条款 id]]，二者都不能嵌套或跨段。")
        if chunk:
            tokens.append(Text(chunk, bold))

    for match in _TOKEN.finditer(line):
        text(match.start())
        position = match.end()
        field, ref = match.group(1), match.group(2)
        if match.group(0) == "**":
            bold = not bold
        elif field is not None:
            if not FIELD_NAME.fullmatch(field):
                errors.append(f"{where}：填写项【{field}】不是字段名。每个填写项写作【字段名】（小写英文、数字和连字符，"
                              "例如【notice-days】），并在本条款的 fields 或 data/fields.yml 中声明标签、类型和建议值。")
            else:
                tokens.append(FieldToken(field, bold))
        else:
            tokens.append(_reference(ref, bold, where, errors))
    text(len(line))
    if bold:
        errors.append(f"{where}：“**”没有配对。需要加粗提示的内容写作 **……**，开头和结尾在同一段内。")
    return tokens, errors


def _reference(inner: str, bold: bool, where: str, errors: list[str]) -> Token:
    if inner.startswith("grounds:"):
        right = inner.removeprefix("grounds:")
        if not CLAUSE_ID.fullmatch(right):
            errors.append(f"{where}：[[{inner}]] 中的权利 id 只能用小写英文、数字和连字符。")
        return GroundsToken(right, bold)
    if inner in ENGINE_WORDS:
        return EngineToken(inner, bold)
    if inner.startswith("when:"):
        errors.append(f"{where}：[[{inner}]] 只能写在一段的开头。")
        return Text("", bold)
    match = _REF.fullmatch(inner)
    if not match:
        errors.append(f"{where}：引用[[{inner}]]写法不对。引用条款写作[[条款 id]]，引用某一款写作[[条款 id#款序号]]，"
                      "例如[[termination-for-cause]]、[[late-payment#2]]。")
        return Text("", bold)
    return RefToken(match.group(1), int(match.group(2)) if match.group(2) else None, bold)


def tokens_of(lines: tuple[Line, ...]) -> list[Token]:
    return [token for line in lines for token in line.tokens]


def field_names(text: str) -> list[str]:
    """Field names in order of first use."""
    seen: dict[str, None] = {}
    for line in _parse(text)[0]:
        for name in line.fields:
            seen.setdefault(name)
    return list(seen)


def references(text: str) -> list[RefToken]:
    return [t for t in tokens_of(_parse(text)[0]) if isinstance(t, RefToken)]


_MARKUP = re.compile(r"【[^【】\n]*】|\[\[[^\[\]\n]*\]\]|\*\*")


def prose(text: str, placeholder: str = "", reference: str | None = None) -> str:
    """The words of `text` without its markup: each field becomes `placeholder`, each reference
    `reference` (by default the same placeholder), bold markers nothing."""
    def replace(match: re.Match) -> str:
        token = match.group(0)
        if token == "**":
            return ""
        return reference if token.startswith("[[") and reference is not None else placeholder
    return _MARKUP.sub(replace, text)
