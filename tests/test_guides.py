"""Platform guides: every fact dated and sourced, stale facts flagged, the right clauses listed."""

from __future__ import annotations

import datetime
import html
import re

import pytest
import yaml

from clause_library import LibraryInvalid, load_library
from clause_library.guides import is_stale
from clause_library.model import Fact
from conftest import ROOT, read_page
from library_factory import Lib

FACT = {"text": "千牛工作台是卖家的客服工作台。", "as_of": "2024-12-19", "source": "某公开页面", "certainty": "secondary"}


def guide(**changes) -> dict:
    data = {
        "platform": "jd", "intro": "京东店铺客服外包的特点说明文字。",
        "workbench": [dict(FACT)], "agent_access": [dict(FACT)],
        "metrics": [{"name": "咚咚首次30秒应答率", "definition": "9:00–23:00 的会话首次响应在 30 秒内的比例。",
                     "threshold": "未确认", "backend": "京麦", "clause": "sample-clause", "advice": "照录指标原名。",
                     **{k: FACT[k] for k in ("as_of", "source", "certainty")}}],
        "rules": [{"title": "消极服务", "text": "平台可关闭咨询入口。", "clauses": ["sample-clause"],
                   **{k: FACT[k] for k in ("as_of", "source", "certainty")}}],
        "checklist": ["确认子账号", "确认考核口径", "确认处罚承担"],
        "changelog": [{"date": "2026-11-25", "change": "初版。"}],
    }
    data.update(changes)
    return data


def write_guide(lib: Lib, data: dict, name: str = "jd") -> None:
    (lib.root / "platforms").mkdir(exist_ok=True)
    (lib.root / "platforms" / f"{name}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


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
    assert load_library(lib.root).guides["jd"].metrics[0].name == "咚咚首次30秒应答率"


@pytest.mark.parametrize("missing", ["as_of", "source"])
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


def test_staleness():
    today = datetime.date(2026, 11, 25)
    assert is_stale(Fact("x", "2024-12-19", "s", "secondary"), today)
    assert not is_stale(Fact("x", "2026-01-02", "s", "secondary"), today)


def test_every_registered_platform_has_a_guide(library):
    assert set(library.guides) == {p.id for p in library.platforms}


def test_platform_pages_show_each_metric_with_date_and_source(built_site, library):
    for guide_ in library.guides.values():
        page = read_page(built_site, f"platforms/{guide_.platform.id}")
        assert "平台规则会变化" in page and "签约前请以平台现行规则" in page
        for metric in guide_.metrics:
            section = page[page.index(f'「{html.escape(metric.name, quote=False)}」<a class="headerlink"'):]
            assert f"截至 {metric.fact.as_of}" in section[:3000] and "来源：" in section[:3000]
        assert page.count('class="fact-source"') >= len(guide_.facts())
        assert page.count('<li><label><input type="checkbox">') == len(guide_.checklist)


def test_platform_page_lists_exactly_the_clauses_that_apply(built_site, library):
    for platform in library.platforms:
        page = read_page(built_site, f"platforms/{platform.id}")
        listed = page[page.index('id="适用条款"'):]
        linked = set(re.findall(r'<h4 id="[^"]*"><a href="\.\./\.\./clauses/([a-z0-9-]+)/"', listed))
        assert linked == {c.id for c in library.clauses_for(platform.id)}, platform.id


def test_stale_facts_are_reported_by_the_command():
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "clause_library", "stale"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert "条平台信息的截至日期已超过 365 天" in result.stdout


def test_platform_pages_link_their_sample_contract(built_site, library):
    for platform_id in ("taobao-tmall", "jd", "pinduoduo", "douyin", "kuaishou"):
        assert f'href="../../contracts/{platform_id}/"' in read_page(built_site, f"platforms/{platform_id}")
    assert 'href="../../contracts/general/"' in read_page(built_site, "platforms/xiaohongshu")
