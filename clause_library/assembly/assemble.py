"""Assemble a contract: choose its articles, number them, resolve every reference, field and
list of grounds, and say what the reader must weigh. Computed once; every edition reads the result.

`assemble` also finds what makes a contract not one document – a reference to an article the contract
lacks, a right granted with no article that governs it, a value of the wrong type – and reports it
through `report(message, *path)` with the path into the contract's YAML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from clause_library import text_syntax
from clause_library.assembly.document import AssembledContract, FieldUse, Paragraph, Run, Section
from clause_library.assembly.resolve import Resolver
from clause_library.fields import closest, field_text, parse_input
from clause_library.model import Contract, ContractPart, Library
from clause_library.numbering import annex_label, article_label, chinese_number
from clause_library.text_syntax import RefToken

Report = Callable[..., None]

NOTICE_HEAD = "特别提示"
NOTICE_TEXT = ("本合同中以加粗字体标示的内容，涉及责任的限制与免除、视为同意或确认、违约金与扣减、"
               "一方单方解除或暂停的权利以及争议解决方式，与签约各方有重大利害关系。请在签署前仔细阅读以下条文：")
NOTICE_ACK = "签约各方确认：已阅读并理解上述条款；提供本合同文本的一方已应其他各方的要求作出说明。"
PARTY_FIELD = {"甲方": "party-a-name", "乙方": "party-b-name", "丙方": "party-c-name"}
SIGNATURE_LINES = ("法定代表人或授权代表（签字）：", "签署日期：　　　　年　　月　　日")  # signed by hand


class ContractProblem(Exception):
    """Raised by `assemble` when no report callback is given and the contract is not sound."""


def _raise(message: str, *path) -> None:
    raise ContractProblem(message)


def field_tag(name: str) -> str:
    """A field as the builder's Word template marks it (docxtemplater, with 〖〗 as delimiters)."""
    return "f_" + name.replace("-", "_")


def choice_tag(choice: str, option: str) -> str:
    """The condition under which an option's article is in the contract: the builder sets it."""
    return f"c_{choice.replace('-', '_')}__{option.replace('-', '_')}"


@dataclass(frozen=True)
class _Placed:
    kind: str  # article | annex
    number: int
    part: ContractPart
    path: tuple  # where the part is written in the contract's YAML
    condition: str | None = None  # in a template: the choice that keeps this article in

    @property
    def label(self) -> str:
        return article_label(self.number) if self.kind == "article" else annex_label(self.number)

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.number}"


class _ContractResolver(Resolver):
    def __init__(self, assembler: "_Assembler"):
        self.a = assembler
        self.signatories = assembler.contract.signatories
        self.current: _Placed | None = None
        self.outside = "合同首部"  # where text outside the articles is: 合同首部, 签署页

    def field(self, name: str) -> tuple[str, str]:
        use = self.a.field_use(name, f"{self.current.label} {self.current.part.heading}" if self.current else self.outside)
        if self.a.template:
            return f"〖{field_tag(name)}〗", "template"
        return field_text(use.spec, use.value, use.given), "given" if use.given else (
            "blank" if use.value is None else "suggested")

    def reference(self, token: RefToken) -> tuple[str, str | None]:
        placed = self.a.placed_for(token.target)
        if placed is None:
            self.a.missing_reference(token.target, self.current, self.outside)
            return f"【{self.a.library.clauses[token.target].title}】", None
        if token.paragraph:
            count = len(_paragraphs(placed.part, self.signatories))
            if token.paragraph > count and self.current:
                self.a.report(f"{self._where()}引用了{placed.label}（{placed.part.heading}）的第"
                              f"{chinese_number(token.paragraph)}款，但该条在本合同中只有 {count} 款。",
                              *self.current.path)
            return f"{placed.label}第{chinese_number(token.paragraph)}款", placed.anchor
        return f"{placed.label}（{placed.part.heading}）", placed.anchor

    def grounds(self, right: str) -> list[tuple[Run, ...]]:
        items = []
        for placed, grant in self.a.grants.get(right, ()):
            previous, self.current = self.current, placed
            runs = self.runs(text_syntax.parse(grant.ground)[0].tokens)
            self.current = previous
            items.append((*runs, Run(f"（{placed.label}）", target=placed.anchor)))
        self.a.governed.add(right)
        return items

    def _where(self) -> str:
        return f"{self.current.label}（{self.current.part.heading}）" if self.current else "合同首部"


