"""What the contract builder (起草合同) needs of a contract, as JSON: its choices, its fields with their
suggestions and reasons, and the document itself – every option of every choice under its condition,
every field as a name – so the browser can show the contract filled in while the reader types.

The Word file the builder fills is the template `contract_docx` writes from the same assembly
(`assemble_template`), so the builder's download, `python -m clause_library fill` and the site's Word
edition are one document: tests compare them.
"""

from __future__ import annotations

import json

from clause_library.assembly import AssembledContract, Block, Paragraph, Run
from clause_library.assembly.assemble import assemble_template, choice_tag, field_tag
from clause_library.export.text import CLOSING
from clause_library.model import Contract, Library
from clause_library.render import paths
from clause_library.render.contract import page_title


def _run(run: Run) -> dict:
    out: dict = {"f": run.field} if run.state == "template" else {"x": run.text}
    if run.bold:
        out["b"] = 1
    if run.target:
        out["r"] = run.target
    return out


def _block(block: Block) -> dict:
    if isinstance(block, Paragraph):
        return {"p": [_run(r) for r in block.runs], **({"c": block.condition} if block.condition else {})}
    return {"t": [[[_run(r) for r in cell] for cell in row] for row in block.rows]}


def _choices(library: Library, contract: Contract) -> list[dict]:
    out = []
    for part in (*contract.articles, *contract.annexes):
        choice = part.choice
        if choice is None:
            continue
        if choice.optional:
            options = [{"value": "yes", "title": f"包含“{part.heading}”", "tag": choice_tag(choice.id, "yes")},
                       {"value": "no", "title": f"不包含“{part.heading}”", "tag": None}]
        else:
            options = [{"value": p.clause.id, "title": p.clause.title, "summary": p.clause.summary,
                        "url": paths.clause_url(p.clause.id), "tag": choice_tag(choice.id, p.clause.id)}
                       for p in (part, *part.alternatives)]
        out.append({"id": choice.id, "label": choice.label, "default": choice.default, "options": options})
    return out


def draft_document(library: Library, contract: Contract) -> dict:
    doc: AssembledContract = assemble_template(library, contract)
    stance = contract.stance
    fields = {}
    for use in doc.fields:
        spec = use.spec
        fields[spec.name] = {
            "tag": field_tag(spec.name), "label": spec.label, "type": spec.type, "unit": spec.unit,
            "options": list(spec.options) or None, "party": spec.party, "help": spec.help,
            "suggested": contract.values.get(spec.name, spec.suggestion(stance)),
            "rationale": spec.why(stance), "where": list(use.sections),
        }
    return {
        "id": contract.id, "title": doc.title, "page_title": page_title(library, contract),
        "description": contract.description, "stance": library.stance(stance).name,
        "signatories": list(contract.signatories),
        "template": paths.draft_template(contract.id), "page": paths.contract_url(contract.id),
        "choices": _choices(library, contract), "fields": fields,
        "notice": [_block(b) for b in doc.notice], "parties": [_block(b) for b in doc.parties],
        "recitals": [_block(b) for b in doc.recitals], "closing": CLOSING,
        "sections": [{"anchor": s.anchor, "kind": s.kind, "title": s.title, "condition": s.condition,
                      "clause": s.part.clause.id, "url": paths.clause_url(s.part.clause.id),
                      "why": s.part.clause.annotations.why, "blocks": [_block(b) for b in s.blocks]}
                     for s in doc.sections],
        "signature": [[[_run(r) for r in cell] for cell in row] for row in doc.signature],
    }


def draft_json(library: Library, contract: Contract) -> bytes:
    return json.dumps(draft_document(library, contract), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def drafts_index_json(library: Library) -> bytes:
    """The contracts the builder offers, for its first step: pick one, or answer three questions."""
    entries = [{"id": c.id, "title": page_title(library, c), "description": c.description, "stance": c.stance,
                "platforms": None if c.platforms is None else [p.id for p in c.platforms],
                "signatories": list(c.signatories), "articles": len(c.articles),
                "data": paths.draft_data(c.id)} for c in library.contracts.values()]
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
