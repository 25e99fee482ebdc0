"""Sample contracts: assembled only from existing clauses, numbered without gaps, downloadable."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
from functools import partial

import pytest
import yaml
from docx import Document

from clause_library import LibraryInvalid, load_library
from clause_library.export.docx import contract_docx
from clause_library.export.notes import note_text
from clause_library.export.outline import outline
from clause_library.export.text import contract_text
from clause_library.numbering import chinese_number
from conftest import read_page
from library_factory import Lib


def test_chinese_numbering():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 99, 100, 101, 110, 115)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一百一十五"]


def write_contract(lib: Lib, **changes) -> None:
    data = {
        "id": "sample", "title": "示例客服外包合同", "description": "一份用于测试的示范合同，只有三条。",
        "stance": "party_a", "platforms": "all",
        "summary": [{"label": "立场", "value": "甲方友好"}, {"label": "计费", "value": "固定"},
                    {"label": "争议解决", "value": "诉讼"}],
        "parties": {"clause": "sample-clause"}, "recitals": "鉴于双方愿意合作，特订立本合同。",
        "articles": [{"clause": "a-one"}, {"clause": "a-two", "stance": "neutral"}, {"clause": "a-three"}],
        "annexes": [], "changelog": [{"date": "2026-11-25", "change": "初版。"}],
    }
    data.update(changes)
    (lib.root / "contracts").mkdir(exist_ok=True)
    (lib.root / "contracts" / "sample.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def lib(tmp_path):
    lib = Lib(tmp_path)
    lib.write(lib.clause())
    both = {"neutral": "中立文本。", "party_a": "甲方友好文本。", "party_b": "乙方友好文本。"}
    for name, title in (("a-one", "第一个条款"), ("a-two", "第二个条款"), ("a-three", "第三个条款")):
        lib.write(lib.clause(id=name, title=title, text=both), name=name)
    return lib


def test_contract_uses_its_stance_unless_an_article_overrides_it(lib):
    write_contract(lib)
    contract = load_library(lib.root).contracts["sample"]
    assert [p.text for p in contract.articles] == ["甲方友好文本。", "中立文本。", "甲方友好文本。"]
    assert contract.parties.stance == "neutral"  # the clause has no 甲方友好 version


def test_unknown_clause_in_a_contract_names_the_contract_and_the_id(lib):
    write_contract(lib, articles=[{"clause": "a-one"}, {"clause": "no-such-clause"}, {"clause": "a-three"}])
    with pytest.raises(LibraryInvalid) as raised:
        load_library(lib.root)
    message = str(raised.value.problems[0])
    assert message.startswith("contracts/sample.yml:") and "[sample]" in message
    assert "合同引用的条款 no-such-clause 不存在" in message and "articles[1].clause" in message


def test_missing_stance_version_is_rejected(lib):
    write_contract(lib, parties={"clause": "sample-clause", "stance": "party_b"})
    with pytest.raises(LibraryInvalid) as raised:
        load_library(lib.root)
    assert "条款 sample-clause 没有 party_b 版本" in str(raised.value)


def test_numbering_is_continuous_in_text_and_docx(lib):
    write_contract(lib)
    doc = outline(load_library(lib.root).contracts["sample"])
    text = contract_text(doc)
    assert re.findall(r"^第.+?条", text, re.M) == ["第一条", "第二条", "第三条"]
    document = Document(io.BytesIO(contract_docx(doc)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["第一条 第一个条款", "第二条 第二个条款", "第三条 第三个条款"]


def test_docx_is_reproducible(lib):
    write_contract(lib)
    doc = outline(load_library(lib.root).contracts["sample"])
    assert contract_docx(doc) == contract_docx(doc)


def test_annotated_docx_carries_each_note_as_a_comment_on_its_heading(lib):
    write_contract(lib)
    library = load_library(lib.root)
    doc = outline(library.contracts["sample"])
    note = partial(note_text, library, site_url="https://example.org/site/")
    document = Document(io.BytesIO(contract_docx(doc, note)))
    comments = list(document.comments)
    assert len(comments) == len(doc.articles) + len(doc.annexes)
    first = "\n".join(p.text for p in comments[0].paragraphs)
    clause = doc.articles[0].part.clause
    assert clause.annotations.why in first and "https://example.org/site/clauses/" + clause.id + "/" in first
    assert contract_docx(doc, note) == contract_docx(doc, note)  # comments are dated at a fixed time
    assert not list(Document(io.BytesIO(contract_docx(doc))).comments)  # the plain edition has none


def test_every_real_contract_has_continuous_articles(library):
    for contract in library.contracts.values():
        text = contract_text(outline(contract))
        labels = re.findall(r"^(第.+?条) ", text, re.M)
        assert labels == [f"第{chinese_number(n)}条" for n in range(1, len(contract.articles) + 1)], contract.id


def test_each_docx_contains_every_article_in_order(built_site, library):
    for contract in library.contracts.values():
        document = Document(built_site / "downloads" / f"{contract.id}.docx")
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
        assert headings == [f"第{chinese_number(n)}条 {part.heading}" for n, part in enumerate(contract.articles, 1)]
        body = "\n".join(p.text for p in document.paragraphs)
        for part in contract.articles:
            assert part.text.splitlines()[0].strip() in body


def test_contract_pages_link_their_downloads(built_site, library):
    assert library.contracts, "no sample contracts"
    for contract in library.contracts.values():
        page = read_page(built_site, f"contracts/{contract.id}")
        assert f'href="../../downloads/{contract.id}.docx"' in page
        assert f'href="../../downloads/{contract.id}.txt"' in page
        assert f'data-notes-src="api/contracts/{contract.id}.json"' in page  # the switch that shows the notes
        notes = json.loads((built_site / "api" / "contracts" / f"{contract.id}.json").read_text(encoding="utf-8"))
        parts = (*contract.articles, *contract.annexes)
        assert [n["clause"] for n in notes["notes"]] == [part.clause.id for part in parts]
        assert [n["why"] for n in notes["notes"]] == [part.clause.annotations.why for part in parts]
        contents = re.search(r'<details class="abstract contract-contents">(.*?)</details>', page, re.S).group(1)
        assert re.findall(r'href="#(article-\d+|annex-\d+)"', contents) == (
            [f"article-{n}" for n in range(1, len(contract.articles) + 1)]
            + [f"annex-{n}" for n in range(1, len(contract.annexes) + 1)])
        for n in (1, len(contract.articles)):  # each link has its target heading
            assert f'<h3 id="article-{n}">' in page
        sidebar = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', page, re.S).group(0)
        assert "article-" not in sidebar  # the theme's table of contents stops at h2 (toc_depth: 2)
        assert (built_site / "downloads" / f"{contract.id}.txt").read_text(encoding="utf-8").startswith(contract.title)


@pytest.mark.parametrize("name", ["general", "general-annotated"])
def test_word_files_open_and_convert_in_libreoffice(built_site, library, tmp_path, name):
    """LibreOffice opens the .docx without repair and the PDF holds every article, first to last."""
    contract = library.contracts["general"]
    result = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                             str(built_site / "downloads" / f"{name}.docx")],
                            capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)})
    pdf = tmp_path / f"{name}.pdf"
    assert pdf.exists(), result.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert contract.title in text
    last = f"第{chinese_number(len(contract.articles))}条"
    assert text.index("第一条") < text.index(last)


def test_review_flags_must_point_at_real_entries(lib):
    (lib.root / "reviews").mkdir()
    (lib.root / "reviews" / "bad.yml").write_text(yaml.safe_dump({
        "id": "bad", "title": "问题合同审阅示例", "description": "一份用于测试的虚构问题合同。", "intro": "这是一份虚构的合同，用于测试。",
        "articles": [{"heading": "费用", "text": "甲方每日按百分之五支付滞纳金。",
                      "problems": [{"issue": "违约金过高", "avoid": "no-such-entry", "instead": ["a-one"]}]},
                     {"heading": "服务", "text": "乙方提供客服服务。", "problems": []},
                     {"heading": "管辖", "text": "由乙方所在地法院管辖。", "problems": []}],
        "changelog": [{"date": "2026-11-25", "change": "初版。"}]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LibraryInvalid) as raised:
        load_library(lib.root)
    message = str(raised.value.problems[0])
    assert message.startswith("reviews/bad.yml:") and "没有条目 no-such-entry" in message
    assert "articles[0].problems[0].avoid" in message


def test_review_page_flags_each_problem_article(built_site, library):
    for review in library.reviews.values():
        page = read_page(built_site, f"reviews/{review.id}")
        flagged = sum(len(a.problems) for a in review.articles)
        assert page.count('class="admonition failure"') == flagged
        assert page.count('class="admonition success"') == sum(1 for a in review.articles if not a.problems)


def test_signature_block_has_a_column_per_signatory(lib):
    write_contract(lib, signatories=["甲方", "乙方", "丙方"])
    doc = outline(load_library(lib.root).contracts["sample"])
    assert doc.signature_rows[0] == ["甲方（盖章）：【甲方名称】", "乙方（盖章）：【乙方名称】", "丙方（盖章）：【丙方名称】"]
    table = Document(io.BytesIO(contract_docx(doc))).tables[0]
    assert len(table.columns) == 3 and table.cell(0, 2).text == "丙方（盖章）：【丙方名称】"
