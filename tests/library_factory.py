"""A throwaway library that a test writes file by file: clauses, platform guides, contracts."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

from clause_library import LibraryInvalid, load_library

ROOT = Path(__file__).resolve().parent.parent
REGISTRIES = ["categories.yml", "stances.yml", "platforms.yml", "statutes.yml", "repealed-laws.yml", "rights.yml",
              "terms.yml"]
PARTY_NAMES = {f"party-{key}-name": {"label": f"{party}名称", "type": "party", "party": party}
               for party, key in (("甲方", "a"), ("乙方", "b"), ("丙方", "c"))}

VALID = {
    "id": "sample-clause",
    "title": "示例条款",
    "category": "confidentiality",
    "summary": "一个用于测试校验器的有效条款。",
    "platforms": "all",
    "tags": ["测试"],
    "text": {"neutral": "乙方应当在【reply-days】个工作日内书面答复甲方。"},
    "fields": {"reply-days": {"label": "书面答复期限", "type": "integer", "unit": "个工作日", "suggested": 3,
                              "rationale": "三个工作日足够核实情况，又不至于拖延处理。"}},
    "annotations": {
        "why": "说明这个条款为什么重要的文字。",
        "risks": "说明缺少这个条款会有什么风险。",
        "playbook": [{"ask": "对方的常见要求", "answer": "建议的回应方式"}],
    },
    "legal_basis": [{"law": "civil-code", "article": 509}],
    "related": [],
    "changelog": [{"date": "2026-11-25", "change": "初版。"}],
}


class Lib:
    """A throwaway library: the real registries plus the files written by the test."""

    def __init__(self, root: Path):
        self.root = root
        (root / "data").mkdir(parents=True)
        for name in REGISTRIES:
            shutil.copy(ROOT / "data" / name, root / "data" / name)

    def write(self, data=None, *, category="confidentiality", name="sample-clause", raw: str | None = None) -> Path:
        path = self.root / "clauses" / category / f"{name}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(raw if raw is not None else yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        return path

    def shared_fields(self, fields: dict) -> None:
        """data/fields.yml: the party names every signature page uses, plus `fields`."""
        (self.root / "data" / "fields.yml").write_text(
            yaml.safe_dump({**PARTY_NAMES, **fields}, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def clause(self, **changes) -> dict:
        data = copy.deepcopy(VALID)
        for key, value in changes.items():
            if value is None:
                data.pop(key)
            else:
                data[key] = value
        return data

    def problems(self) -> list[str]:
        with pytest.raises(LibraryInvalid) as raised:
            load_library(self.root)
        return [str(p) for p in raised.value.problems]


FACT = {"text": "咚咚是京东的客服聊天工具。", "as_of": "2026-11-25", "source_date": "2024-12-19",
        "source": "https://example.com/jd-dongdong（转载京东公告）", "certainty": "secondary"}
DATING = ("as_of", "source_date", "source", "certainty")


def guide(**changes) -> dict:
    data = {
        "platform": "jd", "intro": "京东店铺客服外包的特点说明文字。",
        "workbench": [dict(FACT)], "agent_access": [dict(FACT)],
        "official_sources": [{"name": "京东规则平台", "url": "https://rule.jd.com/rule/index.action", "covers": "平台规则"}],
        "metrics": [{"name": "咚咚首次30秒应答率", "definition": "9:00–23:00 的会话首次响应在 30 秒内的比例。",
                     "threshold": "未确认", "backend": "京麦", "clause": "sample-clause", "advice": "照录指标原名。",
                     **{k: FACT[k] for k in DATING}}],
        "rules": [{"title": "消极服务", "text": "平台可关闭咨询入口。", "clauses": ["sample-clause"],
                   **{k: FACT[k] for k in DATING}}],
        "checklist": ["确认子账号", "确认考核口径", "确认处罚承担"],
        "changelog": [{"date": "2026-11-25", "change": "初版。"}],
    }
    data.update(changes)
    return data


def write_guide(lib: Lib, data: dict, name: str = "jd") -> None:
    (lib.root / "platforms").mkdir(exist_ok=True)
    (lib.root / "platforms" / f"{name}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def write_contract(lib: Lib, **changes) -> None:
    data = {
        "id": "sample", "title": "示例客服外包合同", "description": "一份用于测试的示范合同，只有三条。",
        "stance": "party_a", "platforms": "all",
        "summary": [{"label": "立场", "value": "甲方友好"}, {"label": "计费", "value": "固定"},
                    {"label": "争议解决", "value": "诉讼"}],
        "parties": {"clause": "sample-clause"}, "recitals": "鉴于双方愿意合作，特订立本合同。",
        "articles": [{"clause": "a-one"}, {"clause": "a-two", "stance": "neutral"}, {"clause": "a-three"}],
        "annexes": [], "changelog": [{"date": "2026-11-25", "change": "初版。"}],
    }
    data.update(changes)
    (lib.root / "contracts").mkdir(exist_ok=True)
    (lib.root / "contracts" / f"{data['id']}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def write_contract_clauses(lib: Lib) -> None:
    """The three clauses, each in all three stances, that write_contract's articles use."""
    both = {"neutral": "中立文本。", "party_a": "甲方友好文本。", "party_b": "乙方友好文本。"}
    for name, title in (("a-one", "第一个条款"), ("a-two", "第二个条款"), ("a-three", "第三个条款")):
        lib.write(lib.clause(id=name, title=title, text=both, fields=None), name=name)
