"""contracts/<id>.yml: sample contracts assembled from clause ids, never from copied text."""

from __future__ import annotations

from pathlib import Path

from clause_library.model import Clause, Contract, ContractPart, Platform, Stance
from clause_library.problems import ProblemLog
from clause_library.schema_check import valid_documents
from clause_library.yaml_source import YamlDocument

CONTRACTS_DIR = "contracts"
DEFAULT_ORDER = 999
DEFAULT_SIGNATORIES = ("甲方", "乙方")


class _ContractBuilder:
    def __init__(self, doc: YamlDocument, clauses: dict[str, Clause | None], stances: tuple[Stance, ...],
                 platforms: tuple[Platform, ...], found: ProblemLog):
        self.doc, self.clauses, self.found = doc, clauses, found
        self.stance_ids = [s.id for s in stances]
        self.platforms = {p.id: p for p in platforms}
        self.id = doc.data.get("id") if isinstance(doc.data.get("id"), str) else None
        self.ok = True

    def problem(self, message: str, *path) -> None:
        self.ok = False
        self.found.add(self.doc.problem(message, tuple(path), self.id))

    def part(self, raw: dict, default_stance: str, *path) -> ContractPart | None:
        clause = self.clauses.get(raw["clause"])
        if clause is None and raw["clause"] in self.clauses:  # exists, with problems of its own
            self.ok = False
            return None
        if clause is None:
            self.problem(f"合同引用的条款 {raw['clause']} 不存在。请核对 id（即 clauses/ 下的文件名，不含 .yml）。",
                         *path, "clause")
            return None
        stance = raw.get("stance")
        if stance is not None and stance not in clause.texts:
            self.problem(f"条款 {clause.id} 没有 {stance} 版本；可用的版本：{'、'.join(clause.texts)}。", *path, "stance")
            return None
        # The contract's stance where the clause has that version; otherwise the neutral text.
        chosen = stance or (default_stance if default_stance in clause.texts else "neutral")
        return ContractPart(clause, chosen, (raw.get("title") or clause.title).strip())

    def build(self) -> Contract | None:
        data = self.doc.data
        if self.id is not None and self.id != self.doc.path.stem:
            self.problem(f"合同 id“{self.id}”与文件名“{self.doc.path.name}”不一致。", "id")
        if data["stance"] not in self.stance_ids:
            self.problem(f"未知立场 {data['stance']}。立场只能是：{'、'.join(self.stance_ids)}。", "stance")
        platforms = None
        if isinstance(data["platforms"], list):
            for index, platform_id in enumerate(data["platforms"]):
                if platform_id not in self.platforms:
                    self.problem(f"未知平台 {platform_id}。", "platforms", index)
            platforms = tuple(self.platforms[p] for p in data["platforms"] if p in self.platforms)
        parties = self.part(data["parties"], data["stance"], "parties")
        articles = [self.part(raw, data["stance"], "articles", i) for i, raw in enumerate(data["articles"])]
        annexes = [self.part(raw, data["stance"], "annexes", i) for i, raw in enumerate(data["annexes"])]
        seen: dict[str, str] = {}
        for section, items in (("articles", data["articles"]), ("annexes", data["annexes"])):
            for index, raw in enumerate(items):
                if raw["clause"] in seen:
                    self.problem(f"条款 {raw['clause']} 在本合同中出现了两次（另一处：{seen[raw['clause']]}）。",
                                 section, index, "clause")
                seen[raw["clause"]] = f"{section}[{index}]"
        if not self.ok:
            return None
        return Contract(
            id=data["id"], title=data["title"].strip(), description=data["description"].strip(),
            order=data.get("order", DEFAULT_ORDER), stance=data["stance"], platforms=platforms,
            summary=tuple((s["label"].strip(), s["value"].strip()) for s in data["summary"]),
            parties=parties, signatories=tuple(data.get("signatories", DEFAULT_SIGNATORIES)),
            recitals=data["recitals"].strip(), articles=tuple(articles), annexes=tuple(annexes),
            last_updated=max(c["date"] for c in data["changelog"]), source_path=self.doc.relpath,
        )


def load_contracts(root: Path, clauses: dict[str, Clause | None], stances: tuple[Stance, ...],
                   platforms: tuple[Platform, ...], found: ProblemLog) -> dict[str, Contract]:
    contracts = []
    for doc in valid_documents(root, CONTRACTS_DIR, "contract.schema.json", "合同", found):
        contract = _ContractBuilder(doc, clauses, stances, platforms, found).build()
        if contract:
            contracts.append(contract)
    return {c.id: c for c in sorted(contracts, key=lambda c: (c.order, c.id))}
