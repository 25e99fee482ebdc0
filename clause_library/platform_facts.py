"""The dating and sourcing of a platform fact, wherever it is written (platforms/*.yml and clauses'
platform_notes), checked against the source policy in docs/contribute/writing-standard.md (section 五):

- as_of is the day someone checked the fact; source_date is the source's own date, or "undated";
- only the platform's own pages (on the domains data/platforms.yml lists for it) can carry "official";
- an undated repost cannot carry "secondary": nobody can tell which version of a rule it reports. (The
  platform's own undated page stays "official"; like every undated fact, it is always due for review.)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from clause_library.model import Platform
from clause_library.registries import valid_date

UNDATED = "undated"
_URL = re.compile(r"https?://[^\s)（）;,；，、]+")


def source_date_label(source_date: str) -> str:
    """A source's date as a reader reads it."""
    return "来源未注明日期" if source_date == UNDATED else f"来源日期 {source_date}"


def on_official_domain(url: str, domains: tuple[str, ...]) -> bool:
    """An https address whose host is one of `domains` or below one (mms.pinduoduo.com for pinduoduo.com)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and any(host == d or host.endswith("." + d) for d in domains)


def _domains_named(platform: Platform) -> str:
    return "、".join(platform.official_domains) or "（未登记任何官方域名）"


def fact_problems(raw: dict, platform: Platform | None) -> list[tuple[str, str]]:
    """(message, key) for each way a fact's dates and certainty break the policy; raw has passed its schema."""
    problems = []
    source_date, as_of, certainty = raw["source_date"], raw["as_of"], raw["certainty"]
    if source_date != UNDATED:
        if not valid_date(source_date):
            problems.append((f"{source_date} 不是有效日期。", "source_date"))
        elif valid_date(as_of) and source_date > as_of:
            problems.append((f"来源日期 {source_date} 晚于核对日期 as_of {as_of}：source_date 是来源页面自身的日期，"
                             "as_of 是你核对它的日期，前者不会晚于后者。", "source_date"))
    if certainty == "secondary" and source_date == UNDATED:
        problems.append(("来源未注明日期，不能标为 secondary：不知道写于何时的转载，无法判断它说的是否还是现行规则。"
                         "请改为 uncertain，或者换一个有日期的来源（见写作规范第五节）。", "certainty"))
    if certainty == "official" and platform is not None and not any(
            on_official_domain(url, platform.official_domains) for url in _URL.findall(raw["source"])):
        problems.append((f"标为 official 的事实，source 中必须有{platform.name}官方域名（{_domains_named(platform)}）上的 "
                         "https 地址；转载或报道平台规则的页面最高只能标为 secondary。", "certainty"))
    return problems


def official_source_problem(url: str, platform: Platform) -> str | None:
    if on_official_domain(url, platform.official_domains):
        return None
    return (f"{url} 不是{platform.name}官方域名上的 https 地址。official_sources 只收平台自己的页面，"
            f"域名须登记在 data/platforms.yml 该平台的 official_domains 中（现有：{_domains_named(platform)}）；"
            "转载页面只能作为文字写进事实的 source。")
