"""contracts/<id>.yml: sample contracts assembled from clause ids, never from copied text."""

from __future__ import annotations

from pathlib import Path

from clause_library.assembly import assemble
from clause_library.citations import Laws
from clause_library.model import Choice, Clause, Contract, ContractPart, Library, Platform, Stance
from clause_library.problems import ProblemLog
from clause_library.schema_check import valid_documents
from clause_library.yaml_source import YamlDocument

CONTRACTS_DIR = "contracts"
DEFAULT_ORDER = 999
DEFAULT_SIGNATORIES = ("甲方", "乙方")


class _ContractBuilder:
    def __init__(self, doc: YamlDocument, clauses: dict[str, Clause | None], stances: tuple[Stance, ...],
                 platforms: tuple[Platform, ...], laws: Laws, found: ProblemLog):
        self.doc, self.clauses, self.laws, self.found = doc, clauses, laws, found
        self.stance_ids = [s.id for s in stances]
        self.platforms = {p.id: p for p in platforms}
        self.id = doc.data.get("id") if isinstance(doc.data.get("id"), str) else None
        self.ok = True
        self.choice_ids: set[str] = set()

    def problem(self, message: str, *path) -> None:
        self.ok = False
        self.found.add(self.doc.problem(message, tuple(path), self.id))

    def clause(self, clause_id: str, *path) -> Clause | None:
        clause = self.clauses.get(clause_id)
        if clause is None and clause_id in self.clauses:  # exists, with problems of its own
            self.ok = False
        elif clause is None:
            self.problem(f"合同引用的条款 {clause_id} 不存在。请核对 id（即 clauses/ 下的文件名，不含 .yml）。", *path)
        return clause

    def part(self, raw: dict, default_stance: str, *path) -> ContractPart | None:
        clause = self.clause(raw["clause"], *path, "clause")
        if clause is None:
            return None
        stance = raw.get("stance")
        if stance is not None and stance not in clause.texts:
            self.problem(f"条款 {clause.id} 没有 {stance} 版本；可用的版本：{'、'.join(clause.texts)}。", *path, "stance")
            return None
        for index, other in enumerate(raw.get("stands_in_for", ())):
            if other not in self.clauses:
                self.problem(f"stands_in_for 中的条款 {other} 不存在。", *path, "stands_in_for", index)
        heading = (raw.get("title") or clause.title).strip()
        choice, alternatives = self.choice(raw, clause, default_stance, *path)
        return ContractPart(clause, self.stance_for(clause, stance, default_stance), heading,
                            tuple(raw.get("stands_in_for", ())), choice, alternatives)

    @staticmethod
    def stance_for(clause: Clause, stance: str | None, default_stance: str) -> str:
        # The contract's stance where the clause has that version; otherwise the neutral text.
        return stance or (default_stance if default_stance in clause.texts else "neutral")

    def choice(self, raw: dict, clause: Clause, default_stance: str, *path) -> tuple[Choice | None, tuple]:
        spec = raw.get("alternatives") or raw.get("optional")
        if spec is None:
            return None, ()
        key = "alternatives" if "alternatives" in raw else "optional"
        if key == "alternatives" and not raw.get("title"):
            self.problem("有备选条款的一条要写 title（例如“服务费”“争议解决”）：无论读者选哪一个，条文标题和"
                         "其他条款对它的引用都一样。", *path, "title")
        if spec["choice"] in self.choice_ids:
            self.problem(f"选项 id {spec['choice']} 在本合同中用了两次。", *path, key, "choice")
        self.choice_ids.add(spec["choice"])
        if key == "optional":
            return Choice(spec["choice"], spec["label"].strip(), (clause.id,),
                          "yes" if spec.get("included", True) else "no", optional=True), ()
        alternatives = []
        for index, other_id in enumerate(spec["clauses"]):
            other = self.clause(other_id, *path, key, "clauses", index)
            if other is None:
                continue
            if other_id == clause.id:
                self.problem(f"{other_id} 已是本条的默认条款，不必再列为备选。", *path, key, "clauses", index)
            heading = (raw.get("title") or other.title).strip()
            alternatives.append(ContractPart(other, self.stance_for(other, None, default_stance), heading,
                                             tuple(raw.get("stands_in_for", ()))))
        options = (clause.id, *(p.clause.id for p in alternatives))
        return Choice(spec["choice"], spec["label"].strip(), options, clause.id), tuple(alternatives)

    def build(self) -> Contract | None:
        data = self.doc.data
        if self.id is not None and self.id != self.doc.path.stem:
            self.problem(f"合同 id“{self.id}”与文件名“{self.doc.path.name}”不一致。", "id")
        for message, path in self.laws.prose_problems(self.doc):  # title, description, summary, recitals …
            self.problem(message, *path)
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
                spec = raw.get("alternatives") or {}
                for clause_id in (raw["clause"], *spec.get("clauses", ())):
                    if clause_id in seen and seen[clause_id] != f"{section}[{index}]":
                        self.problem(f"条款 {clause_id} 在本合同中出现了两次（另一处：{seen[clause_id]}）。",
                                     section, index, "clause")
                    seen[clause_id] = f"{section}[{index}]"
        if not self.ok:
            return None
        return Contract(
            id=data["id"], title=data["title"].strip(), description=data["description"].strip(),
            order=data.get("order", DEFAULT_ORDER), stance=data["stance"], platforms=platforms,
            summary=tuple((s["label"].strip(), s["value"].strip()) for s in data["summary"]),
            parties=parties, signatories=tuple(data.get("signatories", DEFAULT_SIGNATORIES)),
            recitals=data["recitals"].strip(), articles=tuple(articles), annexes=tuple(annexes),
            last_updated=max(c["date"] for c in data["changelog"]), source_path=self.doc.relpath,
            values=dict(data.get("values") or {}), compare_to=data.get("compare_to"),
        )


