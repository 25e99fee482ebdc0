"""The library covers what a customer-service outsourcing contract needs, completely."""

from __future__ import annotations

import json
import re

import pytest

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


ANNEX_REFERENCE = re.compile(r"附件【([^】]*)】(?:（([^），]+))?")


def test_every_annex_a_contract_cites_is_in_that_contract(library):
    """Clauses cite annexes as 附件【附件编号】（名称）: the name must be one of the contract's annexes."""
    for contract in library.contracts.values():
        annexes = {part.heading for part in contract.annexes}
        for part in (*contract.articles, *contract.annexes):
            for placeholder, name in ANNEX_REFERENCE.findall(part.text):
                assert placeholder == "附件编号" and name, f"{contract.id}/{part.clause.id}: 附件【{placeholder}】"
                assert name in annexes, f"{contract.id}/{part.clause.id} cites 附件（{name}）; annexes: {annexes}"


def test_disputes_never_offer_arbitration_and_litigation_at_once(library):
    for contract in library.contracts.values():
        ids = {p.clause.id for p in contract.articles}
        assert len(ids & {"dispute-resolution-litigation", "dispute-resolution-arbitration"}) == 1, contract.id


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_is_findable_on_the_site(built_site, topic):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"]).replace("\u200b", "")
    assert topic in text
