"""Renderers turn the library into Markdown that shows YAML text as data, exactly."""

from __future__ import annotations

import dataclasses
import html.parser
import json

import pytest

from clause_library import load_library
from clause_library.export.site_json import clause_json
from clause_library.render import clause as clause_render
from clause_library.render import indexes
from library_factory import Lib

EVIL = "{{ 7*7 }} {% if true %}X{% endif %} <script>alert(1)</script> & *强调* [链接](http://x)"
THREE = {
    "neutral": "乙方应当在【reply-days】个工作日内答复。\n第二段：甲方应当配合，依照本合同[[evil-clause]]处理。",
    "party_a": "乙方应当在【reply-days】个工作日内答复。",
    "party_b": "**乙方**应当在【reply-days】个工作日内答复。",
}
EVIL_TITLE = "标题<b>粗</b>{{ x }}"
COPIED = {  # what a copy button copies: the text as it reads on its own, usable in any draft
    "neutral": f"乙方应当在【3】个工作日内答复。\n第二段：甲方应当配合，依照本合同“{EVIL_TITLE}”条款处理。",
    "party_a": "乙方应当在【1】个工作日内答复。",
    "party_b": "乙方应当在【5】个工作日内答复。",
}
REPLY_DAYS = {"reply-days": {"label": "答复期限", "type": "integer", "unit": "个工作日",
                             "suggested": {"neutral": 3, "party_a": 1, "party_b": 5}, "rationale": "够核实，又不拖延。"}}


