"""The registries in data/: categories, stances, platforms and the statutes that clauses may cite."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from clause_library.model import Category, Citation, Platform, Stance, Statute
from clause_library.problems import Problem, ProblemLog
from clause_library.schema_check import schema_problems
from clause_library.yaml_source import YamlDocument, read_yaml

DATA_DIR = "data"


class Registries(NamedTuple):
    categories: tuple[Category, ...]
    stances: tuple[Stance, ...]
    platforms: tuple[Platform, ...]
    statutes: dict[str, Statute]


def read_registry(root: Path, name: str, found: ProblemLog, schema: str | None = None,
                   optional: bool = False) -> YamlDocument | None:
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
    data = doc.data
    if name == "statutes" and isinstance(data, dict):  # article numbers are YAML integers
        data = {law: ({**v, "articles": {str(k): a for k, a in v["articles"].items()}}
                      if isinstance(v, dict) and isinstance(v.get("articles"), dict) else v)
                for law, v in data.items()}
    problems = schema_problems(doc, "registries.schema.json", schema or name, data)
    if problems:
        found.add(problems)
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


def load_registries(root: Path, found: ProblemLog) -> Registries:
    categories = _entries(read_registry(root, "categories", found), found,
                          lambda i, r: Category(r["id"], r["name"], r["description"], i + 1))
    stances_doc = read_registry(root, "stances", found)
    stances = _entries(stances_doc, found, lambda i, r: Stance(r["id"], r["name"], r["description"]))
    if stances_doc and "neutral" not in {s.id for s in stances}:
        found.add(stances_doc.problem("必须登记 id 为 neutral 的中立立场：每个条款都要有中立文本。"))
    platforms = _entries(read_registry(root, "platforms", found), found,
                         lambda i, r: Platform(r["id"], r["name"], r["operator"]))
    statutes_doc = read_registry(root, "statutes", found)
    statutes = {}
    if statutes_doc:
        for law_id, raw in statutes_doc.data.items():
            statutes[law_id] = Statute(law_id, raw["name"], raw["short_name"], raw["version"],
                                       raw["checked"], {int(k): v for k, v in raw["articles"].items()})
    return Registries(categories, stances, platforms, statutes)


def valid_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def resolve_citations(value: Any, statutes: dict[str, Statute], report) -> tuple[Citation, ...]:
    """Citations that the statutes registry holds; report(message, *path) for each that it does not."""
    if not isinstance(value, list):
        return ()
    citations = []
    for index, ref in enumerate(value):
        if not isinstance(ref, dict) or not isinstance(ref.get("law"), str) or not isinstance(ref.get("article"), int):
            continue
        statute = statutes.get(ref["law"])
        if statute is None:
            report(f"未知法律 {ref['law']}。只能引用 data/statutes.yml 中登记的法律：{'、'.join(statutes)}。",
                   "legal_basis", index, "law")
        elif ref["article"] not in statute.articles:
            report(f"《{statute.short_name}》第{ref['article']}条未在 data/statutes.yml 中登记。"
                   "请核对条号（注意近年重新编号的法律）；确需引用时，先读原文并在登记表中登记该条。",
                   "legal_basis", index, "article")
        else:
            citations.append(Citation(statute, ref["article"], (ref.get("note") or "").strip() or None))
    return tuple(citations)


_ANY_ARTICLE = re.compile(r"第\s*\d+\s*条")


def prose_citations(text: str, statutes: dict[str, Statute]) -> list[tuple[Statute, int]]:
    """Articles a sentence names as 《短名》第N条 or 短名第N条 (Arabic numerals)."""
    if not _ANY_ARTICLE.search(text):  # most strings name no article: skip building the pattern's names
        return []
    by_name = {statute.short_name: statute for statute in statutes.values()}
    return [(by_name[m.group(1)], int(m.group(2))) for m in _citation_pattern(tuple(by_name)).finditer(text)]


@lru_cache(maxsize=8)
def _citation_pattern(short_names: tuple[str, ...]) -> re.Pattern:
    names = "|".join(re.escape(name) for name in sorted(short_names, key=len, reverse=True))
    return re.compile(rf"({names})》?\s*第\s*(\d+)\s*条")


def unregistered_prose_citations(doc: YamlDocument, statutes: dict[str, Statute]) -> Iterator[tuple[str, tuple]]:
    """(message, path) for every article named in a file's prose (“《民法典》第585条”) that the registry
    lacks: a wrong number in a note misleads as much as one in legal_basis, which is checked apart."""
    # The raw file holds every string the walk below visits: if it names no unregistered article,
    # there is nothing to find, and nearly every file is spared the walk.
    if all(article in statute.articles for statute, article in prose_citations(doc.text, statutes)):
        return
    for path, text in _strings(doc.data):
        if "legal_basis" in path:
            continue
        for statute, article in prose_citations(text, statutes):
            if article not in statute.articles:
                yield (f"文中提到《{statute.short_name}》第{article}条，但该条未在 data/statutes.yml 中登记。"
                       "请核对条号；确需引用时，先读原文并登记该条。", path)


def _strings(value, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))
