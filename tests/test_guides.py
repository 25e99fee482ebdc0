"""Platform guides: every fact dated and sourced, stale facts flagged, the right clauses listed."""

from __future__ import annotations

import dataclasses
import datetime
import html
import re
import urllib.parse

import pytest
import yaml

from clause_library import LibraryInvalid, load_library
from clause_library.guides import is_stale
from clause_library.model import Fact, OfficialSource
from clause_library.render.markup import html as escape
from clause_library.render.platform_guide import platform_guide
from clause_library.render.reporting import Repository
from conftest import ROOT, read_page
from library_factory import FACT, Lib, guide, write_guide

@pytest.fixture
def lib(tmp_path):
    lib = Lib(tmp_path)
    lib.write(lib.clause())
    return lib


def problems(lib: Lib) -> str:
    with pytest.raises(LibraryInvalid) as raised:
        load_library(lib.root)
    return str(raised.value)


def test_a_valid_guide_loads(lib):
    write_guide(lib, guide())
    loaded = load_library(lib.root).guides["jd"]
    assert loaded.metrics[0].name == "咚咚首次30秒应答率" and loaded.metrics[0].fact.source_date == "2024-12-19"
    assert loaded.official_sources[0].url == "https://rule.jd.com/rule/index.action"


@pytest.mark.parametrize("missing", ["as_of", "source_date", "source"])
def test_a_platform_fact_without_date_or_source_fails(lib, missing):
    fact = dict(FACT)
    del fact[missing]
    write_guide(lib, guide(workbench=[fact]))
    message = problems(lib)
    assert "platforms/jd.yml" in message and f"缺少必填字段 {missing}" in message and "workbench[0]" in message


def test_a_metric_must_point_at_an_existing_clause(lib):
    data = guide()
    data["metrics"][0]["clause"] = "no-such-clause"
    write_guide(lib, data)
    assert "条款 no-such-clause 不存在" in problems(lib)


def test_guide_file_must_be_a_registered_platform(lib):
    write_guide(lib, guide(platform="taobao"), name="taobao")
    assert "不是 data/platforms.yml 中登记的平台 id" in problems(lib)


def test_a_fact_without_source_date_says_what_to_write(lib):
    fact = dict(FACT)
    del fact["source_date"]
    write_guide(lib, guide(workbench=[fact]))
    message = problems(lib)
    assert "workbench[0].source_date" in message and "缺少必填字段 source_date" in message
    assert "来源没有日期的，写 undated" in message


def test_a_source_dated_after_the_check_fails(lib):
    write_guide(lib, guide(workbench=[{**FACT, "as_of": "2024-01-10", "source_date": "2024-12-19"}]))
    message = problems(lib)
    assert "workbench[0].source_date" in message and "来源日期 2024-12-19 晚于核对日期 as_of 2024-01-10" in message


def test_an_undated_repost_cannot_be_secondary(lib):
    write_guide(lib, guide(workbench=[{**FACT, "source_date": "undated"}]))
    message = problems(lib)
    assert "workbench[0].certainty" in message and "来源未注明日期，不能标为 secondary" in message


def test_an_official_fact_needs_an_address_on_the_platforms_own_domain(lib):
    write_guide(lib, guide(workbench=[{**FACT, "certainty": "official"}]))  # example.com is a repost
    assert "source 中必须有京东官方域名（jd.com）上的 https 地址" in problems(lib)
    write_guide(lib, guide(workbench=[{**FACT, "certainty": "official",
                                       "source": "京东规则平台 https://rule.jd.com/rule/index.action"}]))
    assert load_library(lib.root).guides["jd"].workbench[0].certainty == "official"


