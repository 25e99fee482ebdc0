"""`python -m clause_library new`: a new clause file with every field in place, ready to fill in."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from clause_library.clauses import CLAUSES_DIR
from clause_library.problems import LibraryInvalid, ProblemLog
from clause_library.registries import load_registries

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Left empty on purpose: `check` then lists exactly the fields still to write.
TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/clause.schema.json
# 新条款模板：请按 docs/contribute/writing-standard.md 填写，然后运行 python -m clause_library check。
id: {id}
title: "{title}"                 # 简短的中文标题
category: {category}
summary: ""                      # 一句话说明这个条款解决什么问题
order: {order}                   # 在本类别中的顺序
platforms: all                   # 或平台 id 列表，例如 [taobao-tmall, jd]
tags: []                         # 便于检索的中文关键词，例如 [保密, 商业秘密]

text:
  # 中立版本必填。双方利益有分歧时，另写 party_a（甲方友好）和 party_b（乙方友好），两者都要写。
  # 每行一个自然段。待填写内容写作【字段名】并在下面的 fields 中声明，例如【holiday-multiplier】；
  # 引用其他条款写作[[条款 id]]，例如[[extra-fees]]；要对方特别注意的内容写作 **……**。
  neutral: ""

fields: {{}}                      # 本条款的字段，例如：
#  holiday-multiplier:
#    label: 法定节假日服务费倍数
#    type: number                 # text、party、money、integer、number、percent、date、choice
#    unit: 倍                     # integer 和 number 写正文中紧跟字段的单位
#    suggested: 2                 # 建议值；各立场不同时写 {{neutral: 2, party_a: 1.5, party_b: 3}}
#    rationale: 为什么建议这个值

annotations:
  why: ""                        # 为什么重要
  risks: ""                      # 缺少或写坏的风险
  playbook:                      # 对方常见要求与建议回应，1 至 3 条
    - ask: ""
      answer: ""
  red_line: ""                   # 不宜退让的底线（可删去此行）

legal_basis: []                  # 只能引用 data/statutes.yml 中登记的条文，例如：
#  - law: civil-code
#    article: 509
#    note: 这一条与本条款的关系

related: []                      # 相关条款 id

changelog:
  - date: {today}
    change: 初版。
"""


class ScaffoldError(Exception):
    pass


def new_clause(root: Path, category: str, clause_id: str, title: str = "") -> Path:
    if not SLUG.match(clause_id):
        raise ScaffoldError(f"“{clause_id}”不是合法的 id：只能用小写英文字母、数字和单个连字符，例如 late-payment-interest。")
    found = ProblemLog()
    registries = load_registries(root, found)
    if found.problems:
        raise LibraryInvalid(found.problems)
    known = [c.id for c in registries.categories]
    if category not in known:
        raise ScaffoldError(f"未知类别 {category}。可用的类别：{'、'.join(known)}。")
    existing = sorted((root / CLAUSES_DIR).glob(f"*/{clause_id}.yml"))
    if existing:
        raise ScaffoldError(f"id {clause_id} 已被 {existing[0].relative_to(root).as_posix()} 使用，请换一个 id。")
    folder = root / CLAUSES_DIR / category
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{clause_id}.yml"
    order = len(list(folder.glob("*.yml"))) + 1
    path.write_text(TEMPLATE.format(id=clause_id, title=title.replace('"', "”"), category=category, order=order,
                                    today=datetime.date.today().isoformat()), encoding="utf-8")
    return path