def _paragraphs(part: ContractPart, signatories: tuple[str, ...]) -> list:
    """The paragraphs (款) of a part as a contract prints it: lines that apply, items not counted."""
    lines = [line for line in text_syntax.parse(part.text) if line.when is None or line.when in signatories]
    return [line for line in lines if line.cells is None and not is_item(text_syntax.prose("".join(
        t.text for t in line.tokens if isinstance(t, text_syntax.Text))))]


class _Assembler:
    def __init__(self, library: Library, contract: Contract, values: dict | None, choices: dict | None,
                 report: Report, suggestions: bool, template: bool = False):
        self.library, self.contract, self.report, self.suggestions = library, contract, report, suggestions
        self.template = template
        self.values = {**contract.values, **(values or {})}
        self.given_names = set(self.values)
        self.choices = {c.id: (choices or {}).get(c.id, c.default) for c in contract.choices}
        self.uses: dict[str, list[str]] = {}
        self.governed: set[str] = set()
        self.placed = self._place()
        self.by_clause = self._index()
        self.grants = self._grants()
        self._check_choices(choices or {})
        self._check_values()

    # -- choosing and numbering -------------------------------------------------------------
    def _chosen(self, part: ContractPart) -> ContractPart | None:
        if part.choice is None:
            return part
        chosen = self.choices[part.choice.id]
        if part.choice.optional:
            return part if chosen == "yes" else None
        return next((p for p in (part, *part.alternatives) if p.clause.id == chosen), part)

    def _place(self) -> list[_Placed]:
        placed = []
        for kind, parts in (("article", self.contract.articles), ("annex", self.contract.annexes)):
            number = 0
            for index, part in enumerate(parts):
                path = ("articles" if kind == "article" else "annexes", index)
                if self.template and part.choice:  # every option, each under its condition
                    number += 1
                    options = (part,) if part.choice.optional else (part, *part.alternatives)
                    for option in options:
                        value = "yes" if part.choice.optional else option.clause.id
                        placed.append(_Placed(kind, number, option, path, choice_tag(part.choice.id, value)))
                    continue
                chosen = self._chosen(part)
                if chosen is not None:
                    number += 1
                    placed.append(_Placed(kind, number, chosen, path))
        return placed

    def _index(self) -> dict[str, _Placed]:
        """Clause id -> the section that answers a reference to it: the clause itself, what the
        contract says stands in for it, or the option chosen in its place."""
        index: dict[str, _Placed] = {}
        for placed in self.placed:
            index[placed.part.clause.id] = placed
        for placed, raw in zip(self.placed, (self._raw(p) for p in self.placed)):
            for other in (*placed.part.stands_in_for, *(raw.choice.options if raw.choice else ())):
                index.setdefault(other, placed)
        return index

    def _raw(self, placed: _Placed) -> ContractPart:
        parts = self.contract.articles if placed.kind == "article" else self.contract.annexes
        return parts[placed.path[1]]

    def placed_for(self, clause_id: str) -> _Placed | None:
        return self.by_clause.get(clause_id)

    def missing_reference(self, clause_id: str, where: _Placed | None, outside: str) -> None:
        title = self.library.clauses[clause_id].title
        if where is None:
            self.report(f"{outside}引用的条款 {clause_id}（{title}）未收入本合同。",
                        "summary" if outside == "关键商业选择" else "parties")
            return
        self.report(f"{where.label}（{where.part.heading}，条款 {where.part.clause.id}）引用的条款 {clause_id}"
                    f"（{title}）未收入本合同。请把它加入本合同，或在代替它的条款上写 stands_in_for: [{clause_id}]，"
                    "或修改引用。", *where.path)

    def _grants(self) -> dict[str, list]:
        grants: dict[str, list] = {}
        for placed in self.placed:
            for grant in placed.part.clause.grants:
                if placed.part.stance in grant.stances:
                    grants.setdefault(grant.right, []).append((placed, grant))
        return grants

    def _check_definitions(self) -> None:
        defined: dict[str, _Placed] = {}
        for placed in self.placed:
            for term in placed.part.clause.defines:
                if term in defined and defined[term].number != placed.number:
                    first = defined[term]
                    self.report(f"术语“{term}”在本合同中定义了两次：{first.label}（{first.part.heading}）和"
                                f"{placed.label}（{placed.part.heading}）。一份合同只收一个定义条款。", *placed.path)
                defined.setdefault(term, placed)

    # -- fields ---------------------------------------------------------------------------
    def field_use(self, name: str, where: str | None) -> FieldUse:
        spec = self.library.fields[name]
        self.uses.setdefault(name, [])
        if where and where not in self.uses[name]:
            self.uses[name].append(where)
        given = name in self.values
        suggested = spec.suggestion(self.contract.stance) if self.suggestions else None
        value = self.values[name] if given else suggested
        return FieldUse(spec, value, given, spec.why(self.contract.stance), tuple(self.uses[name]))

    def _check_values(self) -> None:
        # A value may fill a field that only an option not chosen uses: it applies once that option is.
        every_option = (part for p in (*self.contract.articles, *self.contract.annexes) for part in (p, *p.alternatives))
        known = self._fields_used((self.contract.parties, *every_option))
        for name, raw in list(self.values.items()):
            if name not in known:
                self.report(f"本合同没有字段 {name}。{closest(name, known)}"
                            "用 python -m clause_library fields <合同 id> 查看本合同的全部字段。", "values", name)
                del self.values[name]
                continue
            value, problem = parse_input(self.library.fields[name], raw)
            if problem:
                self.report(f"字段 {name}（{self.library.fields[name].label}）的值不合规：{problem}", "values", name)
                del self.values[name]
            else:
                self.values[name] = value

    def _fields_used(self, parts) -> set[str]:
        names: set[str] = set()
        for part in parts:
            names.update(text_syntax.field_names(part.text))
            for grant in part.clause.grants:
                names.update(text_syntax.field_names(grant.ground))
        return names

    def _check_choices(self, asked: dict) -> None:
        offered = {c.id: c for c in self.contract.choices}
        for choice_id, value in asked.items():
            choice = offered.get(choice_id)
            if choice is None:
                self.report(f"本合同没有选项 {choice_id}。{closest(choice_id, offered)}"
                            f"可选：{'、'.join(offered) or '（无）'}。", "choices", choice_id)
            elif value not in (("yes", "no") if choice.optional else choice.options):
                allowed = "yes、no" if choice.optional else "、".join(choice.options)
                self.report(f"选项 {choice_id}（{choice.label}）只能是：{allowed}；实际是 {value!r}。",
                            "choices", choice_id)
                self.choices[choice_id] = choice.default

    # -- the document ---------------------------------------------------------------------
    def assemble(self) -> AssembledContract:
        resolver = _ContractResolver(self)
        parties = resolver.blocks(self.contract.parties.text)
        sections = []
        for placed in self.placed:
            resolver.current = placed
            blocks = resolver.blocks(placed.part.text)
            if placed.kind == "article":
                blocks = _numbered(placed.number, blocks)
            sections.append(Section(placed.kind, placed.number, placed.label, placed.part.heading, placed.anchor,
                                    placed.part, blocks, placed.condition))
        self._check_definitions()
        resolver.current, resolver.outside = None, "签署页"
        signature = self._signature(resolver)
        # The key choices describe the contract as it stands, with its default options.
        defaults = all(self.choices[c.id] == c.default for c in self.contract.choices)
        summary = self._summary(resolver) if defaults and not self.template else ()
        for right, granted in self.grants.items():
            if right not in self.governed:
                placed, _ = granted[0]
                self.report(f"{placed.label}（{placed.part.heading}）授予了“{self.library.rights[right].name}”，"
                            f"但本合同没有规定其行使方式的条款（正文含 [[grounds:{right}]] 的条款，通常是违约解除）。",
                            *placed.path)
        articles = tuple(s for s in sections if s.kind == "article")
        annexes = tuple(s for s in sections if s.kind == "annex")
        recitals = tuple(Paragraph((Run(line),)) for line in _lines(self.contract.recitals))
        fields = tuple(self.field_use(name, None) for name in self.uses)
        return AssembledContract(self.contract, self.contract.title, _notice(articles), parties, recitals,
                                 articles, annexes, self.contract.signatories, signature, dict(self.choices), fields,
                                 sample=self.suggestions, summary=summary)

    def _summary(self, resolver: _ContractResolver) -> tuple:
        """The contract page's key choices may name fields and articles, so they state this contract's
        own values and numbers instead of repeating them in words that could drift."""
        resolver.outside = "关键商业选择"
        out = []
        used = self._fields_used((self.contract.parties, *(p.part for p in self.placed)))
        for index, (label, value) in enumerate(self.contract.summary):
            problems = text_syntax.problems(value) + [
                f"字段 {name} 不是本合同的字段：关键商业选择只能引用本合同正文或附件中使用的字段。{closest(name, used)}"
                for name in text_syntax.field_names(value) if name not in used]
            if problems:
                self.report("；".join(problems), "summary", index, "value")
                continue
            blocks = resolver.blocks(value)
            out.append((label, blocks[0] if blocks else Paragraph(())))
        return tuple(out)

    def _signature(self, resolver: _ContractResolver) -> tuple:
        """The seal line names each party (its name field), then a line to sign and a date, by hand."""
        names = []
        for party in self.contract.signatories:
            name = PARTY_FIELD[party]
            if name in self.library.fields:
                text, state = resolver.field(name)
                names.append((Run(f"{party}（盖章）："), Run(text, field=name, state=state)))
            else:  # a library that declares no party names (data/fields.yml): the blank is still there
                names.append((Run(f"{party}（盖章）："), Run(f"【{party}名称】")))
        rows = [tuple(names)] + [tuple((Run(line),) for _ in self.contract.signatories) for line in SIGNATURE_LINES]
        return tuple(rows)


