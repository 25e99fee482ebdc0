"""Bad input is rejected with a message that names the file, line, clause and field."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from clause_library import load_library
from library_factory import ROOT, VALID, Lib


@pytest.fixture
def lib(tmp_path):
    return Lib(tmp_path)


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


def test_valid_clause_loads(lib):
    lib.write(lib.clause())
    library = load_library(lib.root)
    assert list(library.clauses) == ["sample-clause"]


def test_yaml_syntax_error_names_file_and_line(lib):
    lib.write(raw="id: sample-clause\ntitle: 示例条款\ntext:\n  neutral: \"未闭合的引号\n  party_a: x\n")
    message = only(lib.problems())
    assert message.startswith("clauses/confidentiality/sample-clause.yml:")
    assert "YAML 语法错误" in message


def test_empty_file(lib):
    lib.write(raw="")
    assert "文件是空的" in only(lib.problems())


def test_file_that_is_not_a_mapping(lib):
    lib.write(raw="- id: sample-clause\n- title: 示例条款\n")
    assert "顶层应是“字段: 值”的映射" in only(lib.problems())


def test_missing_required_field(lib):
    lib.write(lib.clause(summary=None))
    message = only(lib.problems())
    assert "[sample-clause]" in message and "字段 summary" in message and "缺少必填字段 summary" in message


def test_wrong_type_gives_line_and_field(lib):
    lib.write(lib.clause(tags="测试"))
    message = only(lib.problems())
    assert "字段 tags" in message and "应为列表" in message and "实际是文本" in message
    assert message.startswith("clauses/confidentiality/sample-clause.yml:")


def test_unknown_field_is_a_typo(lib):
    data = lib.clause()
    data["sumary"] = "拼错的字段"
    lib.write(data)
    assert "未知字段 sumary" in only(lib.problems())


def test_unknown_category(lib):
    lib.write(lib.clause(category="payments"), category="payments")
    assert "未知类别 payments" in only(lib.problems())


def test_category_must_match_folder(lib):
    lib.write(lib.clause(category="fees"))
    assert "与所在文件夹 clauses/confidentiality/ 不一致" in only(lib.problems())


def test_unknown_platform(lib):
    lib.write(lib.clause(platforms=["taobao", "jd"]))
    message = only(lib.problems())
    assert "未知平台 taobao" in message and "字段 platforms[0]" in message


def test_unknown_stance(lib):
    lib.write(lib.clause(text={"neutral": "乙方应当履行义务。", "merchant": "甲方有权检查。"}))
    assert "未知立场 merchant" in only(lib.problems())


def test_one_sided_stance_versions(lib):
    lib.write(lib.clause(text={"neutral": "乙方应当履行义务。", "party_a": "乙方应当立即履行义务。"}))
    assert "缺少 party_b（乙方友好）" in only(lib.problems())


def test_unknown_law(lib):
    lib.write(lib.clause(legal_basis=[{"law": "contract-law", "article": 60}]))
    message = only(lib.problems())
    assert "未知法律 contract-law" in message and "字段 legal_basis[0].law" in message


def test_unregistered_article(lib):
    lib.write(lib.clause(legal_basis=[{"law": "civil-code", "article": 1039}]))
    message = only(lib.problems())
    assert "《民法典》第1039条未在 data/statutes.yml 中登记" in message
    assert "字段 legal_basis[0].article" in message


def test_id_must_match_file_name(lib):
    lib.write(lib.clause(id="other-name"))
    assert "与文件名“sample-clause.yml”不一致" in only(lib.problems())


def test_id_must_be_a_slug(lib):
    lib.write(lib.clause(id="Sample_Clause"), name="Sample_Clause")
    assert "不是合法的 id" in only(lib.problems())


def test_duplicate_id(lib):
    lib.write(lib.clause())
    lib.write(lib.clause(category="fees"), category="fees")
    problems = lib.problems()
    assert any("条款 id sample-clause 重复" in p and "clauses/confidentiality/sample-clause.yml 已使用" in p
               for p in problems), problems


def test_related_clause_must_exist(lib):
    lib.write(lib.clause(related=["no-such-clause"]))
    message = only(lib.problems())
    assert "相关条款 no-such-clause 不存在" in message and "字段 related[0]" in message


def test_avoid_list_reference_must_exist(lib):
    lib.write(lib.clause())
    (lib.root / "data" / "clauses-to-avoid.yml").write_text(yaml.safe_dump([{
        "id": "bad-term", "title": "一个问题写法", "example": "甲方可以随时不付款且不承担责任。",
        "why": "这样写排除了对方的主要权利。", "legal_basis": [], "instead": ["missing-clause"]}],
        allow_unicode=True), encoding="utf-8")
    message = only(lib.problems())
    assert message.startswith("data/clauses-to-avoid.yml:")
    assert "应改用的条款 missing-clause 不存在" in message


def test_empty_clause_text(lib):
    lib.write(lib.clause(text={"neutral": "   "}))
    assert "条款文本不能为空" in only(lib.problems())


@pytest.mark.parametrize("text, expected", [
    ("乙方应当在【3个工作日内答复。", "没有用“】”闭合"),
    ("乙方应当在3】个工作日内答复。", "没有对应的“【”"),
    ("乙方应当在【【3】】个工作日内答复。", "不能嵌套"),
    ("服务费为人民币【】元。", "空的填写项"),
    ("服务费为人民币______元。", "用下划线表示空白"),
])
def test_fill_in_markers(lib, text, expected):
    lib.write(lib.clause(text={"neutral": text}))
    problems = lib.problems()
    assert any(expected in p and "字段 text.neutral" in p for p in problems), problems


def test_english_in_clause_text(lib):
    lib.write(lib.clause(text={"neutral": "乙方应当达到甲方的 KPI 要求，「IM平均响应时长」不超过【30】秒。"}))
    message = only(lib.problems())
    assert "出现英文“KPI”" in message  # IM, a platform's own metric name, is allowed


def test_platform_note_needs_date_and_source(lib):
    lib.write(lib.clause(platform_notes=[{"platform": "jd", "note": "咚咚首次30秒应答率。", "certainty": "secondary"}]))
    problems = lib.problems()
    assert any("缺少必填字段 as_of" in p for p in problems), problems
    assert any("缺少必填字段 source" in p for p in problems), problems


def test_future_dates_are_rejected(lib):
    lib.write(lib.clause(changelog=[{"date": "2999-01-01", "change": "初版。"}]))
    assert "晚于今天" in only(lib.problems())


def test_impossible_dates_are_rejected(lib):
    lib.write(lib.clause(changelog=[{"date": "2026-02-30", "change": "初版。"}]))
    message = only(lib.problems())
    assert "2026-02-30 不是有效日期" in message and "changelog[0].date" in message


def test_unquoted_yaml_dates_are_accepted(lib):
    path = lib.write(lib.clause())
    path.write_text(path.read_text(encoding="utf-8").replace("'2026-11-25'", "2026-11-25"), encoding="utf-8")
    assert load_library(lib.root).clauses["sample-clause"].last_updated == "2026-11-25"


def test_every_problem_is_reported_in_one_run(lib):
    lib.write(lib.clause(summary=None))
    lib.write(lib.clause(id="second", related=["nowhere"]), name="second")
    lib.write(raw="id: [broken", name="third")
    problems = lib.problems()
    assert len(problems) == 3, problems
    assert {p.split(":")[0].split(" ")[0] for p in problems} == {
        "clauses/confidentiality/sample-clause.yml", "clauses/confidentiality/second.yml",
        "clauses/confidentiality/third.yml"}


def test_check_command_fails_cleanly(lib):
    lib.write(lib.clause(category="nowhere"))
    result = subprocess.run([sys.executable, "-m", "clause_library", "--root", str(lib.root), "check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "未知类别 nowhere" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_command_passes_on_the_real_library():
    result = subprocess.run([sys.executable, "-m", "clause_library", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "条款库校验通过" in result.stdout


def test_an_article_named_in_prose_must_be_registered(lib):
    annotations = {**VALID["annotations"], "why": "依照《民法典》第1039条，乙方应当保密；《民法典》第509条也有规定。"}
    lib.write(lib.clause(annotations=annotations))
    message = only(lib.problems())
    assert "文中提到《民法典》第1039条" in message and "字段 annotations.why" in message


def test_one_broken_clause_gives_one_message_not_a_cascade(lib):
    lib.write(lib.clause(related=["second"]))
    lib.write(lib.clause(id="second", legal_basis=[{"law": "civil-code", "article": 9999}]), name="second")
    message = only(lib.problems())
    assert "第9999条" in message  # nothing about sample-clause's link to "second"


def test_an_article_named_in_the_avoid_list_must_be_registered_too(lib):
    lib.write(lib.clause())
    (lib.root / "data" / "clauses-to-avoid.yml").write_text(yaml.safe_dump([{
        "id": "bad-term", "title": "一个问题写法", "example": "甲方可以随时不付款且不承担责任。",
        "why": "依照《民法典》第1039条，这样写无效。", "legal_basis": [], "instead": ["sample-clause"]}],
        allow_unicode=True), encoding="utf-8")
    message = only(lib.problems())
    assert message.startswith("data/clauses-to-avoid.yml:") and "文中提到《民法典》第1039条" in message
    assert "字段 [0].why" in message
