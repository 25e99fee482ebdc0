"""A platform's guide page, its list of applicable clauses, and the cross-platform comparison.

The guide is read on a phone by someone about to sign: it puts first what she acts on (the signing
checklist, the platform's risks and the clauses that answer them), then each metric with how to
write it into the contract, then the background. Under every fact its source, dates and certainty
fold away, one tap from the fact, with a link to report it.
"""

from __future__ import annotations

from dataclasses import dataclass

from clause_library.guides import is_stale
from clause_library.model import Fact, Library, PlatformGuide
from clause_library.render import paths
from clause_library.render.facts import fact_details, official_links, report_url
from clause_library.render.indexes import platform_clauses
from clause_library.render.markup import html, html_block, md_inline, md_link, paragraphs, stacked_table
from clause_library.render.reporting import Repository

SIGNING_GUIDE_PAGE = "guide/signing-process.md"


@dataclass(frozen=True)
class _Facts:
    """Renders a guide's facts, each with its fold; `anchor` is the id a report link points at."""
    guide: PlatformGuide
    page: str
    repo: Repository | None

    def details(self, fact: Fact, anchor: str, label: str) -> str:
        report = (report_url(self.repo, self.guide.platform, self.page, anchor, label, fact) if self.repo else None)
        return fact_details(fact, self.guide.official_sources, report)

    def items(self, facts: tuple[Fact, ...], kind: str, section: str) -> str:
        items = "".join(f'<li id="{kind}-{n}">{html(f.text)}{self.details(f, f"{kind}-{n}", f"{section}（第{n}条）")}</li>'
                        for n, f in enumerate(facts, 1))
        return html_block(f'<ul class="facts">{items}</ul>')


def _notice(guide: PlatformGuide) -> str:
    official = (f"<p>签约前到平台官方页面核对：{official_links(guide.official_sources)}</p>"
                if guide.official_sources else "")
    stale = sum(is_stale(f) for f in guide.facts())
    stale_line = (f"<p>本页有 {stale} 条信息较旧或来源未注明日期，标注为“需复核”，使用前请核对。</p>"
                  if stale else "")
    return html_block('<div class="admonition warning"><p class="admonition-title">平台规则会变化</p>'
                      "<p>本页信息来自公开资料，签约前请以平台现行规则和店铺后台显示为准。"
                      "每条信息下的“来源、日期与报告问题”可以展开：来源、日期、可靠程度，以及报告过时信息的链接。</p>",
                      official, stale_line, "</div>")


def _checklist(guide: PlatformGuide) -> str:
    """Tickable and printable; each checkbox is labelled by its own item."""
    items = "".join(f'<li><label><input type="checkbox"> {html(item)}</label></li>' for item in guide.checklist)
    return html_block(f'<ul class="checklist">{items}</ul>')


def _clause_links(library: Library, clause_ids: tuple[str, ...], page: str) -> str:
    return "、".join(md_link(library.clauses[c].title, page, paths.clause_page(c)) for c in clause_ids)


def _rules(library: Library, facts: _Facts) -> str:
    out = []
    for n, rule in enumerate(facts.guide.rules, 1):
        out += [f"\n### {md_inline(rule.title)} {{ #rule-{n} }}\n", html_block(paragraphs(rule.fact.text)),
                f"应对条款：{_clause_links(library, rule.clause_ids, facts.page)}\n",
                html_block(facts.details(rule.fact, f"rule-{n}", rule.title))]
    return "".join(out)


def _metrics(library: Library, facts: _Facts) -> str:
    if not facts.guide.metrics:
        return "该平台没有统一的平台考核指标，由双方在合同中自行约定考核口径。\n"
    out = ["合同的考核条款应照录平台指标的原名，写明以哪个后台页面的数据为准，照搬平台的统计时段和排除项，"
           "并把合同标准定在平台标准之上、留有余量。\n"]
    for n, m in enumerate(facts.guide.metrics, 1):
        out += [f"\n### 「{md_inline(m.name)}」 {{ #metric-{n} }}\n\n",
                f"**写进合同：**{_clause_links(library, (m.clause_id,), facts.page)}。{md_inline(m.advice)}\n\n",
                f"**平台标准：**{md_inline(m.threshold or '未确认')}\n\n",
                f"**数据依据（后台页面）：**{md_inline(m.backend or '未确认')}\n\n",
                f"**口径：**{md_inline(m.definition)}\n",
                html_block(facts.details(m.fact, f"metric-{n}", f"「{m.name}」"))]
    return "".join(out)