@pytest.mark.parametrize("url", [
    "https://www.maijiaw.com/jd-rules",  # a repost site
    "http://rule.jd.com/rule/index.action",  # not https
    "https://rule.jd.com.example.cn/",  # looks official, is not
])
def test_official_sources_only_on_the_platforms_own_domains(lib, url):
    write_guide(lib, guide(official_sources=[{"name": "京东规则", "url": url, "covers": "平台规则"}]))
    message = problems(lib)
    assert "official_sources[0].url" in message
    assert "不是京东官方域名上的 https 地址" in message or "应以 https:// 开头" in message


def test_staleness_goes_by_the_sources_date_and_undated_always_needs_review():
    today = datetime.date(2026, 11, 25)
    checked_yesterday = "2026-11-24"
    assert is_stale(Fact("x", checked_yesterday, "s", "secondary", "2024-12-19"), today)
    assert not is_stale(Fact("x", checked_yesterday, "s", "secondary", "2026-01-02"), today)
    assert is_stale(Fact("x", checked_yesterday, "s", "uncertain", "undated"), today)


def test_every_registered_platform_has_a_guide(library):
    assert set(library.guides) == {p.id for p in library.platforms}


def fact_folds(page: str) -> list[str]:
    return re.findall(r'<details class="fact-check">.*?</details>', page, flags=re.S)


def test_platform_pages_fold_each_facts_source_dates_and_certainty_under_it(built_site, library):
    for guide_ in library.guides.values():
        page = read_page(built_site, f"platforms/{guide_.platform.id}")
        assert "平台规则会变化" in page and "签约前请以平台现行规则" in page
        folds = fact_folds(page)
        assert len(folds) == len(guide_.facts()), guide_.platform.id
        for fact in guide_.facts():
            assert any(f"核对日期 {fact.as_of}" in fold and f"来源：{escape(fact.source)}</p>" in fold for fold in folds)
        for metric in guide_.metrics:  # a metric's fold sits under its own heading
            section = page[page.index(f'「{html.escape(metric.name, quote=False)}」<a class="headerlink"'):]
            assert f"来源：{escape(metric.fact.source)}</p>" in fact_folds(section)[0]
        unfolded = re.sub(r'<details class="fact-check">.*?</details>', "", page, flags=re.S)
        assert "来源：" not in unfolded and "可靠程度：" not in unfolded  # sources never sit in the running text
        assert page.count('<li><label><input type="checkbox">') == len(guide_.checklist)


def test_each_platform_guide_starts_with_what_the_reader_acts_on(built_site, library):
    for guide_ in library.guides.values():
        page = read_page(built_site, f"platforms/{guide_.platform.id}")
        order = [page.index(f'id="{heading}"') for heading in ("签约清单", "主要风险与对应条款", "平台考核指标与合同条款", "平台概况")]
        assert order == sorted(order), guide_.platform.id
        assert 'class="clause-copy' not in page  # the clause list has its own page


def test_platform_clause_page_lists_exactly_the_clauses_that_apply(built_site, library):
    for platform in library.platforms:
        assert f'href="../{platform.id}-clauses/"' in read_page(built_site, f"platforms/{platform.id}")
        page = read_page(built_site, f"platforms/{platform.id}-clauses")
        linked = set(re.findall(r'<h3 id="[^"]*"><a href="\.\./\.\./clauses/([a-z0-9-]+)/"', page))
        assert linked == {c.id for c in library.clauses_for(platform.id)}, platform.id


def test_stale_facts_are_reported_by_the_command():
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "clause_library", "stale"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert "条平台信息的来源日期已超过 365 天或来源未注明日期，需要复核" in result.stdout
    assert "来源未注明日期：" in result.stdout  # the listing says why each one is due


def test_platform_pages_link_their_sample_contract(built_site, library):
    for platform_id in ("taobao-tmall", "jd", "pinduoduo", "douyin", "kuaishou"):
        assert f'href="../../contracts/{platform_id}/"' in read_page(built_site, f"platforms/{platform_id}")
    assert 'href="../../contracts/general/"' in read_page(built_site, "platforms/xiaohongshu")


SITE = "https://cs-outsourcing-contracts.github.io/clause-library/"
REPO = "https://github.com/cs-outsourcing-contracts/clause-library"


