"""The contributor's journey: scaffold a clause, read what is missing, fill it in, pass the check."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from clause_library import load_library
from library_factory import ROOT, Lib


def run(root, *args):
    return subprocess.run([sys.executable, "-m", "clause_library", "--root", str(root), *args],
                          cwd=ROOT, capture_output=True, text=True)


@pytest.fixture
def lib(tmp_path):
    lib = Lib(tmp_path)
    lib.write(lib.clause())
    return lib


def test_scaffold_then_check_lists_what_to_write_then_passes(lib):
    created = run(lib.root, "new", "fees", "holiday-surcharge", "--title", "节假日加班费")
    assert created.returncode == 0, created.stderr
    path = lib.root / "clauses" / "fees" / "holiday-surcharge.yml"
    assert "已创建 clauses/fees/holiday-surcharge.yml" in created.stdout

    first = run(lib.root, "check")
    assert first.returncode == 1 and "Traceback" not in first.stderr
    for field in ("summary", "text.neutral", "annotations.why", "annotations.risks"):
        assert f"[holiday-surcharge] 字段 {field}" in first.stderr, field

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["summary"] = "约定法定节假日提供服务时的加班费计算方式。"
    data["text"]["neutral"] = "乙方在法定节假日提供服务的，甲方应当按照正常服务费的【holiday-multiplier】倍支付该日服务费。"
    data["fields"] = {"holiday-multiplier": {"label": "法定节假日服务费倍数", "type": "number", "unit": "倍",
                                             "suggested": 2, "rationale": "两倍大体覆盖乙方在法定节假日安排人员的加班成本。"}}
    data["annotations"] = {"why": "法定节假日坐席成本更高，需要事先约定。", "risks": "没有约定时容易对加班费产生争议。",
                           "playbook": [{"ask": "甲方要求节假日不加价", "answer": "可以约定包含若干天节假日服务"}]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    final = run(lib.root, "check")
    assert final.returncode == 0, final.stderr
    assert "holiday-surcharge" in load_library(lib.root).clauses


def test_scaffold_refuses_an_existing_id(lib):
    result = run(lib.root, "new", "fees", "sample-clause")
    assert result.returncode == 1
    assert "id sample-clause 已被 clauses/confidentiality/sample-clause.yml 使用" in result.stderr


@pytest.mark.parametrize("args, message", [
    (("new", "fees", "Bad_Id"), "不是合法的 id"),
    (("new", "payments", "late-fee"), "未知类别 payments"),
])
def test_scaffold_rejects_bad_input(lib, args, message):
    result = run(lib.root, *args)
    assert result.returncode == 1 and message in result.stderr