def load_contracts(root: Path, clauses: dict[str, Clause | None], stances: tuple[Stance, ...],
                   platforms: tuple[Platform, ...], laws: Laws,
                   found: ProblemLog) -> tuple[dict[str, Contract], dict[str, YamlDocument]]:
    """The contracts, in display order, and the document each came from (for later checks' messages)."""
    contracts, docs = [], {}
    for doc in valid_documents(root, CONTRACTS_DIR, "contract.schema.json", "合同", found):
        contract = _ContractBuilder(doc, clauses, stances, platforms, laws, found).build()
        if contract:
            contracts.append(contract)
            docs[contract.id] = doc
    return {c.id: c for c in sorted(contracts, key=lambda c: (c.order, c.id))}, docs


def check_contracts(library: Library, docs: dict[str, YamlDocument], found: ProblemLog) -> None:
    """Assemble each contract – with its defaults and with every option of every choice it offers – and
    report what keeps it from being one document. Each problem is reported once."""
    for contract in library.contracts.values():
        doc, seen = docs[contract.id], set()
        base = library.contracts.get(contract.compare_to) if contract.compare_to else None
        if contract.compare_to and (base is None or base.stance != "neutral" or contract.stance == "neutral"):
            found.add(doc.problem(f"compare_to 应是另一份中立合同的 id，且本合同应是立场版（甲方友好或乙方友好）；"
                                  f"实际是 {contract.compare_to}。", ("compare_to",), contract.id))

        def report(message: str, *path, _doc=doc, _id=contract.id, _seen=seen) -> None:
            if (message, path) not in _seen:
                _seen.add((message, path))
                found.add(_doc.problem(message, path, _id))

        variants: list[dict] = [{}]
        for choice in contract.choices:
            options = ("yes", "no") if choice.optional else choice.options
            variants += [{choice.id: option} for option in options if option != choice.default]
        for choices in variants:
            assemble(library, contract, choices=choices, report=report)
        for index, part in enumerate(contract.articles):
            _check_alternatives(library, part, ("articles", index), report)


def _check_alternatives(library: Library, part: ContractPart, path: tuple, report) -> None:
    """Alternatives replace one article in place, so no other article may depend on which one is
    chosen: they grant no rights that other articles list."""
    options = (part, *part.alternatives)
    if len(options) < 2:
        return
    for option in options:
        if any(option.stance in grant.stances for grant in option.clause.grants):
            report(f"备选条款 {option.clause.id} 授予了由其他条文规定行使方式的权利（grants）：选择不同的备选条款会改变"
                   "其他条文的内容。请把这项权利写在不随选择变化的条款中。", *path)

