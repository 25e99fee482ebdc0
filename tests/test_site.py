"""The built site: every clause has its page, with tabs, copy buttons, the notice, escaping intact."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml

from markupsafe import escape

from clause_library.assembly import clause_text
from clause_library.compare import word_diff
from conftest import build, read_page

NOTICE = "仅供参考，不构成法律意见。"


def html_pages(site):
    return [p for p in site.rglob("*.html") if p.name != "404.html"]


def test_every_clause_has_a_permalink_page_with_its_text(built_site, library):
    for clause in library.clauses.values():
        page = read_page(built_site, f"clauses/{clause.id}")
        assert "<h1" in page and clause.title.replace("&", "&amp;") in page
        assert page.count('class="md-button clause-copy"') == len(clause.texts)
        if len(clause.texts) > 1:
            for stance in ("中立", "甲方友好", "乙方友好"):
                assert f">{stance}</label>" in page


def test_every_clause_is_published_as_json_with_its_copy_texts_and_markup(built_site, library):
    for clause in library.clauses.values():
        data = json.loads((built_site / "api" / "clauses" / f"{clause.id}.json").read_text(encoding="utf-8"))
        assert data["id"] == clause.id and data["markup"] == clause.texts
        assert data["texts"] == {s: clause_text(library, clause, s) for s in clause.texts}
        assert not any("[[" in text or "**" in text for text in data["texts"].values())


def test_stance_versions_are_compared_word_by_word_on_the_clause_page(built_site, library):
    """A difference known from the data: the 乙方友好 late-payment version asks more per day of delay."""
    clause = library.clauses["late-payment"]
    page = read_page(built_site, "clauses/late-payment")
    compare = re.search(r'<details class="clause-compare" data-stance="party_b">(.*?)</details>', page, re.S).group(1)
    changes = word_diff(clause_text(library, clause, "neutral"), clause_text(library, clause, "party_b"))
    inserted = [c.text for c in changes if c.kind == "insert"]
    deleted = [c.text for c in changes if c.kind == "delete"]
    assert inserted and deleted
    assert f"<ins>{html.escape(inserted[0].split(chr(10))[0], quote=False)}</ins>" in compare
    assert f"<del>{html.escape(deleted[0].split(chr(10))[0], quote=False)}</del>" in compare
    # copying still gives the clean text of each version
    for stance in clause.texts:
        assert f'data-clipboard-text="{escape(clause_text(library, clause, stance))}"' in page


def test_platform_clause_lists_carry_no_clause_text_only_what_to_fetch(built_site, library):
    page = read_page(built_site, "platforms/pinduoduo-clauses")
    assert "data-clipboard-text" not in page
    sources = re.findall(r'data-copy-src="([^"]+)"', page)
    assert len(sources) == len(library.clauses_for("pinduoduo"))
    assert all((built_site / src).is_file() for src in sources)  # each names a published clause JSON
    assert '<meta name="clause-library-root" content="../..">' in page  # where the script finds api/


def test_every_page_says_it_is_not_legal_advice(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 20
    missing = [str(p) for p in pages if NOTICE not in p.read_text(encoding="utf-8")]
    assert not missing


def test_category_pages_link_every_clause_in_order(built_site, library):
    for category in library.categories:
        page = read_page(built_site, f"library/{category.id}")
        positions = [page.index(f'href="../../clauses/{c.id}/"') for c in library.clauses_in(category.id)]
        assert positions == sorted(positions), category.id


def test_clause_pages_stay_out_of_the_navigation(built_site, library):
    """Material renders the whole nav into every page: clause pages are reached from category indexes."""
    page = read_page(built_site, "library/fees")
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):page.index("</nav>", page.index('md-nav--primary'))]
    assert "clauses/" not in nav


def test_clause_pages_link_to_edit_the_yaml_and_to_report_a_problem(built_site, library):
    for clause in library.clauses.values():
        page = read_page(built_site, f"clauses/{clause.id}")
        assert f'href="https://github.com/cs-outsourcing-contracts/clause-library/edit/main/{clause.source_path}"' in page
        assert f"issues/new?template=clause-error.yml&amp;clause={clause.id}" in page
        assert f"最后更新：{clause.last_updated}" in page


def test_recent_changes_page_lists_the_latest_edits(built_site, library):
    page = read_page(built_site, "contribute/recent-changes")
    dates = re.findall(r"<tr>\s*<td>(\d{4}-\d{2}-\d{2})</td>", page)
    entries = sum(len(c.changelog) for c in library.clauses.values())
    assert len(dates) == min(50, entries)
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == max(c.last_updated for c in library.clauses.values())


def test_legal_basis_page_lists_every_registered_article(built_site, library):
    page = read_page(built_site, "legal-basis")
    for statute in library.statutes.values():
        for article in statute.articles:
            assert f'id="{statute.id}-{article}"' in page


def test_legal_basis_page_links_the_texts_read_and_lists_repealed_laws(built_site, library):
    page = read_page(built_site, "legal-basis")
    assert page.count('<p class="statute-sources">核对时阅读的全文：<a href="https://') == len(library.statutes)
    assert "<td>《网络交易管理办法》</td><td>2021-05-01</td><td>《网络交易监督管理办法》</td>" in page


def test_search_index_is_segmented_into_chinese_words(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b保密\u200b" in texts or "\u200b保密" in texts  # jieba split 保密 out as a word
    assert any(doc["location"].startswith("clauses/confidentiality-obligations/") for doc in index["docs"])


EVIL_TITLE = "恶意<script>alert(1)</script>{{ 7*7 }}"


def test_yaml_text_is_never_executed_or_injected(project_copy, tmp_path):
    source = project_copy / "clauses" / "confidentiality" / "confidentiality-obligations.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for key in ("fields", "grants", "defines"):  # the evil text uses none of the original's fields
        data.pop(key, None)
    data.update(id="evil-clause", title=EVIL_TITLE[:30], related=[],
                summary="摘要 {% if true %}条件{% endif %} <img src=x onerror=alert(1)>")
    data["text"] = {"neutral": "正文 {{ 7*7 }} 与 {% %} 保持原样。"}
    data["annotations"]["why"] = "说明 <script>alert(2)</script> {{ config.site_name }}"
    (source.parent / "evil-clause.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site = tmp_path / "site"
    result = build(project_copy, site)
    assert result.returncode == 0, result.stderr[-3000:]
    page = read_page(site, "clauses/evil-clause")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and "{% %}" in page and "{{ config.site_name }}" in page
    assert "{% if true %}" in page
    assert "正文 49" not in page and "电商客服外包合同条款库 " not in page.split("说明", 1)[1][:60]
    assert 'data-clipboard-text="正文 {{ 7*7 }} 与 {% %} 保持原样。"' in page


def test_invalid_library_fails_the_build_with_the_validator_message(project_copy, tmp_path):
    target = project_copy / "clauses" / "confidentiality" / "confidentiality-obligations.yml"
    target.write_text(target.read_text(encoding="utf-8").replace("article: 501", "article: 1039"), encoding="utf-8")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "《民法典》第1039条未在 data/statutes.yml 中登记" in result.stderr
    assert "confidentiality-obligations.yml" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_typo_in_a_macro_call_fails_the_strict_build(project_copy, tmp_path):
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ clause_pag('confidentiality-obligations') }}\n",
                    encoding="utf-8")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "clause_pag" in result.stderr


@pytest.mark.parametrize("path", ["", "library", "platforms", "legal-basis", "library/clauses-to-avoid"])
def test_top_level_pages_render_without_leftover_template_code(built_site, path):
    page = read_page(built_site, path) if path else (built_site / "index.html").read_text(encoding="utf-8")
    body = page[page.index('<article'):page.index('</article>')]
    assert not re.search(r"\{\{|\{%", body)


def test_contracts_stay_out_of_search_so_clause_pages_rank(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "contracts/" in locations  # the list of contracts is findable
    assert not any(loc.startswith("contracts/") and loc != "contracts/" for loc in locations)


def test_generated_files_are_written_in_the_background_and_a_failure_stops_the_build(tmp_path):
    from mkdocs.exceptions import PluginError

    import mkdocs_hooks
    from clause_library.site_pages import GeneratedFile

    def broken() -> bytes:
        raise RuntimeError("boom")

    background = mkdocs_hooks._BackgroundFiles()
    good = GeneratedFile("downloads/a.txt", lambda: "正文".encode("utf-8"))
    background.start([good])
    background.publish(tmp_path)
    assert (tmp_path / "downloads" / "a.txt").read_text(encoding="utf-8") == "正文"
    background.start([good, GeneratedFile("downloads/b.docx", broken)])
    with pytest.raises(PluginError, match="子进程失败"):
        background.wait()


def article(page: str) -> str:
    return page[page.index("<article"):page.index("</article>")]


def visible_text(page: str) -> str:
    """What a reader can read on the page, folds included: tags, scripts and attributes removed."""
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_home_page_body_leads_to_the_contracts_the_signing_guide_and_the_avoid_list(built_site):
    body = article((built_site / "index.html").read_text(encoding="utf-8"))
    for target in ('href="contracts/#先选哪一份"', 'href="guide/signing-process/"', 'href="library/clauses-to-avoid/"'):
        assert target in body


def test_no_page_shows_markup_meant_for_the_converter(built_site):
    leftovers = {p.relative_to(built_site).as_posix() for p in html_pages(built_site)
                 if re.search(r"\{:? ?[.#][\w-]+ ?\}", visible_text(p.read_text(encoding="utf-8")))}
    assert not leftovers, sorted(leftovers)[:5]  # e.g. an attribute list Python-Markdown did not attach


def test_readers_see_no_file_names_or_ids_outside_the_contribute_pages(built_site):
    shown = {}
    for path in html_pages(built_site):
        relative = path.relative_to(built_site).as_posix()
        if relative.startswith("contribute/"):
            continue
        text = visible_text(path.read_text(encoding="utf-8"))
        found = [word for word in (".yml", "条款 id", "clause-library", "clause_library") if word in text]
        if found:
            shown[relative] = found
    assert not shown


def test_the_contract_guide_points_to_every_sample_contract(built_site, library):
    page = read_page(built_site, "contracts")
    guide = page[page.index('id="先选哪一份"'):page.index('id="全部示范合同"')]
    for contract in library.contracts.values():  # a new contract must get a line in "先选哪一份"
        assert f'href="{contract.id}/"' in guide, contract.id


def test_stance_links_on_list_pages_open_that_versions_tab(built_site, library):
    page = read_page(built_site, "library/fees")
    links = re.findall(r'<a class="stance-link" href="\.\./\.\./clauses/([a-z0-9-]+)/(?:#([^"]+))?">([^<]+)</a>', page)
    assert len(links) == sum(len(c.texts) for c in library.clauses_in("fees"))
    for clause_id, anchor, label in links:
        clause = read_page(built_site, f"clauses/{clause_id}")
        if anchor:  # the tab's radio input, labelled with the same stance name
            assert f'id="{anchor}"' in clause and f'<label for="{anchor}">{label}</label>' in clause
        else:
            assert len(library.clauses[clause_id].texts) == 1


@pytest.mark.parametrize("path, columns", [
    ("platforms/comparison", ["平台", "核心考核指标", "平台标准", "值得注意的规则", "客服工具"]),
    ("library", ["类别", "说明", "条款数"]),
])
def test_wide_tables_label_every_cell_for_the_phone_layout(built_site, path, columns):
    table = read_page(built_site, path).split('<div class="stacked-table">', 1)[1].split("</table>", 1)[0]
    labels = re.findall(r'<td data-label="([^"]+)">', table)
    assert labels and labels == columns * (len(labels) // len(columns))