class _Buttons(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.copied: list[str] = []  # data-clipboard-text: the text itself
        self.fetched: list[tuple[str, str]] = []  # (JSON path, stance id): the text comes from the clause JSON

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-clipboard-text" in attrs:
            self.copied.append(attrs["data-clipboard-text"])
        if "data-copy-src" in attrs:
            self.fetched.append((attrs["data-copy-src"], attrs["data-copy-stance"]))


def buttons(markup: str) -> _Buttons:
    parser = _Buttons()
    parser.feed(markup)
    return parser


def copy_texts(markup: str) -> list[str]:
    return buttons(markup).copied


@pytest.fixture
def library(tmp_path):
    lib = Lib(tmp_path)
    lib.write(lib.clause(text=THREE, fields=REPLY_DAYS, related=["evil-clause"]))
    lib.write(lib.clause(id="evil-clause", category="fees", title="标题<b>粗</b>{{ x }}", summary=EVIL, fields=None,
                         text={"neutral": "乙方应当按时提供服务。"},
                         platforms=["jd"],
                         annotations={"why": EVIL, "risks": EVIL, "playbook": [{"ask": EVIL, "answer": EVIL}],
                                      "red_line": EVIL}),
              category="fees", name="evil-clause")
    loaded = load_library(lib.root)
    # Validation keeps Latin letters out of clause text; the renderer must be safe without relying on that.
    evil = dataclasses.replace(loaded.clauses["evil-clause"], texts={"neutral": EVIL})
    return dataclasses.replace(loaded, clauses={**loaded.clauses, "evil-clause": evil})


def test_yaml_text_is_escaped_everywhere(library):
    page = clause_render.clause_page(library, library.clauses["evil-clause"], "clauses/evil-clause.md")
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and "{% if true %}" in page  # left for the reader to see, never evaluated
    assert "# 标题&lt;b&gt;粗&lt;/b&gt;\\{\\{ x \\}\\}" in page  # heading: no HTML, no Markdown syntax


def test_copy_button_carries_exactly_the_clause_text(library):
    page = clause_render.clause_page(library, library.clauses["sample-clause"], "clauses/sample-clause.md")
    assert copy_texts(page) == [COPIED["neutral"], COPIED["party_a"], COPIED["party_b"]]
    evil = clause_render.clause_page(library, library.clauses["evil-clause"], "clauses/evil-clause.md")
    assert copy_texts(evil) == [EVIL]


def test_list_page_buttons_copy_the_neutral_text_from_the_clause_json(library):
    page = indexes.platform_clauses(library, "jd", "platforms/jd.md")
    found = buttons(page)
    assert not found.copied  # the texts stay out of the list page's HTML
    assert sorted(found.fetched) == [("api/clauses/evil-clause.json", "neutral"),
                                     ("api/clauses/sample-clause.json", "neutral")]
    for src, stance in found.fetched:
        clause_id = src.removeprefix("api/clauses/").removesuffix(".json")
        data = json.loads(clause_json(library, library.clauses[clause_id]))
        assert data["texts"][stance] == (COPIED[stance] if clause_id == "sample-clause" else EVIL)


def test_clause_json_holds_every_version_and_the_annotations_as_plain_text(library):
    data = json.loads(clause_json(library, library.clauses["sample-clause"]))
    assert data["texts"] == COPIED and data["markup"] == THREE  # the copy text, and the YAML with its markup
    assert data["stances"] == {"neutral": "中立", "party_a": "甲方友好", "party_b": "乙方友好"}
    evil = json.loads(clause_json(library, library.clauses["evil-clause"]))
    assert evil["texts"]["neutral"] == EVIL and evil["annotations"]["why"] == EVIL  # data, not markup
    assert evil["platforms"] == ["jd"] and data["platforms"] is None


def test_stance_versions_are_tabs_in_registry_order(library):
    page = clause_render.clause_page(library, library.clauses["sample-clause"], "clauses/sample-clause.md")
    assert page.count('type="radio"') == 3
    labels = [page.index(f">{name}</label>") for name in ("中立", "甲方友好", "乙方友好")]
    assert labels == sorted(labels)


def test_single_version_has_no_tabs(library):
    page = clause_render.clause_page(library, library.clauses["evil-clause"], "clauses/evil-clause.md")
    assert "tabbed-set" not in page and page.count("clause-copy") == 1


def test_fields_references_and_conspicuous_terms_read_on_the_clause_page(library):
    page = clause_render.clause_page(library, library.clauses["sample-clause"], "clauses/sample-clause.md")
    assert ('<p>乙方应当在<span class="fill-in" title="答复期限">【3】</span>个工作日内答复。</p><p>第二段：甲方应当配合，'
            '依照本合同<a href="../evil-clause/">“标题&lt;b&gt;粗&lt;/b&gt;{{ x }}”条款</a>处理。</p>') in page
    assert '<p><strong>乙方</strong>应当在<span class="fill-in" title="答复期限">【5】</span>个工作日内答复。</p>' in page


def test_legal_basis_shows_the_article_subject_and_links_to_the_registry(library):
    page = clause_render.clause_page(library, library.clauses["sample-clause"], "clauses/sample-clause.md")
    assert "[《民法典》第509条](../legal-basis.md#civil-code-509)：全面履行原则" in page


def test_related_links_are_relative(library):
    page = clause_render.clause_page(library, library.clauses["sample-clause"], "clauses/sample-clause.md")
    assert "(evil-clause.md)" in page


def test_category_index_lists_only_its_clauses(library):
    page = indexes.category_index(library, "confidentiality", "library/confidentiality.md")
    assert "(../clauses/sample-clause.md)" in page and "evil-clause" not in page


def test_platform_list_is_exactly_the_clauses_that_apply(library):
    jd = indexes.platform_clauses(library, "jd", "platforms/jd.md")
    taobao = indexes.platform_clauses(library, "taobao-tmall", "platforms/taobao-tmall.md")
    assert "sample-clause.md" in jd and "evil-clause.md" in jd  # "all" and ["jd"]
    assert "sample-clause.md" in taobao and "evil-clause.md" not in taobao


def test_a_facts_fold_shows_yaml_text_as_text(library):
    from clause_library.model import Fact, OfficialSource
    from clause_library.render.facts import fact_details

    fold = fact_details(Fact(EVIL, "2026-01-02", f"https://x.example/{EVIL}", "secondary", "undated"),
                        (OfficialSource(EVIL, 'https://rule.example.com/"onmouseover=alert(1)', EVIL),),
                        'https://github.com/o/r/issues/new?template=a.yml&x="<b>')
    assert "<script>" not in fold and "<b>" not in fold and '"onmouseover' not in fold
    assert f"来源：https://x.example/{EVIL.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>" in fold
    assert fold.count("<a ") == 2  # the official page and the report link; never the source


def test_wide_table_cells_are_escaped_and_labelled():
    from clause_library.render.markup import md_inline, stacked_table

    table = stacked_table(["名称<i>", "值"], [[md_inline(EVIL), "1"]])
    assert "<script>" not in table and 'data-label="名称&lt;i&gt;"' in table
    assert table.count('markdown="span"') == 2