def report_links(fold: str) -> list[dict[str, str]]:
    hrefs = re.findall(r'<a href="([^"]+)">报告问题</a>', fold)
    return [{k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(html.unescape(h)).query).items()}
            for h in hrefs]


def test_every_platform_fact_has_a_report_link_filled_in_with_page_fact_and_date(built_site, library):
    for guide_ in library.guides.values():
        page = read_page(built_site, f"platforms/{guide_.platform.id}")
        for fold in fact_folds(page):
            [fields] = report_links(fold)
            assert fields["template"] == "platform-rule-changed.yml" and fields["platform"] == guide_.platform.name
            address, anchor = fields["page"].split("#")
            assert address == f"{SITE}platforms/{guide_.platform.id}/" and f'id="{anchor}"' in page
            as_of = re.search(r"核对日期 (\d{4}-\d{2}-\d{2})", fold)[1]
            assert f"核对日期 {as_of}" in fields["current"] and fields["rule"] and fields["title"].startswith("[平台规则]")


def test_report_links_fill_fields_the_issue_form_has():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "platform-rule-changed.yml").read_text(encoding="utf-8"))
    ids = {field.get("id") for field in form["body"]}
    assert {"platform", "rule", "page", "current"} <= ids
    options = next(f for f in form["body"] if f.get("id") == "platform")["attributes"]["options"]
    registered = yaml.safe_load((ROOT / "data" / "platforms.yml").read_text(encoding="utf-8"))
    assert {p["name"] for p in registered} <= set(options)  # a prefilled platform must be one of the choices


def test_platform_pages_edit_their_own_guide_file(built_site, library):
    for guide_ in library.guides.values():
        page = read_page(built_site, f"platforms/{guide_.platform.id}")
        assert f'href="{REPO}/edit/main/{guide_.source_path}"' in page
    assert f'href="{REPO}/edit/main/docs/platforms/comparison.md"' in read_page(built_site, "platforms/comparison")


OFFICIAL = OfficialSource("京东规则中心", "https://rule.jd.com/rule/ruleList.action", "平台规则与处罚")


def rendered_guide(lib: Lib, **changes) -> str:
    """The jd guide written by guide(), with model fields replaced (the loader's checks are not at issue here)."""
    write_guide(lib, guide())
    library = load_library(lib.root)
    jd = dataclasses.replace(library.guides["jd"], **changes)
    return platform_guide(dataclasses.replace(library, guides={"jd": jd}), "jd", "platforms/jd.md",
                          Repository(REPO, SITE))


def test_official_sources_lead_the_guide_and_sit_in_every_fold(lib):
    dated = Fact("咚咚是京东的客服聊天工具。", "2024-01-10", "https://repost.example.com/a", "uncertain", "2023-03-14")
    page = rendered_guide(lib, official_sources=(OFFICIAL,),
                          workbench=(dated, dataclasses.replace(dated, source_date="undated")))
    link = '<a href="https://rule.jd.com/rule/ruleList.action">京东规则中心</a>（平台规则与处罚）'
    assert f"签约前到平台官方页面核对：{link}" in page
    assert page.index(link) < page.index("## 签约清单")
    assert all(f"到平台官方页面核对：{link}" in fold for fold in fact_folds(page))
    dated, undated = fact_folds(page[page.index('id="workbench-1"'):])[:2]
    assert "来源：https://repost.example.com/a</p>" in dated and "来源日期 2023-03-14" in dated
    assert "来源未注明日期" in undated and "核对日期 2024-01-10" in undated and "需复核：来源未注明日期" in undated
    assert '<a href="https://repost.example.com' not in page  # a source is text, never a link


def test_a_guide_without_official_sources_renders_without_that_line(lib):
    page = rendered_guide(lib, official_sources=())
    assert "官方页面核对" not in page
    assert all(f"核对日期 {FACT['as_of']}" in fold for fold in fact_folds(page))