_ITEM = re.compile(r"（[一二三四五六七八九十]+）")


def is_item(text: str) -> bool:
    """A line that starts “（一）” continues its paragraph's list (项); it is not a paragraph (款) of its own."""
    return bool(_ITEM.match(text))


def _numbered(article: int, blocks: tuple) -> tuple:
    """An article of several paragraphs (款) numbers them 64.1, 64.2 … as Chinese commercial contracts
    do, so “第六十四条第二款” is found at a glance. An article of one paragraph needs no number."""
    count = sum(1 for b in blocks if isinstance(b, Paragraph) and not is_item(b.text))
    if count < 2:
        return blocks
    out, number = [], 0
    for block in blocks:
        if isinstance(block, Paragraph) and not is_item(block.text):
            number += 1
            block = Paragraph((Run(f"{article}.{number}　"), *block.runs), block.revision)
        out.append(block)
    return tuple(out)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _notice(articles: tuple[Section, ...]) -> tuple[Paragraph, ...]:
    """特别提示: one line per article with terms in bold. In the builder's template an option's line
    carries the option's condition, so the list follows the reader's choices."""
    marked = [s for s in articles if s.conspicuous]
    if not marked:
        return ()
    lines, seen = [], set()
    for section in marked:
        options = [s for s in articles if s.anchor == section.anchor]
        condition = section.condition if any(not s.conspicuous for s in options) else None
        if (section.anchor, condition) in seen:
            continue  # an unconditional line, already listed for the slot
        seen.add((section.anchor, condition))
        lines.append(Paragraph((Run(f"{section.label}（{section.heading}）"),), condition=condition))
    return (Paragraph((Run(NOTICE_TEXT),)), *lines, Paragraph((Run(NOTICE_ACK),)))


def assemble(library: Library, contract: Contract, values: dict | None = None, choices: dict | None = None,
             report: Report | None = None, suggestions: bool = True) -> AssembledContract:
    """The contract as one document, with `values` (field name -> value) and `choices` (choice id ->
    clause id, or yes/no for an optional article) applied over the contract's own. A field nobody gave
    a value reads as its suggested value in 【】 – or, with suggestions=False (a user's own contract),
    as 【label】."""
    return _Assembler(library, contract, values, choices, report or _raise, suggestions).assemble()


def assemble_template(library: Library, contract: Contract) -> AssembledContract:
    """The contract with every option of every choice, each article under its condition, and every
    field as a tag: the builder fills it in the browser with the reader's choices and values."""
    return _Assembler(library, contract, None, None, _raise, suggestions=False, template=True).assemble()
