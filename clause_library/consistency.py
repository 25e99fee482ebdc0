"""Checks that span clauses: every field is declared once and used, every reference names a clause,
every defined term is defined in one place and never replaced by a loose synonym.

These are what keep a contract assembled from clauses written one at a time a single document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clause_library import text_syntax
from clause_library.fields import FIELDS_FILE, UNIT_TYPES, closest
from clause_library.model import Clause, FieldSpec
from clause_library.problems import ProblemLog
from clause_library.registries import Registries
from clause_library.text_syntax import FieldToken, GroundsToken, RefToken, Text
from clause_library.yaml_source import YamlDocument


def check_clause_texts(clauses: dict[str, Clause], docs: dict[str, YamlDocument], registries: Registries,
                       referable: dict[str, Clause | None], found: ProblemLog) -> None:
    owners = _field_owners(clauses, docs, registries, found)
    used_shared: set[str] = set()
    for clause in clauses.values():
        doc = docs[clause.id]

        def problem(message: str, *path, _doc=doc, _id=clause.id) -> None:
            found.add(_doc.problem(message, tuple(path), _id))

        used: set[str] = set()
        for stance, text in clause.texts.items():
            for message in _token_problems(clause, text, registries, owners, referable, used):
                problem(message, "text", stance)
        for index, grant in enumerate(clause.grants):
            for message in _token_problems(clause, grant.ground, registries, owners, referable, used):
                problem(message, "grants", index, "ground")
        for name in clause.fields:
            if name not in used:
                problem(f"声明了字段 {name}，但正文没有使用它（正文中写作【{name}】）。不用的声明请删除。", "fields", name)
        used_shared |= used & registries.fields.keys()
        for stance, text in clause.texts.items():
            for message in _term_problems(clause, text, registries):
                problem(message, "text", stance)
    # A clause that failed to load may be the one using a shared field: its own message is enough.
    unused = registries.fields.keys() - used_shared if None not in referable.values() else ()
    for name in unused:
        found.add(registries.fields_doc.problem(f"共用字段 {name} 没有任何条款使用。不用的声明请删除。", (name,)))
    _check_definitions(clauses, docs, found)


def _field_owners(clauses: dict[str, Clause], docs: dict[str, YamlDocument], registries: Registries,
                  found: ProblemLog) -> dict[str, str]:
    """Clause-local field name -> the clause declaring it; a name is declared in one place only."""
    owners: dict[str, str] = {}
    for clause in clauses.values():
        for name in clause.fields:
            where = ("fields", name)
            if name in registries.fields:
                found.add(docs[clause.id].problem(
                    f"字段 {name} 已在 {FIELDS_FILE} 中声明为共用字段，这里不能再声明。删除本条款中的声明即可直接使用。",
                    where, clause.id))
            elif name in owners:
                found.add(docs[clause.id].problem(
                    f"字段 {name} 已在条款 {owners[name]} 中声明。一个字段名在全库只声明一次：两处是同一个值的，"
                    f"把声明移到 {FIELDS_FILE}；不是同一个值的，给其中一个改名。", where, clause.id))
            else:
                owners[name] = clause.id
    return owners


def _token_problems(clause: Clause, text: str, registries: Registries, owners: dict[str, str],
                    referable: dict[str, Clause | None], used: set[str]) -> Iterator[str]:
    if text_syntax.problems(text):
        return  # reported with the syntax
    for tokens in (run for line in text_syntax.parse(text) for run in line.runs):
        for position, token in enumerate(tokens):
            if isinstance(token, FieldToken):
                spec = clause.fields.get(token.name) or registries.fields.get(token.name)
                if spec is None:
                    yield _undeclared(token.name, clause, registries, owners)
                    continue
                used.add(token.name)
                before = tokens[position - 1].text if position and isinstance(tokens[position - 1], Text) else ""
                after = tokens[position + 1].text if position + 1 < len(tokens) and isinstance(tokens[position + 1], Text) else ""
                yield from _placement_problems(spec, before, after)
            elif isinstance(token, RefToken):
                if token.target == clause.id:
                    yield f"[[{token.target}]] 引用的是本条款自己：请直接写“本条”或“本条第X款”。"
                elif token.target not in referable:
                    yield (f"引用的条款 {token.target} 不存在。{closest(token.target, referable)}"
                           "请核对 id（即 clauses/ 下的文件名，不含 .yml）。")
            elif isinstance(token, GroundsToken) and token.right not in registries.rights:
                yield f"[[grounds:{token.right}]]：未知权利 {token.right}。权利 id 必须在 data/rights.yml 中登记。"


def _undeclared(name: str, clause: Clause, registries: Registries, owners: dict[str, str]) -> str:
    if name in owners:
        return (f"字段 {name} 声明在条款 {owners[name]} 中，只能在那个条款使用。多个条款共用一个字段时，"
                f"把声明移到 {FIELDS_FILE}。")
    hint = closest(name, [*clause.fields, *registries.fields, *owners])
    return (f"字段 {name} 没有声明。请在本条款的 fields 中（只有本条款用）或在 {FIELDS_FILE} 中（多个条款共用）"
            f"写明它的 label、type 和建议值。{hint}")


def _placement_problems(spec: FieldSpec, before: str, after: str) -> Iterator[str]:
    """The words around a field agree with its type, so the value reads right when it is filled in."""
    if spec.type in UNIT_TYPES and not after.startswith(spec.unit):
        yield f"字段 {spec.name} 的单位是“{spec.unit}”，正文中应紧跟在【{spec.name}】后面写“{spec.unit}”。"
    if spec.type == "percent" and not after.startswith("%"):
        yield f"字段 {spec.name} 是百分比，正文中应写作【{spec.name}】%。"
    if spec.type == "money" and (before.endswith("人民币") or after.startswith("元")):
        yield (f"字段 {spec.name} 是金额，填入后自动写成“人民币X元（大写：……）”：正文中不要在它前面写“人民币”、"
               "后面写“元”或大写。")


def _term_problems(clause: Clause, text: str, registries: Registries) -> Iterator[str]:
    for term in registries.terms:
        for word in term.avoid:
            if word in text:
                yield f"用了“{word}”：本库统一写“{term.term}”。{term.why}（见 data/terms.yml）"


def definition_pattern(term: str) -> re.Pattern:
    """Where a line defines `term`: 本合同所称“X”是指, “X”是指, （十）X：指, X是指 (X not the tail of a longer word)."""
    quoted = re.escape(term)
    return re.compile(rf"(?:本合同所称|本合同中的?)“?{quoted}”?[，,]?是?指|“{quoted}”[，,]?是?指"
                      rf"|(?<![\u4e00-\u9fff]){quoted}(?:[：:，,]是?指|是指)")


def _check_definitions(clauses: dict[str, Clause], docs: dict[str, YamlDocument], found: ProblemLog) -> None:
    """A defined term is defined only by a clause that declares it in `defines` (a definitions clause);
    two such clauses may exist (the full and the short form), and a contract takes one of them."""
    definers: dict[str, str] = {}
    for clause in clauses.values():
        for term in clause.defines:
            definers.setdefault(term, clause.id)
    patterns = {term: definition_pattern(term) for term in definers}
    for clause in clauses.values():
        for stance, text in clause.texts.items():
            for term, pattern in patterns.items():
                if term not in clause.defines and any(pattern.search(line) for line in text.splitlines()):
                    found.add(docs[clause.id].problem(
                        f"这里又定义了术语“{term}”，它已在条款 {definers[term]} 中定义。请删除这里的定义，直接使用该术语；"
                        "确需不同含义的，换一个词并在定义条款中定义。", ("text", stance), clause.id))
