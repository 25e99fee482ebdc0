"""The registries in data/: categories, stances, platforms, the statutes that clauses may cite and
the repealed laws that nothing may cite."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import NamedTuple

from clause_library.citations import Laws
from clause_library.fields import FIELDS_FILE, field_spec
from clause_library.model import Category, FieldSpec, Platform, RepealedLaw, Right, Stance, Statute, Term
from clause_library.problems import Problem, ProblemLog
from clause_library.schema_check import schema_problems
from clause_library.yaml_source import YamlDocument, read_yaml

DATA_DIR = "data"


class Registries(NamedTuple):
    categories: tuple[Category, ...]
    stances: tuple[Stance, ...]
    platforms: tuple[Platform, ...]
    statutes: dict[str, Statute]
    repealed: dict[str, RepealedLaw]
    fields: dict[str, FieldSpec]  # the shared fields of data/fields.yml
    rights: dict[str, Right]
    terms: tuple[Term, ...]
    fields_doc: YamlDocument | None  # for messages about shared fields found later (unused, misused)

    @property
    def laws(self) -> Laws:
        return Laws(self.statutes, self.repealed)


def _numbers_as_text(data):
    """statutes.yml numbers articles with YAML integers; the schema checks mapping keys as text."""
    def law(value):
        if not isinstance(value, dict):
            return value
        value = {**value}
        if isinstance(value.get("articles"), dict):
            value["articles"] = {str(k): v for k, v in value["articles"].items()}
        renumbered = value.get("renumbered")
        if isinstance(renumbered, dict) and isinstance(renumbered.get("articles"), dict):
            value["renumbered"] = {**renumbered, "articles": {str(k): v for k, v in renumbered["articles"].items()}}
        return value
    return {law_id: law(value) for law_id, value in data.items()} if isinstance(data, dict) else data


def read_registry(root: Path, name: str, found: ProblemLog, schema: str | None = None,
                   optional: bool = False, keep_invalid: bool = False) -> YamlDocument | None:
    """The registry's document, or None if unusable. keep_invalid: schema problems are reported but the
    document is kept, for a registry whose reader skips the entries it cannot use (one mistyped field in
    data/fields.yml must not make every shared field undeclared)."""
    path = root / DATA_DIR / f"{name}.yml"
    if optional and not path.exists():
        return None
    if not path.is_file():
        found.add(Problem(f"{DATA_DIR}/{name}.yml", "登记表文件不存在。"))
        return None
    doc, problem = read_yaml(path, root)
    if problem:
        found.add(problem)
        return None
    if doc.data is None:
        found.add(doc.problem("文件是空的。"))
        return None
    data = _numbers_as_text(doc.data) if name == "statutes" else doc.data
    problems = schema_problems(doc, "registries.schema.json", schema or name, data)
    if problems:
        found.add(problems)
        if not keep_invalid:
            return None
    return doc


def _entries(doc: YamlDocument | None, found: ProblemLog, make) -> tuple:
    if doc is None:
        return ()
    ids: set[str] = set()
    entries = []
    for index, raw in enumerate(doc.data):
        if raw["id"] in ids:
            found.add(doc.problem(f"id {raw['id']} 重复登记。", (index, "id")))
        ids.add(raw["id"])
        entries.append(make(index, raw))
    return tuple(entries)


def _statutes(doc: YamlDocument | None, found: ProblemLog) -> dict[str, Statute]:
    if doc is None:
        return {}
    statutes = {}
    for law_id, raw in doc.data.items():
        articles = {int(k): v for k, v in raw["articles"].items()}
        renumbered = raw.get("renumbered") or {}
        old_numbers = {int(old): now for old, now in renumbered.get("articles", {}).items()}
        for old, now in old_numbers.items():
            if now not in articles:
                found.add(doc.problem(f"renumbered 把旧第{old}条对应到现行第{now}条，但第{now}条未在本法的 articles 中登记。"
                                      "请先读原文并登记现行条文，或删去这一对应。",
                                      (law_id, "renumbered", "articles", old), law_id))
        statutes[law_id] = Statute(law_id, raw["name"], raw["short_name"], raw["version"], raw["checked"], articles,
                                   tuple(raw["sources"]), renumbered.get("before"), old_numbers)
    return statutes


def _repealed(doc: YamlDocument | None, statutes: dict[str, Statute], found: ProblemLog) -> dict[str, RepealedLaw]:
    if doc is None:
        return {}
    in_force = {name: s for s in statutes.values() for name in (s.name, s.short_name)}
    repealed = {}
    for law_id, raw in doc.data.items():
        if law_id in statutes:
            found.add(doc.problem(f"id {law_id} 已在 data/statutes.yml 中登记为现行法规，不能同时登记为已废止。",
                                  (law_id,), law_id))
            continue
        clash = next((name for name in (raw["name"], raw["short_name"]) if name in in_force), None)
        if clash:
            found.add(doc.problem(f"名称“{clash}”与 data/statutes.yml 中的现行法规相同；已废止的法规须以能与现行法规区分的名称登记。",
                                  (law_id, "name" if clash == raw["name"] else "short_name"), law_id))
            continue
        for field in ("repealed", "checked"):
            if not valid_date(raw[field]):
                found.add(doc.problem(f"{raw[field]} 不是有效日期。", (law_id, field), law_id))
        repealed[law_id] = RepealedLaw(law_id, raw["name"], raw["short_name"], raw["repealed"], raw["superseded_by"],
                                       raw["successor_short_name"], raw["basis"], raw["source"], raw["checked"],
                                       raw.get("version"))
    return repealed


def load_registries(root: Path, found: ProblemLog) -> Registries:
    categories_doc = read_registry(root, "categories", found)
    categories = _entries(categories_doc, found, lambda i, r: Category(r["id"], r["name"], r["description"], i + 1))
    stances_doc = read_registry(root, "stances", found)
    stances = _entries(stances_doc, found, lambda i, r: Stance(r["id"], r["name"], r["description"]))
    if stances_doc and "neutral" not in {s.id for s in stances}:
        found.add(stances_doc.problem("必须登记 id 为 neutral 的中立立场：每个条款都要有中立文本。"))
    platforms_doc = read_registry(root, "platforms", found)
    platforms = _entries(platforms_doc, found, lambda i, r: Platform(r["id"], r["name"], r["operator"],
                                                                    tuple(r.get("official_domains", []))))
    statutes_doc = read_registry(root, "statutes", found)
    statutes = _statutes(statutes_doc, found)
    repealed_doc = read_registry(root, "repealed-laws", found, schema="repealed", optional=True)
    fields_doc = read_registry(root, "fields", found, optional=True, keep_invalid=True)
    fields = _shared_fields(fields_doc, [s.id for s in stances], found)
    rights_doc = read_registry(root, "rights", found, optional=True)
    rights = {r.id: r for r in _entries(rights_doc, found, lambda i, r: Right(r["id"], r["name"], r["description"]))}
    terms_doc = read_registry(root, "terms", found, optional=True)
    terms = tuple(Term(t["term"], tuple(t["avoid"]), t["why"]) for t in (terms_doc.data if terms_doc else []))
    registries = Registries(categories, stances, platforms, statutes, _repealed(repealed_doc, statutes, found),
                            fields, rights, terms, fields_doc)
    for doc in (categories_doc, stances_doc, platforms_doc, statutes_doc, repealed_doc, fields_doc, rights_doc,
                terms_doc):  # their text is shown too
        if doc is not None:
            found.add([doc.problem(message, path) for message, path in registries.laws.prose_problems(doc)])
    return registries


def _shared_fields(doc: YamlDocument | None, stance_ids: list[str], found: ProblemLog) -> dict[str, FieldSpec]:
    fields = {}
    for name, raw in (doc.data.items() if doc and isinstance(doc.data, dict) else ()):
        def report(message: str, *path, _name=name) -> None:
            found.add(doc.problem(f"字段 {_name}：{message}", (_name, *path)))
        spec = field_spec(name, raw, FIELDS_FILE, stance_ids, report)
        if spec:
            fields[name] = spec
    return fields


def valid_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True
