"""A throwaway clause library that a test writes clause by clause."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

from clause_library import LibraryInvalid, load_library

ROOT = Path(__file__).resolve().parent.parent
REGISTRIES = ["categories.yml", "stances.yml", "platforms.yml", "statutes.yml"]

VALID = {
    "id": "sample-clause",
    "title": "示例条款",
    "category": "confidentiality",
    "summary": "一个用于测试校验器的有效条款。",
    "platforms": "all",
    "tags": ["测试"],
    "text": {"neutral": "乙方应当在【3】个工作日内书面答复甲方。"},
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
    """A throwaway library: the real registries plus clauses written by the test."""

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
