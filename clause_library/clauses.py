"""Clause files: find them, check each against the schema and the registries, build Clause objects."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from clause_library import text_syntax
from clause_library.consistency import definition_pattern
from clause_library.fields import field_spec
from clause_library.model import (
    Annotations, Category, ChangeEntry, Citation, Clause, FieldSpec, Grant, Platform, PlatformNote, PlaybookEntry,
)
from clause_library.platform_facts import fact_problems
from clause_library.problems import Problem, ProblemLog
from clause_library.registries import valid_date
from clause_library.schema_check import schema_problems
from clause_library.yaml_source import YamlDocument

CLAUSES_DIR = "clauses"
_NOTE_FIELDS = ("note", "as_of", "source", "certainty", "source_date")
DEFAULT_ORDER = 999

# Clause text is Chinese contract prose. These platform metric acronyms are the only Latin
# letters allowed in it, because platforms name their metrics with them (e.g. 抖店「IM平均响应时长」).
ALLOWED_LATIN = {"IM", "DSR", "API"}
_LATIN_WORD = re.compile(r"[A-Za-z]+")


class ClauseBuilder:
    """Checks one clause file against the registries and builds the Clause if it is sound."""

    def __init__(self, doc: YamlDocument, registries, found: ProblemLog):
        self.doc = doc
        self.categories, self.stances, self.platforms = registries.categories, registries.stances, registries.platforms
        self.laws = registries.laws
        self.rights = registries.rights
        self.found = found
        self.ok = True
        self.id: str | None = None

    def problem(self, message: str, *path) -> None:
        self.ok = False
        self.found.add(self.doc.problem(message, tuple(path), self.id))

    def build(self) -> Clause | None:
        doc, data = self.doc, self.doc.data
        if data is None:
            self.problem("文件是空的。请参照 CONTRIBUTING.md 中的示例填写条款，或用 python -m clause_library new 生成模板。")
            return None
        if not isinstance(data, dict):
            self.problem(f"文件顶层应是“字段: 值”的映射（id、title、text ……），实际是{'列表' if isinstance(data, list) else '一段文本'}。")
            return None
        self.id = data["id"] if isinstance(data.get("id"), str) else None
        problems = schema_problems(doc, "clause.schema.json", item=self.id)
        if problems:
            self.ok = False
            self.found.add(problems)
        self._check_identity(data)
        category = self._category(data)
        platforms = self._platforms(data)
        texts = self._texts(data)
        fields = self._fields(data)
        grants = self._grants(data, texts)
        self._check_defines(data, texts)
        citations = self._citations(data)
        notes = self._platform_notes(data)
        self._check_dates(data)
        self._check_prose_citations()
        if not self.ok:
            return None
        ann = data["annotations"]
        return Clause(
            id=data["id"], title=data["title"].strip(), category=category, summary=data["summary"].strip(),
            order=data.get("order", DEFAULT_ORDER), platforms=platforms, texts=texts,
            annotations=Annotations(ann["why"].strip(), ann["risks"].strip(),
                                    tuple(PlaybookEntry(p["ask"].strip(), p["answer"].strip()) for p in ann["playbook"]),
                                    ann.get("red_line", "").strip() or None),
            legal_basis=citations, platform_notes=notes, related=tuple(data["related"]),
            tags=tuple(data["tags"]),
            changelog=tuple(sorted((ChangeEntry(c["date"], c["change"]) for c in data["changelog"]),
                                   key=lambda c: c.date, reverse=True)),
            source_path=doc.relpath, fields=fields, grants=grants, defines=tuple(data.get("defines", ())),
        )

    def _check_identity(self, data: dict) -> None:
        stem = self.doc.path.stem
        if self.id is not None and self.id != stem:
            self.problem(f"条款 id“{self.id}”与文件名“{self.doc.path.name}”不一致。"
                         f"请把文件改名为 {self.id}.yml，或把 id 改为 {stem}。", "id")

    def _category(self, data: dict) -> Category | None:
        value = data.get("category")
        if not isinstance(value, str):
            return None
        category = next((c for c in self.categories if c.id == value), None)
        if category is None:
            known = "、".join(c.id for c in self.categories)
            self.problem(f"未知类别 {value}。类别必须是 data/categories.yml 中登记的 id 之一：{known}。", "category")
        folder = self.doc.path.parent.name
        if value != folder:
            self.problem(f"类别 {value} 与所在文件夹 clauses/{folder}/ 不一致。请把文件移到 clauses/{value}/，"
                         f"或把 category 改为 {folder}。", "category")
        return category

    def _platforms(self, data: dict) -> tuple[Platform, ...] | None:
        value = data.get("platforms")
        if not isinstance(value, list):
            return None
        known = {p.id: p for p in self.platforms}
        for index, platform_id in enumerate(value):
            if isinstance(platform_id, str) and platform_id not in known:
                self.problem(f"未知平台 {platform_id}。可用的平台 id：{'、'.join(known)}；适用于所有平台请写 all。",
                             "platforms", index)
        return tuple(known[p] for p in value if isinstance(p, str) and p in known)

    def _texts(self, data: dict) -> dict[str, str]:
        value = data.get("text")
        if not isinstance(value, dict):
            return {}
        known = [s.id for s in self.stances]
        for stance_id, text in value.items():
            if stance_id not in known:
                self.problem(f"未知立场 {stance_id}。立场只能是：{'、'.join(known)}（见 data/stances.yml）。",
                             "text", stance_id)
                continue
            if not isinstance(text, str):
                continue
            if not text.strip():
                self.problem("条款文本不能为空。", "text", stance_id)
            for message in text_syntax.problems(text):
                self.problem(message, "text", stance_id)
            latin = sorted({w for w in _LATIN_WORD.findall(text_syntax.prose(text)) if w not in ALLOWED_LATIN})
            if latin:
                self.problem(f"条款文本中出现英文“{'、'.join(latin)}”：合同正文请用中文表述"
                             f"（平台指标名中的 {'、'.join(sorted(ALLOWED_LATIN))} 除外）。", "text", stance_id)
        if ("party_a" in value) != ("party_b" in value):
            missing = "party_b（乙方友好）" if "party_a" in value else "party_a（甲方友好）"
            self.problem(f"只写了一方的立场版本，缺少 {missing}。双方利益有分歧时两个版本都要写；"
                         "没有分歧时只保留 neutral。", "text")
        return {s: value[s].strip() for s in known if isinstance(value.get(s), str) and value[s].strip()}

    def _fields(self, data: dict) -> dict[str, FieldSpec]:
        fields = {}
        stance_ids = [s.id for s in self.stances]
        for name, raw in (data.get("fields") or {}).items():
            spec = field_spec(name, raw, self.id or "", stance_ids,
                              lambda message, *path, _name=name: self.problem(message, "fields", _name, *path))
            if spec:
                fields[name] = spec
        return fields

    def _grants(self, data: dict, texts: dict[str, str]) -> tuple[Grant, ...]:
        grants = []
        for index, raw in enumerate(data.get("grants") or ()):
            if raw["right"] not in self.rights:
                self.problem(f"未知权利 {raw['right']}。权利 id 必须在 data/rights.yml 中登记：{'、'.join(self.rights)}。",
                             "grants", index, "right")
            stances = tuple(raw.get("stances") or texts)
            for stance in stances:
                if stance not in texts:
                    self.problem(f"本条款没有 {stance} 版本，不能由它授予权利。", "grants", index, "stances")
            for message in text_syntax.problems(raw["ground"]):
                self.problem(message, "grants", index, "ground")
            grants.append(Grant(raw["right"], raw["ground"].strip(), stances))
        return tuple(grants)

    def _check_defines(self, data: dict, texts: dict[str, str]) -> None:
        for index, term in enumerate(data.get("defines") or ()):
            pattern = definition_pattern(term)
            for stance, text in texts.items():
                if not pattern.search(text):
                    self.problem(f"声明定义了术语“{term}”，但 {stance} 版本正文中没有它的定义"
                                 f"（写作“{term}”，是指……）。", "defines", index)

    def _citations(self, data: dict) -> tuple[Citation, ...]:
        return self.laws.resolve(data.get("legal_basis"), self.problem)

    def _platform_notes(self, data: dict) -> tuple[PlatformNote, ...]:
        value = data.get("platform_notes", [])
        if not isinstance(value, list):
            return ()
        known = {p.id: p for p in self.platforms}
        notes = []
        for index, raw in enumerate(value):
            if not isinstance(raw, dict) or not isinstance(raw.get("platform"), str):
                continue
            platform = known.get(raw["platform"])
            if platform is None:
                self.problem(f"未知平台 {raw['platform']}。可用的平台 id：{'、'.join(known)}。",
                             "platform_notes", index, "platform")
            elif all(isinstance(raw.get(k), str) for k in _NOTE_FIELDS):
                for message, key in fact_problems(raw, platform):
                    self.problem(message, "platform_notes", index, key)
                notes.append(PlatformNote(platform, raw["note"].strip(), raw["as_of"], raw["source"].strip(),
                                          raw["certainty"], raw["source_date"]))
        return tuple(notes)

    def _check_prose_citations(self) -> None:
        for message, path in self.laws.prose_problems(self.doc):
            self.problem(message, *path)

    def _check_dates(self, data: dict) -> None:
        today = datetime.date.today().isoformat()
        for field_name, key in (("platform_notes", "as_of"), ("changelog", "date")):
            entries = data.get(field_name)
            for index, raw in enumerate(entries if isinstance(entries, list) else []):
                value = raw.get(key) if isinstance(raw, dict) else None
                if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                    if not valid_date(value):
                        self.problem(f"{value} 不是有效日期。", field_name, index, key)
                    elif value > today:
                        self.problem(f"日期 {value} 晚于今天，请填写实际日期。", field_name, index, key)


def clause_files(root: Path, found: ProblemLog) -> list[Path]:
    base = root / CLAUSES_DIR
    files = []
    for path in sorted(base.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".yaml":
            found.add(Problem(rel, f"条款文件请使用 .yml 扩展名：请改名为 {path.stem}.yml。"))
        elif path.suffix != ".yml":
            found.add(Problem(rel, "clauses/ 下只放条款 YAML 文件（.yml）。"))
        elif path.parent.parent != base:
            found.add(Problem(rel, "条款文件应直接放在 clauses/<类别 id>/ 文件夹中。"))
        else:
            files.append(path)
    return files


def check_cross_references(clauses: dict[str, Clause], docs: dict[str, YamlDocument],
                           referable: dict[str, Clause | None], found: ProblemLog) -> None:
    for clause in clauses.values():
        doc = docs[clause.id]
        for index, other in enumerate(clause.related):
            if other == clause.id:
                found.add(doc.problem("related 中列出了条款自己。", ("related", index), clause.id))
            elif other not in referable:
                found.add(doc.problem(f"相关条款 {other} 不存在。请核对 id（即 clauses/ 下的文件名，不含 .yml）。",
                                      ("related", index), clause.id))
