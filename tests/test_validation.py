"""Bad input is rejected with a message that names the file, line, clause and field."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from clause_library import LibraryInvalid, load_library
from clause_library.avoid import FILL_IN_PLACEHOLDER, REFERENCE_PLACEHOLDER, normalise_for_matching
from library_factory import ROOT, VALID, Lib, guide, write_contract, write_contract_clauses, write_guide


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
    write_avoid_list(lib, avoid_entry(instead=["missing-clause"]))
    message = only(lib.problems())
    assert message.startswith("data/clauses-to-avoid.yml:")
    assert "应改用的条款 missing-clause 不存在" in message


def test_empty_clause_text(lib):
    lib.write(lib.clause(text={"neutral": "   "}))
    assert "条款文本不能为空" in only(lib.problems())


@pytest.mark.parametrize("text, expected", [
    ("乙方应当在【reply-days个工作日内答复。", "第 1 段：“【”没有配对"),
    ("乙方应当在reply-days】个工作日内答复。", "第 1 段：“】”没有配对"),
    ("乙方应当在【【reply-days】】个工作日内答复。", "没有配对"),
    ("服务费为【】。【reply-days】个工作日", "填写项【】不是字段名"),
    ("乙方应当在【3】个工作日内答复。【reply-days】个工作日", "填写项【3】不是字段名"),
    ("服务费为人民币______元。【reply-days】个工作日", "用下划线表示空白"),
    ("依照[[late payment]]处理。【reply-days】个工作日", "引用[[late payment]]写法不对"),
    ("**乙方不承担责任。【reply-days】个工作日", "“**”没有配对"),
    ("第一段。\n[[when:丁方]]第二段。【reply-days】个工作日", "第 2 段：[[when:丁方]] 只能写签约方称谓"),
])
def test_markup_mistakes_name_the_paragraph(lib, text, expected):
    lib.write(lib.clause(text={"neutral": text}))
    problems = lib.problems()
    assert any(expected in p and "字段 text.neutral" in p and "[sample-clause]" in p for p in problems), problems


def test_undeclared_field_names_the_closest_declared_one(lib):
    lib.write(lib.clause(text={"neutral": "乙方应当在【reply-day】个工作日内书面答复甲方。【reply-days】个工作日"}))
    message = only(lib.problems())
    assert message.startswith("clauses/confidentiality/sample-clause.yml:") and "字段 text.neutral" in message
    assert "字段 reply-day 没有声明" in message and "是不是要写 reply-days" in message


def test_declared_field_that_the_text_never_uses(lib):
    fields = {**VALID["fields"], "spare": {"label": "用不上的字段", "type": "text"}}
    lib.write(lib.clause(fields=fields))
    message = only(lib.problems())
    assert "字段 fields.spare" in message and "声明了字段 spare，但正文没有使用它" in message


@pytest.mark.parametrize("declaration, text, expected", [
    ({"type": "integer", "unit": "个工作日", "suggested": "三"}, "【x】个工作日", "建议值不合规：应为整数"),
    ({"type": "integer", "unit": "个工作日", "suggested": 2.5, "rationale": "理由写在这里。"}, "【x】个工作日", "应为整数（个工作日）"),
    ({"type": "percent", "suggested": 120, "rationale": "理由写在这里。"}, "【x】%", "百分比不能超过 100"),
    ({"type": "choice", "options": ["含税", "不含税"], "suggested": "免税", "rationale": "理由写在这里。"}, "【x】",
     "只能是以下之一：含税、不含税"),
    ({"type": "date", "suggested": "2027-02-30", "rationale": "理由写在这里。"}, "【x】", "应为日期"),
    ({"type": "integer", "unit": "日", "suggested": 3}, "【x】日", "有建议值的字段要写 rationale"),
    ({"type": "integer", "unit": "日"}, "【x】个工作日", "正文中应紧跟在【x】后面写“日”"),
    ({"type": "integer"}, "【x】日", "要写 unit"),
    ({"type": "percent"}, "【x】", "应写作【x】%"),
    ({"type": "money"}, "人民币【x】元", "不要在它前面写“人民币”"),
])
def test_field_declarations_are_checked_against_their_type(lib, declaration, text, expected):
    lib.write(lib.clause(text={"neutral": f"乙方应当{text}。"}, fields={"x": {"label": "测试字段", **declaration}}))
    problems = lib.problems()
    assert any(expected in p and "[sample-clause]" in p for p in problems), problems


def test_a_field_declared_as_plain_text_is_refused_with_its_name(lib):
    lib.write(lib.clause(fields={"reply-days": "书面答复期限"}))
    problems = lib.problems()
    assert any("[sample-clause]" in p and "fields.reply-days" in p and "应为“字段: 值”的映射" in p for p in problems), problems


def test_one_malformed_shared_field_does_not_undeclare_the_others(lib):
    lib.shared_fields({"reply-days": {"label": "书面答复期限", "type": "integer", "unit": "个工作日"},
                       "typo-field": "书面答复期限"})
    lib.write(lib.clause(fields=None))
    problems = lib.problems()
    assert any("data/fields.yml" in p and "typo-field" in p and "应为“字段: 值”的映射" in p for p in problems), problems
    assert not any("没有声明" in p for p in problems), problems  # reply-days still loads


def test_a_field_name_is_declared_in_one_place_only(lib):
    lib.write(lib.clause())
    lib.write(lib.clause(id="other-clause"), name="other-clause")
    message = only(lib.problems())  # the clause read second is told where the first declaration is
    assert "sample-clause.yml" in message and "字段 fields.reply-days" in message
    assert "字段 reply-days 已在条款 other-clause 中声明" in message and "把声明移到 data/fields.yml" in message


def test_a_clause_local_field_cannot_be_used_by_another_clause(lib):
    lib.write(lib.clause())
    lib.write(lib.clause(id="other-clause", fields=None), name="other-clause")
    message = only(lib.problems())
    assert "other-clause.yml" in message and "字段 reply-days 声明在条款 sample-clause 中，只能在那个条款使用" in message


def test_unknown_reference_id(lib):
    lib.write(lib.clause(text={"neutral": "乙方应当在【reply-days】个工作日内依照本合同[[late-paymnet]]答复。"}))
    message = only(lib.problems())
    assert "[sample-clause]" in message and "字段 text.neutral" in message
    assert "引用的条款 late-paymnet 不存在" in message


def test_a_term_defined_outside_the_definitions_clause(lib):
    lib.write(lib.clause(text={"neutral": "本合同中下列用语的含义：（一）在线坐席：指正在接待的坐席。【reply-days】个工作日"},
                         defines=["在线坐席"]))
    lib.write(lib.clause(id="other-clause", fields=None,
                         text={"neutral": "本合同所称“在线坐席”，是指登录子账号的坐席。"}), name="other-clause")
    message = only(lib.problems())
    assert "other-clause.yml" in message and "又定义了术语“在线坐席”，它已在条款 sample-clause 中定义" in message


def test_a_banned_synonym_names_the_defined_term(lib):
    lib.write(lib.clause(text={"neutral": "乙方未达到考核线的，应当在【reply-days】个工作日内整改。"}))
    message = only(lib.problems())
    assert "用了“考核线”：本库统一写“考核目标值”" in message


def test_a_grant_names_a_registered_right(lib):
    lib.write(lib.clause(grants=[{"right": "termination-by-party-c", "ground": "乙方泄露保密信息"}]))
    message = only(lib.problems())
    assert "字段 grants[0].right" in message and "未知权利 termination-by-party-c" in message


def test_english_in_clause_text(lib):
    lib.write(lib.clause(text={"neutral": "乙方应当达到甲方的 KPI 要求，「IM平均响应时长」不超过【reply-days】个工作日。"}))
    message = only(lib.problems())
    assert "出现英文“KPI”" in message  # IM, a platform's own metric name, is allowed


def test_platform_note_needs_dates_and_source(lib):
    lib.write(lib.clause(platform_notes=[{"platform": "jd", "note": "咚咚首次30秒应答率。", "certainty": "secondary"}]))
    problems = lib.problems()
    assert any("缺少必填字段 as_of" in p for p in problems), problems
    assert any("缺少必填字段 source。" in p for p in problems), problems
    assert any("缺少必填字段 source_date" in p and "来源没有日期的，写 undated" in p for p in problems), problems


def test_platform_note_source_policy(lib):
    note = {"platform": "jd", "note": "咚咚首次30秒应答率。", "as_of": "2026-11-25", "source_date": "undated",
            "source": "https://example.com/repost", "certainty": "secondary"}
    lib.write(lib.clause(platform_notes=[note]))
    message = only(lib.problems())
    assert "字段 platform_notes[0].certainty" in message and "来源未注明日期，不能标为 secondary" in message


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


def test_a_broken_clause_does_not_make_its_shared_fields_unused(lib):
    lib.shared_fields({"reply-days": {"label": "书面答复期限", "type": "integer", "unit": "个工作日"}})
    lib.write(lib.clause(fields=None, summary="太长的摘要。" * 30))
    message = only(lib.problems())  # the summary, not "共用字段 reply-days 没有任何条款使用"
    assert "summary" in message and "内容太长" in message


def test_an_article_named_in_the_avoid_list_must_be_registered_too(lib):
    lib.write(lib.clause())
    write_avoid_list(lib, avoid_entry(why="依照《民法典》第1039条，这样写无效。"))
    message = only(lib.problems())
    assert message.startswith("data/clauses-to-avoid.yml:") and "文中提到《民法典》第1039条" in message
    assert "字段 [0].why" in message


def test_a_platform_guide_citing_an_unregistered_article_fails(lib):
    lib.write(lib.clause())
    rule = {**guide()["rules"][0], "text": "依照《民法典》第1039条，客服外包公司负有保密义务。"}
    write_guide(lib, guide(rules=[rule]))
    message = only(lib.problems())
    assert message.startswith("platforms/jd.yml:") and "[jd] 字段 rules[0].text" in message
    assert "文中提到《民法典》第1039条，但该条未在 data/statutes.yml 中登记" in message


def test_a_contract_summary_citing_an_unregistered_article_fails(lib):
    lib.write(lib.clause())
    write_contract_clauses(lib)
    write_contract(lib, summary=[{"label": "保密", "value": "依照《民法典》第1039条保密"},
                                 {"label": "计费", "value": "固定"}, {"label": "争议解决", "value": "诉讼"}])
    message = only(lib.problems())
    assert message.startswith("contracts/sample.yml:") and "字段 summary[0].value" in message
    assert "《民法典》第1039条" in message


def _write_avoid_entry(lib, why: str) -> None:
    (lib.root / "data" / "clauses-to-avoid.yml").write_text(yaml.safe_dump([{
        "id": "bad-term", "title": "一个问题写法", "example": "甲方可以随时不付款且不承担责任。",
        "recognise": {"patterns": ["随时不付款"]},
        "why": why, "legal_basis": [], "instead": ["sample-clause"]}], allow_unicode=True), encoding="utf-8")


def _in_clause_prose(lib, text):
    lib.write(lib.clause(annotations={**VALID["annotations"], "risks": text}))
    return "clauses/confidentiality/sample-clause.yml:", "字段 annotations.risks"


def _in_guide(lib, text):
    lib.write(lib.clause())
    write_guide(lib, guide(intro=text))
    return "platforms/jd.yml:", "字段 intro"


def _in_avoid_list(lib, text):
    lib.write(lib.clause())
    _write_avoid_entry(lib, text)
    return "data/clauses-to-avoid.yml:", "字段 [0].why"


@pytest.mark.parametrize("place", [_in_clause_prose, _in_guide, _in_avoid_list])
@pytest.mark.parametrize("text, successor", [
    ("售后规则依照《网络交易管理办法》第十六条执行。", "《网络交易监督管理办法》"),
    ("依照《合同法》第52条，这样写无效。", "《中华人民共和国民法典》"),
])
def test_any_text_citing_a_repealed_law_fails_naming_its_successor(lib, place, text, successor):
    file, field = place(lib, text)
    message = only(lib.problems())
    assert message.startswith(file) and field in message
    assert "废止" in message and f"由{successor}取代" in message


def test_legal_basis_citing_a_repealed_law_fails_naming_its_successor(lib):
    lib.write(lib.clause(legal_basis=[{"law": "contract-law-1999", "article": 52}]))
    message = only(lib.problems())
    assert "字段 legal_basis[0].law" in message
    assert "《中华人民共和国合同法》已于2021-01-01废止，由《中华人民共和国民法典》取代" in message


@pytest.mark.parametrize("text", [
    "《网络交易管理办法》已于2021年废止，由《网络交易监督管理办法》取代。",  # says it was replaced
    "依照《劳动合同法》第23条约定保密义务。",  # 合同法 inside another law's name
    "依照《杭州市网络交易管理办法》执行。",  # a different regulation whose name contains the repealed one
])
def test_text_that_only_resembles_a_repealed_citation_passes(lib, text):
    lib.write(lib.clause(annotations={**VALID["annotations"], "risks": text}))
    load_library(lib.root)


def test_an_old_article_number_of_a_renumbered_law_names_the_current_one(lib):
    lib.write(lib.clause(legal_basis=[{"law": "anti-unfair-competition-law", "article": 17}]))
    message = only(lib.problems())
    assert "《反不正当竞争法》第17条未在 data/statutes.yml 中登记" in message
    assert "2019年修正的文本的第17条，现行条文是第22条" in message


def test_every_registered_law_says_where_its_text_was_read(lib):
    statutes = yaml.safe_load((lib.root / "data" / "statutes.yml").read_text(encoding="utf-8"))
    del statutes["civil-code"]["sources"]
    (lib.root / "data" / "statutes.yml").write_text(yaml.safe_dump(statutes, allow_unicode=True), encoding="utf-8")
    lib.write(lib.clause())
    message = only(lib.problems())  # and no cascade of “unknown law” for every citation
    assert message.startswith("data/statutes.yml:") and "字段 civil-code.sources：缺少必填字段 sources" in message


def test_an_old_number_must_map_to_a_registered_article(lib):
    statutes = lib.root / "data" / "statutes.yml"
    statutes.write_text(statutes.read_text(encoding="utf-8").replace("{21: 23, 40: 42,", "{21: 23, 64: 71, 40: 42,"),
                        encoding="utf-8")
    lib.write(lib.clause())
    message = only(lib.problems())
    assert "字段 cybersecurity-law.renumbered.articles[64]" in message and "第71条未在本法的 articles 中登记" in message


# --- the avoid list recognises its terms in the library's own clauses ---------------------------

MARKED_ONLY = "本合同所称保密信息，仅指披露方以书面形式标明“保密”字样的文件。"
FAIR_DEFINITION = "本合同所称保密信息，包括标明“保密”字样的文件，以及虽未标明但一般人应当知道需要保密的信息。"


def avoid_entry(**changes) -> dict:
    entry = {"id": "marked-only", "title": "只保护标明保密的文件", "example": MARKED_ONLY,
             "why": "客服接触的信息大多没有标记。", "legal_basis": [], "instead": ["sample-clause"],
             "recognise": {"patterns": ["保密信息.{0,10}仅指.{0,20}标明.{0,3}保密"], "unless_in_text": ["未标明"]}}
    entry.update(changes)
    return entry


def write_avoid_list(lib: Lib, *entries: dict) -> None:
    (lib.root / "data" / "clauses-to-avoid.yml").write_text(yaml.safe_dump(list(entries), allow_unicode=True),
                                                            encoding="utf-8")


def three_versions(party_b: str) -> dict:
    return {"neutral": FAIR_DEFINITION, "party_a": FAIR_DEFINITION, "party_b": party_b}


def test_a_clause_version_that_reads_as_an_avoided_term_fails(lib):
    lib.write(lib.clause(text=three_versions(MARKED_ONLY), fields=None))
    write_avoid_list(lib, avoid_entry())
    message = only(lib.problems())
    assert message.startswith("clauses/confidentiality/sample-clause.yml:") and "字段 text.party_b" in message
    assert "只保护标明保密的文件" in message and "marked-only" in message
    assert "exceptions 下写明 clause: sample-clause、stance: party_b 和 reason" in message


def test_a_declared_exception_with_its_reason_passes(lib):
    lib.write(lib.clause(text=three_versions(MARKED_ONLY), fields=None))
    write_avoid_list(lib, avoid_entry(exceptions=[
        {"clause": "sample-clause", "stance": "party_b", "reason": "用于测试：这一版本另有条款覆盖未标明的信息。"}]))
    assert load_library(lib.root).avoid[0].exceptions[0].stance == "party_b"


def test_an_exception_needs_a_reason(lib):
    lib.write(lib.clause(text=three_versions(MARKED_ONLY), fields=None))
    write_avoid_list(lib, avoid_entry(exceptions=[{"clause": "sample-clause", "stance": "party_b"}]))
    message = only(lib.problems())
    assert message.startswith("data/clauses-to-avoid.yml:") and "缺少必填字段 reason" in message


def test_an_exception_that_no_longer_applies_fails(lib):
    lib.write(lib.clause(text=three_versions(FAIR_DEFINITION), fields=None))
    write_avoid_list(lib, avoid_entry(exceptions=[
        {"clause": "sample-clause", "stance": "party_b", "reason": "用于测试：这一版本另有条款覆盖未标明的信息。"}]))
    message = only(lib.problems())
    assert message.startswith("data/clauses-to-avoid.yml:") and "字段 [0].exceptions[0]" in message
    assert "已不再与本条相符" in message


def test_an_avoid_entry_must_recognise_its_own_example(lib):
    lib.write(lib.clause())
    write_avoid_list(lib, avoid_entry(example="双方对标明“保密”的书面资料负有保密义务。"))
    message = only(lib.problems())
    assert "字段 [0].recognise" in message and "认不出本条自己的 example" in message


def test_a_recogniser_that_is_not_a_regular_expression_is_reported(lib):
    lib.write(lib.clause())
    write_avoid_list(lib, avoid_entry(recognise={"patterns": ["保密信息.{0,10}仅指.{0,20}标明.{0,3}保密", "(仅指"]}))
    message = only(lib.problems())
    assert "字段 [0].recognise.patterns[1]" in message and "正则表达式无法编译" in message


@pytest.mark.parametrize("text", [
    "乙方应当在【3】个工作日内按照本合同责任限制条款承担**全部**责任。",  # today: suggested values, names
    "乙方应当在【notice-days】个工作日内按照[[liability-cap]]承担**全部**责任。",  # named fields, references
])
def test_recognisers_read_both_clause_syntaxes_alike(text):
    normalised = normalise_for_matching(text)
    assert "**" not in normalised and "【" not in normalised and "[[" not in normalised
    assert normalised.startswith(f"乙方应当在{FILL_IN_PLACEHOLDER}个工作日内按照")
    assert normalised.endswith("承担全部责任。")
    assert normalise_for_matching("按照[[liability-cap]]处理") == f"按照{REFERENCE_PLACEHOLDER}处理"


LIBRARY_FOLDERS = ["clauses", "data", "platforms", "contracts", "reviews"]


@pytest.mark.parametrize("party_b, entry", [
    # the version general-party-b once shipped, which the list itself says to refuse
    ("本合同所称保密信息，是指一方在披露时以书面形式标明“保密”字样，或以口头形式披露并在【oral-confidential-confirm-days】个工作日内书面确认为保密的信息。",
     "confidentiality-marked-only"),
    # a provider's draft going too far the other way
    ("乙方对坐席原因造成的平台罚款不承担任何责任。", "no-liability-for-platform-penalties"),
    ("乙方在本合同项下的全部责任，无论是否出于故意，累计不超过【liability-cap-months】个月的服务费。", "one-month-cap-for-everything"),
    ("乙方发出的任何费用账单，甲方收到后两日内未提出异议的，视为确认，此后不得再提出异议。",
     "deemed-acceptance-of-every-charge"),
], ids=["marked-only", "no-penalty-liability", "one-month-cap", "deemed-acceptance"])
def test_the_real_avoid_list_catches_its_terms_in_a_clause(tmp_path, party_b, entry):
    for folder in LIBRARY_FOLDERS:
        shutil.copytree(ROOT / folder, tmp_path / folder)
    path = tmp_path / "clauses" / "confidentiality" / "confidentiality-obligations.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # The rest of the version stays, so the fields it declares are still used.
    data["text"]["party_b"] = (party_b + "\n口头披露的信息，应当在【oral-confidential-confirm-days】个工作日内书面确认。"
                               "保密义务持续至本合同终止后【confidentiality-term-years】年。")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(LibraryInvalid) as raised:
        load_library(tmp_path)
    message = only([str(p) for p in raised.value.problems])
    assert message.startswith("clauses/confidentiality/confidentiality-obligations.yml:")
    assert "字段 text.party_b" in message and f"中的 {entry}）" in message
