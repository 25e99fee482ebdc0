"""platforms/<id>.yml: a platform's tools, metrics and rules, every fact dated and sourced."""

from __future__ import annotations

import datetime
from pathlib import Path

from clause_library.citations import Laws
from clause_library.model import (
    Clause, Fact, Metric, OfficialSource, Platform, PlatformGuide, PlatformNote, PlatformRule,
)
from clause_library.platform_facts import UNDATED, fact_problems, official_source_problem
from clause_library.problems import ProblemLog
from clause_library.registries import valid_date
from clause_library.schema_check import valid_documents
from clause_library.yaml_source import YamlDocument

GUIDES_DIR = "platforms"
# A platform fact whose source is older than this, or undated, is flagged for review on its page and in the build.
STALE_AFTER_DAYS = 365


def _fact(raw: dict, text_key: str = "text") -> Fact:
    return Fact(raw[text_key].strip(), raw["as_of"], raw["source"].strip(), raw["certainty"], raw["source_date"])


def is_stale(fact: Fact | PlatformNote, today: datetime.date | None = None) -> bool:
    """Due for review: the source is undated, or its own date is more than STALE_AFTER_DAYS old. The day
    someone last looked it up (as_of) does not count: a fact read yesterday from a 2021 page is a 2021 fact."""
    if fact.source_date == UNDATED:
        return True
    today = today or datetime.date.today()
    return (today - datetime.date.fromisoformat(fact.source_date)).days > STALE_AFTER_DAYS


def _check_references(doc: YamlDocument, data: dict, platform: Platform, clauses: dict[str, Clause | None],
                      found: ProblemLog) -> bool:
    ok = True

    def problem(message: str, *path) -> None:
        nonlocal ok
        ok = False
        found.add(doc.problem(message, tuple(path), platform.id))

    today = datetime.date.today().isoformat()
    for section in ("workbench", "agent_access", "metrics", "rules"):
        for index, raw in enumerate(data[section]):
            if not valid_date(raw["as_of"]):
                problem(f"{raw['as_of']} 不是有效日期。", section, index, "as_of")
            elif raw["as_of"] > today:
                problem(f"日期 {raw['as_of']} 晚于今天，请填写你核对这条信息的日期。", section, index, "as_of")
            for message, key in fact_problems(raw, platform):
                problem(message, section, index, key)
    for index, source in enumerate(data["official_sources"]):
        message = official_source_problem(source["url"], platform)
        if message:
            problem(message, "official_sources", index, "url")
    for index, metric in enumerate(data["metrics"]):
        if metric["clause"] not in clauses:
            problem(f"条款 {metric['clause']} 不存在。", "metrics", index, "clause")
    for index, rule in enumerate(data["rules"]):
        for position, clause_id in enumerate(rule["clauses"]):
            if clause_id not in clauses:
                problem(f"条款 {clause_id} 不存在。", "rules", index, "clauses", position)
    return ok


def load_guides(root: Path, platforms: tuple[Platform, ...], clauses: dict[str, Clause | None], laws: Laws,
                found: ProblemLog) -> dict[str, PlatformGuide]:
    by_id = {p.id: p for p in platforms}
    guides = {}
    for doc in valid_documents(root, GUIDES_DIR, "platform-guide.schema.json", "平台指南", found):
        path = doc.path
        if path.stem not in by_id:
            found.add(doc.problem(f"文件名 {path.stem} 不是 data/platforms.yml 中登记的平台 id：{'、'.join(by_id)}。"))
            continue
        data = doc.data
        if data["platform"] != path.stem:
            found.add(doc.problem(f"platform 应与文件名一致：{path.stem}。", ("platform",), path.stem))
            continue
        cited_wrongly = [doc.problem(message, where, path.stem) for message, where in laws.prose_problems(doc)]
        found.add(cited_wrongly)
        if not _check_references(doc, data, by_id[path.stem], clauses, found) or cited_wrongly:
            continue
        guides[path.stem] = PlatformGuide(
            platform=by_id[path.stem], intro=data["intro"].strip(),
            workbench=tuple(_fact(f) for f in data["workbench"]),
            agent_access=tuple(_fact(f) for f in data["agent_access"]),
            metrics=tuple(Metric(m["name"].strip(), m["definition"].strip(), m.get("threshold"), m.get("backend"),
                                 m["clause"], m["advice"].strip(), _fact(m, "definition")) for m in data["metrics"]),
            rules=tuple(PlatformRule(r["title"].strip(), tuple(r["clauses"]), _fact(r)) for r in data["rules"]),
            checklist=tuple(item.strip() for item in data["checklist"]),
            last_updated=max(c["date"] for c in data["changelog"]),
            source_path=doc.relpath,
            official_sources=tuple(OfficialSource(s["name"].strip(), s["url"], s["covers"].strip())
                                   for s in data["official_sources"]),
        )
    return guides


def stale_facts(guides: dict[str, PlatformGuide]) -> list[tuple[PlatformGuide, Fact]]:
    return [(guide, fact) for guide in guides.values() for fact in guide.facts() if is_stale(fact)]
