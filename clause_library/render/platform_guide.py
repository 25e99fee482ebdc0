"""A platform's guide page and the cross-platform comparison, rendered from platforms/<id>.yml."""

from __future__ import annotations

from clause_library.guides import STALE_AFTER_DAYS, is_stale
from clause_library.model import Fact, Library, PlatformGuide
from clause_library.render import paths
from clause_library.render.clause import CERTAINTY_LABELS
from clause_library.render.indexes import platform_clauses
from clause_library.render.markup import html, html_block, md_inline, md_link, paragraphs

SIGNING_GUIDE_PAGE = "guide/signing-process.md"


def fact_source(fact: Fact) -> str:
    stale = (f' <span class="fact-stale">需复核：超过 {STALE_AFTER_DAYS} 天</span>' if is_stale(fact) else "")
    return (f'<span class="fact-source">截至 {html(fact.as_of)} · 来源：{html(fact.source)} · '
            f'可靠程度：{CERTAINTY_LABELS[fact.certainty]}{stale}</span>')


def _facts(facts: tuple[Fact, ...]) -> str:
    return html_block("<ul>" + "".join(f"<li>{html(f.text)}{fact_source(f)}</li>" for f in facts) + "</ul>")


def _notice(guide: PlatformGuide) -> str:
    stale = sum(is_stale(f) for f in guide.facts())
    stale_line = (f"<p>本页有 {stale} 条信息的截至日期已超过 {STALE_AFTER_DAYS} 天，标注为“需复核”，"
                  "使用前请务必到平台规则中心核对。</p>" if stale else "")
    return html_block('<div class="admonition warning"><p class="admonition-title">平台规则会变化</p>'
                      "<p>本页每条平台信息都注明了截至日期、来源与可靠程度。平台规则经常调整，"
                      "签约前请以平台现行规则和店铺后台显示为准。</p>", stale_line, "</div>")


def _metric_table(library: Library, guide: PlatformGuide, page: str) -> str:
    if not guide.metrics:
        return "该平台没有统一的平台考核指标，由双方在合同中自行约定考核口径。\n"
    rows = ["| 平台指标（原名） | 平台标准 | 数据依据（后台页面） | 应写入的条款 |", "| --- | --- | --- | --- |"]
    for m in guide.metrics:
        clause = library.clauses[m.clause_id]
        rows.append(f"| 「{md_inline(m.name)}」 | {md_inline(m.threshold or '未确认')} | "
                    f"{md_inline(m.backend or '未确认')} | {md_link(clause.title, page, paths.clause_page(clause.id))} |")
    details = "".join(
        f"\n### 「{md_inline(m.name)}」\n"
        + html_block(f"<p><strong>口径：</strong>{html(m.definition)}</p>",
                     f"<p><strong>起草建议：</strong>{html(m.advice)}</p>", f"<p>{fact_source(m.fact)}</p>")
        for m in guide.metrics)
    return "\n".join(rows) + "\n" + details


def _rules(library: Library, guide: PlatformGuide, page: str) -> str:
    out = []
    for rule in guide.rules:
        links = "、".join(md_link(library.clauses[c].title, page, paths.clause_page(c)) for c in rule.clause_ids)
        out.append(f"\n### {md_inline(rule.title)}\n")
        out.append(html_block(f"<p>{html(rule.fact.text)}</p>", f"<p>{fact_source(rule.fact)}</p>"))
        out.append(f"应对条款：{links}\n")
    return "".join(out)


def _checklist(guide: PlatformGuide) -> str:
    """Tickable and printable; each checkbox is labelled by its own item."""
    items = "".join(f'<li><label><input type="checkbox"> {html(item)}</label></li>' for item in guide.checklist)
    return html_block(f'<ul class="checklist">{items}</ul>')


def _sample_contracts(library: Library, platform_id: str, page: str) -> str:
    """The platform's own sample contract, or else the general ones that cover every platform."""
    own = [c for c in library.contracts.values() if c.platforms and [p.id for p in c.platforms] == [platform_id]]
    chosen = own or [c for c in library.contracts.values() if c.platforms is None][:1]
    if not chosen:
        return ""
    links = "、".join(md_link(c.title, page, paths.contract_page(c.id)) for c in chosen)
    return f"可直接使用的示范合同：{links}（可下载 Word 版）。"


def platform_guide(library: Library, platform_id: str, page: str) -> str:
    platform = library.platform(platform_id)
    guide = library.guides.get(platform_id)
    head = f"# {md_inline(platform.name)}：客服外包签约指南\n\n"
    process = (f"签约的一般流程见{md_link('签约流程指南', page, SIGNING_GUIDE_PAGE)}；"
               f"各平台的对比见{md_link('平台对比', page, paths.PLATFORM_COMPARISON_PAGE)}。"
               + _sample_contracts(library, platform_id, page) + "\n\n")
    if guide is None:
        return head + process + "\n## 适用条款\n\n" + platform_clauses(library, platform_id, page, level=3)
    return "".join([
        head, html_block(paragraphs(guide.intro)), _notice(guide), process,
        "## 客服工作台与工具\n", _facts(guide.workbench),
        "## 外包坐席如何接入\n", _facts(guide.agent_access),
        "## 平台考核指标与合同条款\n\n",
        "合同的考核条款应照录平台指标的原名，写明以哪个后台页面的数据为准，照搬平台的统计时段和排除项，"
        "并把合同标准定在平台标准之上、留有余量。\n\n",
        _metric_table(library, guide, page),
        "\n## 平台特有风险与对应条款\n", _rules(library, guide, page),
        "\n## 签约清单\n\n", _checklist(guide),
        f"\n本页数据最后更新：{guide.last_updated}。数据文件：`{guide.source_path}`。\n",
        "\n## 适用条款\n\n", platform_clauses(library, platform_id, page, level=3),
    ])


def platform_comparison(library: Library, page: str) -> str:
    rows = ["| 平台 | 客服工具 | 核心考核指标 | 平台标准 | 值得注意的规则 |", "| --- | --- | --- | --- | --- |"]
    for platform in library.platforms:
        guide = library.guides.get(platform.id)
        if guide is None:
            continue
        tools = "；".join(md_inline(f.text) for f in guide.workbench[:1])
        metrics = "、".join(f"「{md_inline(m.name)}」" for m in guide.metrics) or "无统一平台指标"
        thresholds = "；".join(f"{md_inline(m.name)}：{md_inline(m.threshold)}" for m in guide.metrics
                              if m.threshold and m.threshold != "未确认") or "未确认"
        rules = "、".join(md_inline(r.title) for r in guide.rules)
        rows.append(f"| {md_link(platform.name, page, paths.platform_page(platform.id))} | {tools} | {metrics} | "
                    f"{thresholds} | {rules} |")
    return "\n".join(rows) + "\n"
