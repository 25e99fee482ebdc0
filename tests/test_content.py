"""The library covers what a customer-service outsourcing contract needs, completely."""

from __future__ import annotations

import json
import re

import pytest

from clause_library.assembly import Table, assemble, clause_blocks
from clause_library.export.text import contract_text
from clause_library.avoid import recognised_sentence

# Categories where the sides' interests differ: every clause there has both partisan versions.
PARTISAN_CATEGORIES = {"fees", "service-standards", "liability", "term-termination", "data-protection",
                       "intellectual-property", "restrictions", "platform-rules", "staffing"}

# Topics a merchant, provider or lawyer will look for (from the issues and the source documents).
TOPICS = ["分公司", "劳务派遣", "子账号", "实人认证", "主账号", "密码", "机器人", "智能辅助", "三方", "售前", "售中",
          "售后", "法定节假日", "夜间", "大促", "坐席", "背景", "培训", "居家", "拍摄", "询单转化率", "3分钟",
          "满意度", "禁用语", "质检", "投诉", "七天无理由", "日报", "周报", "月报", "例会", "试运行", "话术",
          "阶梯", "提成", "客服销售额", "按日", "售后", "发票", "对账", "逾期付款", "调价", "站外引流", "刷单",
          "平台处罚", "保密", "个人信息", "转委托", "删除", "出境", "审计", "知识库", "品牌", "续约", "优先",
          "解除", "交接", "违约金", "责任上限", "重大过失", "不招揽", "排他", "分包", "转让", "不可抗力",
          "适用法律", "仲裁委员会", "管辖", "电子送达", "完整协议", "电子签名", "联系人"]


def test_enough_clauses_in_every_category(library):
    assert len(library.clauses) >= 70
    for category in library.categories:
        assert len(library.clauses_in(category.id)) >= 2, category.id


def test_partisan_categories_have_both_partisan_versions(library):
    missing = [c.id for c in library.clauses.values()
               if c.category.id in PARTISAN_CATEGORIES and set(c.texts) != {"neutral", "party_a", "party_b"}]
    assert not missing


def test_every_clause_is_complete(library):
    for clause in library.clauses.values():
        assert clause.annotations.playbook and clause.annotations.why and clause.annotations.risks, clause.id
        assert clause.tags, clause.id
        if clause.category.id != "annexes":
            assert clause.annotations.red_line, clause.id


KPI_COLUMNS = ("考核目标值", "奖励线", "最低样本量", "扣减", "奖励")


def test_kpi_tables_have_the_columns_the_deduction_formula_needs(library):
    """[[kpi-deductions-and-bonuses]] computes from each metric's target, bonus line, minimum sample and
    rates per unit: every KPI table states them, per metric."""
    kpi_tables = [c for c in library.clauses.values() if c.id.startswith("annex-kpi-table")]
    assert kpi_tables
    for clause in kpi_tables:
        tables = [b for b in clause_blocks(library, clause, "neutral") if isinstance(b, Table)]
        assert tables, clause.id
        for table in tables:
            header = "".join(table.text_rows[0])
            assert all(column in header for column in KPI_COLUMNS), (clause.id, table.text_rows[0])
            assert len(table.rows) >= 2, clause.id


# 最低工资标准 is a public benchmark a price review may cite (price-adjustment), not a price set as a wage.
WAGE_WORDS = re.compile(r"底薪|(?<!最低)工资|月薪|社会保险费|住房公积金")


def test_fees_price_service_not_people(library):
    """A fee priced as an agent's wage reads as disguised labour dispatch (劳务派遣暂行规定第27条)."""
    fee_clauses = [c for c in library.clauses.values() if c.category.id == "fees" or c.id == "annex-fee-schedule"]
    for clause in fee_clauses:
        for stance, text in clause.texts.items():
            assert not WAGE_WORDS.search(text), (clause.id, stance, WAGE_WORDS.findall(text))


def test_counterparts_and_signatures_follow_the_signatories(library):
    for contract in library.contracts.values():
        text = contract_text(assemble(library, contract))
        count = len(contract.signatories)
        assert re.findall(r"一式(.)份", text) and set(re.findall(r"一式(.)份", text)) == {"两" if count == 2 else "三"}, contract.id
        assert f"{'、'.join(contract.signatories)}各执一份" in text, contract.id
        signature_page = text[text.index("（以下无正文，为签署页）"):].split("\n附件一")[0]  # annex forms sign too
        assert signature_page.count("（盖章）：") == count, contract.id


def test_a_shared_value_reads_the_same_in_every_article(library):
    for contract in library.contracts.values():
        doc = assemble(library, contract)
        seen: dict[str, set[str]] = {}
        for section in doc.sections:
            for block in section.blocks:
                for run in getattr(block, "runs", ()):
                    if run.field:
                        seen.setdefault(run.field, set()).add(run.text)
        assert all(len(texts) == 1 for texts in seen.values()), (contract.id, {k: v for k, v in seen.items() if len(v) > 1})


def test_each_avoid_entry_recognises_the_review_articles_that_cite_it(library):
    """The recognisers were written against the entries' own examples; the review's fictional contract,
    worded independently, shows they also catch the same term put another way."""
    for review in library.reviews.values():
        for article in review.articles:
            for problem in article.problems:
                if problem.avoid:
                    assert recognised_sentence(problem.avoid.recogniser, article.text), (problem.avoid.id, article.heading)


def test_disputes_never_offer_arbitration_and_litigation_at_once(library):
    for contract in library.contracts.values():
        (disputes,) = [c for c in contract.choices if c.id == "disputes"]
        assert len(disputes.options) == 2, contract.id  # a court and an arbitration commission
        for option in disputes.options:
            ids = {s.part.clause.id for s in assemble(library, contract, choices={"disputes": option}).articles}
            assert ids & set(disputes.options) == {option}, contract.id


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_is_findable_on_the_site(built_site, topic):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"]).replace("\u200b", "")
    assert topic in text
