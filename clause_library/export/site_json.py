"""The library as JSON files that pages fetch only when a reader asks for them.

List pages copy a clause's text from its JSON; a contract page shows its notes from the contract's
JSON. Carrying all of that in the HTML would make those pages several times heavier for text most
readers never open. The files are also a stable, machine-readable form of the library.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from clause_library.assembly import assemble, clause_text
from clause_library.export.notes import article_note
from clause_library.model import Clause, Contract, Library
from clause_library.render import paths


def _dump(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def clause_json(library: Library, clause: Clause) -> bytes:
    ann = clause.annotations
    return _dump({
        "id": clause.id,
        "title": clause.title,
        "summary": clause.summary,
        "url": paths.clause_url(clause.id),
        "category": clause.category.id,
        "platforms": None if clause.platforms is None else [p.id for p in clause.platforms],
        "texts": {stance: clause_text(library, clause, stance) for stance in clause.texts},  # what copy buttons copy
        "markup": clause.texts,  # the YAML text, with its 【fields】 and [[references]]
        "stances": {stance_id: library.stance(stance_id).name for stance_id in clause.texts},
        "annotations": {"why": ann.why, "risks": ann.risks, "red_line": ann.red_line},
        "legal_basis": [{"label": c.label, "subject": c.subject, "note": c.note} for c in clause.legal_basis],
        "last_updated": clause.last_updated,
    })


def contract_notes_json(library: Library, contract: Contract) -> bytes:
    """One note per article and annex, keyed by the anchor of its heading on the contract page."""
    doc = assemble(library, contract)
    return _dump({"id": contract.id, "title": contract.title,
                  "notes": [asdict(article_note(library, s)) for s in doc.sections]})
