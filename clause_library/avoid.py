"""data/clauses-to-avoid.yml: terms to refuse, each pointing at the clauses to use instead."""

from __future__ import annotations

from pathlib import Path

from clause_library.model import AvoidEntry, Clause, Statute
from clause_library.problems import ProblemLog
from clause_library.registries import read_registry, resolve_citations, unregistered_prose_citations


def load_avoid_list(root: Path, statutes: dict[str, Statute], clauses: dict[str, Clause | None],
                     found: ProblemLog) -> tuple[AvoidEntry, ...]:
    doc = read_registry(root, "clauses-to-avoid", found, schema="avoid", optional=True)
    if doc is None:
        return ()
    for message, path in unregistered_prose_citations(doc, statutes):
        found.add(doc.problem(message, path))
    entries = []
    seen: set[str] = set()
    for index, raw in enumerate(doc.data):
        if raw["id"] in seen:
            found.add(doc.problem(f"id {raw['id']} 重复。", (index, "id"), raw["id"]))
        seen.add(raw["id"])

        def report(message: str, *path, _index=index, _id=raw["id"]) -> None:
            found.add(doc.problem(message, (_index, *path), _id))
        citations = resolve_citations(raw["legal_basis"], statutes, report)
        for position, clause_id in enumerate(raw["instead"]):
            if clause_id not in clauses:
                report(f"应改用的条款 {clause_id} 不存在。请核对 id（即 clauses/ 下的文件名，不含 .yml）。",
                       "instead", position)
        entries.append(AvoidEntry(raw["id"], raw["title"].strip(), raw["example"].strip(), raw["why"].strip(),
                                  citations, tuple(raw["instead"])))
    return tuple(entries)