def _routes(library: Library, platform_id: str, page: str) -> str:
    """The platform's own sample contract and the short form (or else the neutral contracts for every
    platform: the short form and the general one, first in the contracts' order), and the signing guide."""
    own = [c for c in library.contracts.values() if c.platforms and [p.id for p in c.platforms] == [platform_id]]
    general = [c for c in library.contracts.values() if c.platforms is None and c.stance == "neutral"][:2]
    chosen = own + general[:1] if own else general
    contract = ("可直接使用的示范合同：" + "、".join(md_link(c.title, page, paths.contract_page(c.id)) for c in chosen)
                + "（可以在线填写，也可以下载 Word 版）。" if chosen else "")
    return (f"{contract}第一次外包客服，先看{md_link('签约流程指南', page, SIGNING_GUIDE_PAGE)}；"
            f"各平台的对比见{md_link('平台对比', page, paths.PLATFORM_COMPARISON_PAGE)}。\n\n")


def _all_clauses_link(library: Library, platform_id: str, page: str) -> str:
    count = len(library.clauses_for(platform_id))
    link = md_link(f"{library.platform(platform_id).name}适用的全部 {count} 个条款", page,
                   paths.platform_clauses_page(platform_id))
    return f"按合同条文顺序排列、每个都可以一键复制的条款清单：{link}。\n"


def platform_guide(library: Library, platform_id: str, page: str, repo: Repository | None = None) -> str:
    platform = library.platform(platform_id)
    guide = library.guides.get(platform_id)
    name = md_inline(platform.name)
    head = (f"# {name}：客服外包签约指南\n\n写给在{name}开店、准备外包客服的商家，以及承接{name}店铺的客服服务商："
            "先看签约清单和主要风险，再看平台考核指标怎么写进合同。\n\n")
    routes = _routes(library, platform_id, page)
    if guide is None:
        return head + routes + "\n## 适用条款\n\n" + _all_clauses_link(library, platform_id, page)
    facts = _Facts(guide, page, repo)
    return "".join([
        head, routes, _notice(guide),
        "## 签约清单\n", _checklist(guide),
        "\n## 主要风险与对应条款\n", _rules(library, facts),
        "\n## 平台考核指标与合同条款\n\n", _metrics(library, facts),
        "\n## 平台概况\n", html_block(paragraphs(guide.intro)),
        "\n### 客服工作台与工具\n", facts.items(guide.workbench, "workbench", "客服工作台与工具"),
        "\n### 外包坐席如何接入\n", facts.items(guide.agent_access, "access", "外包坐席如何接入"),
        "\n## 适用条款\n\n", _all_clauses_link(library, platform_id, page),
        f"\n本页信息最后更新：{guide.last_updated}。\n",
    ])


def platform_clause_list(library: Library, platform_id: str, page: str) -> str:
    platform = library.platform(platform_id)
    guide_link = md_link(f"{platform.name}签约指南", page, paths.platform_page(platform_id))
    return (f"# {md_inline(platform.name)}：适用条款\n\n"
            f"点条款标题查看三种写法、注释与法律依据；“复制”按钮复制中立文本。签约清单、平台考核指标与风险见{guide_link}。\n\n"
            + platform_clauses(library, platform_id, page, level=2))


def platform_comparison(library: Library, page: str) -> str:
    rows = []
    for platform in library.platforms:
        guide = library.guides.get(platform.id)
        if guide is None:
            continue
        tools = "；".join(md_inline(f.text) for f in guide.workbench[:1])
        metrics = "、".join(f"「{md_inline(m.name)}」" for m in guide.metrics) or "无统一平台指标"
        thresholds = "；".join(f"{md_inline(m.name)}：{md_inline(m.threshold.rstrip('。'))}" for m in guide.metrics
                              if m.threshold and m.threshold != "未确认") or "未确认"
        rules = "、".join(md_inline(r.title) for r in guide.rules)
        rows.append([md_link(platform.name, page, paths.platform_page(platform.id)), metrics, thresholds, rules, tools])
    return stacked_table(["平台", "核心考核指标", "平台标准", "值得注意的规则", "客服工具"], rows)
