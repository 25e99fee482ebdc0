"""A platform fact as a reader meets it: the fact itself, then, folded one tap away, where it comes
from, how old it is, how sure we are, where to confirm it on the platform, and a link to report it."""

from __future__ import annotations

from clause_library.guides import STALE_AFTER_DAYS, is_stale
from clause_library.platform_facts import UNDATED, source_date_label
from clause_library.model import Fact, OfficialSource, Platform
from clause_library.render.markup import html
from clause_library.render.reporting import PLATFORM_FORM, Repository

CERTAINTY_LABELS = {
    "official": "平台官方页面",
    "secondary": "第三方转载，未经平台官方页面确认",
    "uncertain": "不确定：来源冲突或无法核实",
}
EXCERPT_CHARS = 30  # a report quotes the start of the fact (the page link finds the rest): URLs stay short


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS] + "……"


def official_links(sources: tuple[OfficialSource, ...]) -> str:
    return "；".join(f'<a href="{html(s.url)}">{html(s.name)}</a>（{html(s.covers)}）' for s in sources)


def report_url(repo: Repository, platform: Platform, page: str, anchor: str, label: str, fact: Fact) -> str:
    """The platform-rule form, filled in with the page, the fact and its dates."""
    dates = f"{source_date_label(fact.source_date)}；核对日期 {fact.as_of}"
    return repo.issue(PLATFORM_FORM, {
        "title": f"[平台规则] {platform.name}：{label}",
        "platform": platform.name,
        "rule": label,
        "page": repo.page(page, anchor),
        "current": f"{_excerpt(fact.text)}（{dates}）",
    })


def fact_details(fact: Fact, official: tuple[OfficialSource, ...] = (), report: str | None = None) -> str:
    """The fold under a fact. The source is text, never a link: most are reposts of platform rules,
    and the link to follow is the platform's own page. A fact due for review says so while folded."""
    why = "来源未注明日期" if fact.source_date == UNDATED else f"超过 {STALE_AFTER_DAYS} 天"
    stale = f'<span class="fact-stale">需复核：{why}</span>' if is_stale(fact) else ""
    dates = f"{source_date_label(fact.source_date)} · 核对日期 {html(fact.as_of)}"
    lines = [f"<p>来源：{html(fact.source)}</p>", f"<p>{dates}</p>",
             f"<p>可靠程度：{CERTAINTY_LABELS[fact.certainty]}</p>"]
    if official:
        lines.append(f"<p>到平台官方页面核对：{official_links(official)}</p>")
    if report:
        lines.append(f'<p><a href="{html(report)}">报告问题</a>：这条信息过时或有误</p>')
    return (f'<details class="fact-check"><summary>来源、日期与报告问题{stale}</summary>'
            f'{"".join(lines)}</details>')
