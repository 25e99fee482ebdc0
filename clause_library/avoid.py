"""data/clauses-to-avoid.yml: terms to refuse, how to recognise them, and the clauses to use instead.

Every version of every library clause is read against every entry: a version that reads as a term the
list tells readers to refuse is an error, unless the entry names it as a deliberate exception, with a reason.
"""

from __future__ import annotations

import re
from pathlib import Path

from clause_library.citations import Laws
from clause_library.model import AvoidEntry, AvoidException, Clause, Recogniser
from clause_library.problems import ProblemLog
from clause_library.registries import read_registry
from clause_library.text_syntax import prose
from clause_library.yaml_source import YamlDocument

AVOID_FILE = "data/clauses-to-avoid.yml"
# What recognisers see in place of a fill-in (【3】, 【服务费金额】, 【notice-days】) and of a clause
# reference ([[liability-cap]]): the same placeholder whatever the blank's syntax, so a recogniser keeps
# working when clause text changes from suggested values to named fields.
FILL_IN_PLACEHOLDER = "〔填写项〕"
REFERENCE_PLACEHOLDER = "〔条款引用〕"
_SENTENCE_END = re.compile(r"(?<=[。！？])|\n")
_EXCERPT_CHARS = 80


def normalise_for_matching(text: str) -> str:
    """Clause text as recognisers read it: bold markers (**…**) dropped, every fill-in and every clause
    reference replaced by a fixed placeholder."""
    return prose(text, FILL_IN_PLACEHOLDER, REFERENCE_PLACEHOLDER)


def recognised_sentence(recogniser: Recogniser, text: str) -> str | None:
    """The first sentence of `text` that reads as the term, or None."""
    return _recognised_in_normalised(recogniser, normalise_for_matching(text))


def _recognised_in_normalised(recogniser: Recogniser, text: str) -> str | None:
    # A sentence is part of the text, so a text no pattern matches has no matching sentence:
    # one search over the whole text spares nearly every clause the sentence-by-sentence pass.
    if not any(p.search(text) for p in recogniser.patterns):
        return None
    if any(p.search(text) for p in recogniser.unless_in_text):
        return None
    for sentence in _SENTENCE_END.split(text):
        if (any(p.search(sentence) for p in recogniser.patterns)
                and not any(p.search(sentence) for p in recogniser.unless_in_sentence)):
            return sentence.strip()
    return None


def _excerpt(sentence: str) -> str:
    return sentence if len(sentence) <= _EXCERPT_CHARS else sentence[:_EXCERPT_CHARS] + "……"


def _compile_all(raw: dict, key: str, report) -> tuple[re.Pattern, ...]:
    compiled = []
    for position, pattern in enumerate(raw.get(key, [])):
        try:
            compiled.append(re.compile(pattern))
        except re.error as error:
            report(f"正则表达式无法编译（{error}）：{pattern}", "recognise", key, position)
    return tuple(compiled)


def _recogniser(raw: dict, report) -> Recogniser:
    return Recogniser(_compile_all(raw, "patterns", report), _compile_all(raw, "unless_in_sentence", report),
                      _compile_all(raw, "unless_in_text", report))


def _exceptions(raw: list, clauses: dict[str, Clause | None], report) -> tuple[AvoidException, ...]:
    exceptions = []
    for position, item in enumerate(raw):
        clause = clauses.get(item["clause"])
        if item["clause"] not in clauses:
            report(f"例外中的条款 {item['clause']} 不存在。请核对 id（即 clauses/ 下的文件名，不含 .yml）。",
                   "exceptions", position, "clause")
        elif clause is not None and item["stance"] not in clause.texts:
            report(f"条款 {item['clause']} 没有 {item['stance']} 版本（现有：{'、'.join(clause.texts)}）。",
                   "exceptions", position, "stance")
        exceptions.append(AvoidException(item["clause"], item["stance"], item["reason"].strip()))
    return tuple(exceptions)


def load_avoid_list(root: Path, laws: Laws, clauses: dict[str, Clause | None],
                    clause_docs: dict[str, YamlDocument], found: ProblemLog) -> tuple[AvoidEntry, ...]:
    """The avoid list; also reports every clause version that reads as one of its terms.

    `clauses` holds every clause id a file declares (None where the file has problems of its own);
    `clause_docs` the files of the valid ones, to point at the offending version's line."""
    doc = read_registry(root, "clauses-to-avoid", found, schema="avoid", optional=True)
    if doc is None:
        return ()
    for message, path in laws.prose_problems(doc):
        found.add(doc.problem(message, path))
    versions = [(clause, stance, normalise_for_matching(text))
                for clause in clauses.values() if clause is not None for stance, text in clause.texts.items()]
    entries = []
    seen: set[str] = set()
    for index, raw in enumerate(doc.data):
        if raw["id"] in seen:
            found.add(doc.problem(f"id {raw['id']} 重复。", (index, "id"), raw["id"]))
        seen.add(raw["id"])

        def report(message: str, *path, _index=index, _id=raw["id"]) -> None:
            found.add(doc.problem(message, (_index, *path), _id))
        citations = laws.resolve(raw["legal_basis"], report)
        for position, clause_id in enumerate(raw["instead"]):
            if clause_id not in clauses:
                report(f"应改用的条款 {clause_id} 不存在。请核对 id（即 clauses/ 下的文件名，不含 .yml）。",
                       "instead", position)
        recogniser = _recogniser(raw["recognise"], report)
        if recognised_sentence(recogniser, raw["example"]) is None:
            report("recognise 认不出本条自己的 example。请调整 patterns（逐句匹配，句子以“。！？”或换行分隔；"
                   f"填写项匹配时替换为“{FILL_IN_PLACEHOLDER}”），或检查 unless 是否排除了它。", "recognise")
        entry = AvoidEntry(raw["id"], raw["title"].strip(), raw["example"].strip(), raw["why"].strip(),
                           citations, tuple(raw["instead"]), recogniser,
                           _exceptions(raw.get("exceptions", []), clauses, report))
        _report_clause_versions(entry, versions, clause_docs, report, found)
        entries.append(entry)
    return tuple(entries)


def _report_clause_versions(entry: AvoidEntry, versions: list[tuple[Clause, str, str]],
                            clause_docs: dict[str, YamlDocument], report_on_entry, found: ProblemLog) -> None:
    """Each clause version (clause, stance, normalised text) that reads as the entry's term and is not
    a declared exception; and each declared exception that no longer reads as it."""
    excepted = {(e.clause_id, e.stance): position for position, e in enumerate(entry.exceptions)}
    for clause, stance, text in versions:
        sentence = _recognised_in_normalised(entry.recogniser, text)
        position = excepted.pop((clause.id, stance), None)
        if sentence is None and position is not None:
            report_on_entry(f"条款 {clause.id} 的 {stance} 版本已不再与本条相符，这条例外可以删除了。",
                            "exceptions", position)
        elif sentence is not None and position is None:
            found.add(clause_docs[clause.id].problem(
                f"这一版本与应避免的条款“{entry.title}”（{AVOID_FILE} 中的 {entry.id}）相符：“{_excerpt(sentence)}”。"
                f"请改写这一版本（可参照 {'、'.join(entry.instead)}）。确属有意保留的，在 {AVOID_FILE} 该条目的 "
                f"exceptions 下写明 clause: {clause.id}、stance: {stance} 和 reason（为什么保留）。",
                ("text", stance), clause.id))
