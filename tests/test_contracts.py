"""Sample contracts: one document each – numbered, cross-referenced, filled – in every edition."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import zipfile
from functools import partial

import pytest
import yaml
from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Pt

from clause_library import LibraryInvalid, load_library
from clause_library.assembly import assemble
from clause_library.export.docx import contract_docx
from clause_library.export.notes import note_text
from clause_library.export.text import contract_text
from clause_library.numbering import chinese_number
from conftest import read_page
from library_factory import Lib, write_contract as factory_contract


def test_chinese_numbering():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 99, 100, 101, 110, 115)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一百一十五"]


def write_contract(lib: Lib, **changes) -> None:
    """The factory's sample contract with a signing article and a price annex, which these tests need."""
    factory_contract(lib, **{"articles": [{"clause": "a-one"}, {"clause": "a-two", "stance": "neutral"},
                                          {"clause": "a-three"}, {"clause": "signing"}],
                             "annexes": [{"clause": "annex-prices", "title": "价格表"}], **changes})


NOTICE = {"label": "提前通知期限", "type": "integer", "unit": "个工作日",
          "suggested": {"neutral": 3, "party_a": 1, "party_b": 5}, "rationale": "够对方准备，又不拖延。"}
FEE = {"label": "每坐席每月服务费", "type": "money", "suggested": 30000, "rationale": "本地市场的常见价格。"}


@pytest.fixture
def lib(tmp_path):
    lib = Lib(tmp_path)
    lib.shared_fields({"notice-days": NOTICE, "seat-fee": FEE})
    lib.write(lib.clause(text={"neutral": "甲方：【party-a-name】。\n乙方：【party-b-name】。\n[[when:丙方]]丙方：【party-c-name】。"},
                         fields=None))
    lib.write(lib.clause(id="a-one", title="第一个条款", fields=None, text={
        "neutral": "甲方应当提前【notice-days】个工作日通知乙方；违约的，依照本合同[[a-two]]处理，价格见本合同[[annex-prices]]。",
        "party_a": "甲方可以提前【notice-days】个工作日通知乙方；违约的，依照本合同[[a-two]]处理，价格见本合同[[annex-prices]]。",
        "party_b": "甲方应当提前【notice-days】个工作日通知乙方；违约的，依照本合同[[a-two]]处理，价格见本合同[[annex-prices]]。"}),
        name="a-one")
    lib.write(lib.clause(id="a-two", title="第二个条款", fields=None, text={
        "neutral": "乙方连续【notice-days】个工作日不提供服务的，甲方可以依照本合同[[a-three]]解除本合同。"},
        grants=[{"right": "termination-by-party-a", "ground": "乙方连续【notice-days】个工作日不提供服务"}]), name="a-two")
    lib.write(lib.clause(id="a-three", title="第三个条款", fields=None, text={
        "neutral": "一方严重违约的，另一方可以书面通知解除本合同。\n此外，有下列情形之一的，甲方也可以解除本合同：[[grounds:termination-by-party-a]]。\n"
                   "**甲方解除本合同的，乙方应当退还已收取的服务费。**",
        "party_a": "一方违约的，另一方可以书面通知解除本合同。\n此外，有下列情形之一的，甲方也可以解除本合同：[[grounds:termination-by-party-a]]。\n"
                   "**甲方解除本合同的，乙方应当退还已收取的全部服务费。**",
        "party_b": "一方严重违约的，另一方可以书面通知解除本合同。\n此外，有下列情形之一的，甲方也可以解除本合同：[[grounds:termination-by-party-a]]。"}),
        name="a-three")
    lib.write(lib.clause(id="plain", title="普通条款", fields=None, text={"neutral": "双方应当诚信履行本合同。"}), name="plain")
    lib.write(lib.clause(id="signing", title="签署与生效", fields=None, text={
        "neutral": "本合同自[[signatories]]签字盖章之日起生效。本合同[[counterparts]]。"}), name="signing")
    lib.write(lib.clause(id="annex-prices", title="附件：价格表", category="annexes", fields=None, text={
        "neutral": "| 项目 | 价格 |\n| 坐席 | 【seat-fee】 |\n以上价格每年调整一次。"}), category="annexes", name="annex-prices")
    return lib


def contract_problems(lib: Lib) -> list[str]:
    with pytest.raises(LibraryInvalid) as raised:
        load_library(lib.root)
    return [str(p) for p in raised.value.problems]


def test_contract_uses_its_stance_unless_an_article_overrides_it(lib):
    write_contract(lib)
    contract = load_library(lib.root).contracts["sample"]
    assert [p.stance for p in contract.articles] == ["party_a", "neutral", "party_a", "neutral"]
    assert contract.parties.stance == "neutral"  # the clause has no 甲方友好 version


def test_unknown_clause_in_a_contract_names_the_contract_and_the_id(lib):
    write_contract(lib, articles=[{"clause": "a-one"}, {"clause": "no-such-clause"}, {"clause": "a-three"}])
    message = contract_problems(lib)[0]
    assert message.startswith("contracts/sample.yml:") and "[sample]" in message
    assert "合同引用的条款 no-such-clause 不存在" in message and "articles[1].clause" in message


def test_missing_stance_version_is_rejected(lib):
    write_contract(lib, parties={"clause": "sample-clause", "stance": "party_b"})
    assert "条款 sample-clause 没有 party_b 版本" in "\n".join(contract_problems(lib))


def test_numbering_is_continuous_in_text_and_docx(lib):
    write_contract(lib)
    library = load_library(lib.root)
    doc = assemble(library, library.contracts["sample"])
    text = contract_text(doc)
    assert re.findall(r"^(第.+?条) ", text, re.M) == ["第一条", "第二条", "第三条", "第四条"]  # headings, not 特别提示 lines
    document = Document(io.BytesIO(contract_docx(doc)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["第一条 第一个条款", "第二条 第二个条款", "第三条 第三个条款", "第四条 签署与生效"]


def test_references_resolve_to_article_and_annex_numbers(lib):
    write_contract(lib)
    library = load_library(lib.root)
    text = contract_text(assemble(library, library.contracts["sample"]))
    assert "依照本合同第二条（第二个条款）处理，价格见本合同附件一（价格表）。" in text
    assert "甲方可以依照本合同第三条（第三个条款）解除本合同" in text
    assert "[[" not in text and "附件编号" not in text


def test_reference_to_a_clause_the_contract_lacks_names_contract_article_and_id(lib):
    write_contract(lib, articles=[{"clause": "a-one"}, {"clause": "a-three"}, {"clause": "signing"}])
    problems = contract_problems(lib)
    message = next(p for p in problems if "a-two" in p)
    assert message.startswith("contracts/sample.yml:") and "[sample]" in message and "字段 articles[0]" in message
    assert "第一条（第一个条款，条款 a-one）引用的条款 a-two（第二个条款）未收入本合同" in message
    assert "stands_in_for: [a-two]" in message


def test_a_clause_that_stands_in_answers_the_reference(lib):
    write_contract(lib, articles=[{"clause": "a-one"}, {"clause": "a-three", "stands_in_for": ["a-two"]},
                                  {"clause": "signing"}])
    library = load_library(lib.root)
    assert "依照本合同第二条（第三个条款）处理" in contract_text(assemble(library, library.contracts["sample"]))


def test_the_governing_article_lists_every_ground_granted_elsewhere(lib):
    write_contract(lib)
    library = load_library(lib.root)
    text = contract_text(assemble(library, library.contracts["sample"]))
    assert "甲方也可以解除本合同：乙方连续【1】个工作日不提供服务（第二条）。" in text  # one ground: no （一）


def test_without_grounds_the_paragraph_that_lists_them_is_left_out(lib):
    write_contract(lib, articles=[{"clause": "plain"}, {"clause": "a-three"}, {"clause": "signing"}])
    library = load_library(lib.root)
    text = contract_text(assemble(library, library.contracts["sample"]))
    assert "一方违约的" in text and "也可以解除本合同" not in text


def test_a_value_may_fill_a_field_only_an_option_not_chosen_uses(lib):
    """A contract pre-fills the price of its other fee model: it shows once a reader chooses that model."""
    lib.write(lib.clause(id="by-ticket", title="按工单计费", fields={"ticket-fee": {**FEE, "label": "每件工单服务费"}},
                         text={"neutral": "每件工单【ticket-fee】。"}), name="by-ticket")
    write_contract(lib, values={"ticket-fee": 800}, articles=[
        {"clause": "a-three"},
        {"clause": "plain", "title": "服务费", "alternatives": {"choice": "fee", "label": "计费方式", "clauses": ["by-ticket"]}},
        {"clause": "signing"}])
    library = load_library(lib.root)  # no "本合同没有字段 ticket-fee"
    contract = library.contracts["sample"]
    assert "人民币800元" not in contract_text(assemble(library, contract))
    assert "每件工单人民币800元（大写：捌佰元整）。" in contract_text(assemble(library, contract, choices={"fee": "by-ticket"}))


def test_a_right_granted_with_no_article_that_governs_it_is_reported(lib):
    write_contract(lib, articles=[{"clause": "plain"}, {"clause": "a-two", "stands_in_for": ["a-three"]},
                                  {"clause": "signing"}])
    message = next(p for p in contract_problems(lib) if "授予了" in p)
    assert "[sample]" in message and "第二条（第二个条款）授予了“甲方解除合同”" in message


def test_one_contract_takes_one_definition_of_a_term(lib):
    for name in ("a-one", "plain"):  # two definitions clauses, as the full and the short form have
        data = yaml.safe_load((lib.root / "clauses" / "confidentiality" / f"{name}.yml").read_text(encoding="utf-8"))
        data["text"] = {"neutral": "本合同中：（一）在线坐席：指正在接待消费者的坐席。"}
        data["defines"] = ["在线坐席"]
        (lib.root / "clauses" / "confidentiality" / f"{name}.yml").write_text(yaml.safe_dump(data, allow_unicode=True))
    write_contract(lib, articles=[{"clause": "a-one"}, {"clause": "plain"}, {"clause": "signing"}])
    message = next(p for p in contract_problems(lib) if "定义了两次" in p)
    assert "[sample]" in message and "术语“在线坐席”在本合同中定义了两次：第一条（第一个条款）和第二条（普通条款）" in message


def test_one_field_one_value_throughout_a_contract(lib):
    write_contract(lib, stance="party_b")
    library = load_library(lib.root)
    doc = assemble(library, library.contracts["sample"])
    text = contract_text(doc)
    assert re.findall(r"【(\d+)】个工作日", text) == ["5", "5", "5"]  # the party_b value, in a neutral article too
    use = next(u for u in doc.fields if u.spec.name == "notice-days")
    assert use.sections == ("第一条 第一个条款", "第二条 第二个条款")  # a ground's field belongs to the granting article


def test_a_value_given_twice_in_one_contract_is_refused(lib):
    write_contract(lib)
    path = lib.root / "contracts" / "sample.yml"
    path.write_text(path.read_text(encoding="utf-8") + "values:\n  notice-days: 2\n  notice-days: 4\n", encoding="utf-8")
    message = contract_problems(lib)[0]
    assert message.startswith("contracts/sample.yml:") and "键“notice-days”在同一处写了两次" in message


@pytest.mark.parametrize("values, expected", [
    ({"notice-days": "三天"}, "字段 notice-days（提前通知期限）的值不合规：“三天”不是整数"),
    ({"seat-fee": "一万块左右"}, "“一万块左右”不是金额（元）"),
    ({"notice-dayz": 3}, "本合同没有字段 notice-dayz。是不是要写 notice-days？"),
])
def test_contract_values_are_checked(lib, values, expected):
    write_contract(lib, values=values)
    problems = contract_problems(lib)
    assert any(expected in p and "[sample]" in p and "字段 values." in p for p in problems), problems


def test_values_the_contract_sets_read_plain_and_money_carries_its_words(lib):
    write_contract(lib, values={"seat-fee": 12500.5, "party-a-name": "某某商贸有限公司"})
    library = load_library(lib.root)
    text = contract_text(assemble(library, library.contracts["sample"]))
    assert "坐席 | 人民币12,500.50元（大写：壹万贰仟伍佰元伍角）" in text
    assert "甲方：某某商贸有限公司。" in text and "乙方：【乙方名称】。" in text


def test_a_two_party_contract_executes_between_two(lib):
    write_contract(lib)
    library = load_library(lib.root)
    text = contract_text(assemble(library, library.contracts["sample"]))
    assert "本合同自双方签字盖章之日起生效。本合同一式两份，甲方、乙方各执一份。" in text
    assert "丙方" not in text


def test_a_three_party_contract_executes_between_three(lib):
    write_contract(lib, signatories=["甲方", "乙方", "丙方"])
    library = load_library(lib.root)
    doc = assemble(library, library.contracts["sample"])
    text = contract_text(doc)
    assert "本合同自各方签字盖章之日起生效。本合同一式三份，甲方、乙方、丙方各执一份。" in text
    assert "丙方：【丙方名称】。" in text
    assert ["".join(r.text for r in cell) for cell in doc.signature[0]] == [
        "甲方（盖章）：【甲方名称】", "乙方（盖章）：【乙方名称】", "丙方（盖章）：【丙方名称】"]
    table = next(t for t in Document(io.BytesIO(contract_docx(doc))).tables if t.cell(0, 0).text.startswith("甲方（盖章）"))
    assert len(table.columns) == 3 and table.cell(0, 2).text == "丙方（盖章）：【丙方名称】"


def docx_xml(data: bytes, member: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(member).decode("utf-8")


def test_word_edition_has_page_numbers_contents_notice_and_bold_terms(lib):
    write_contract(lib)
    library = load_library(lib.root)
    data = contract_docx(assemble(library, library.contracts["sample"]))
    footers = [docx_xml(data, name) for name in zipfile.ZipFile(io.BytesIO(data)).namelist() if "footer" in name]
    assert any("第 " in f and " PAGE " in f and " NUMPAGES " in f and " 页" in f for f in footers)
    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert "目　录" in texts
    xml = docx_xml(data)
    assert xml.count("PAGEREF article_") == 4 and xml.count("PAGEREF annex_") == 1
    assert xml.count('w:bookmarkStart w:id="1" w:name="article_1"') == 1
    notice = document.tables[0].cell(0, 0).text
    assert notice.startswith("特别提示") and "第三条（第三个条款）" in notice and "第一条（" not in notice
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "甲方解除本合同的，乙方应当退还已收取的全部服务费。" in bold
    highlighted = {r.text for p in document.paragraphs for r in p.runs if r.font.highlight_color}
    assert "【1】" in highlighted  # a suggested value the parties still have to confirm
    assert document.core_properties.title == "示例客服外包合同"
    body = document.styles["Normal"].paragraph_format  # 小四 at 固定值20磅, as Chinese model contracts are set
    assert body.line_spacing_rule == WD_LINE_SPACING.EXACTLY and body.line_spacing == Pt(20)


def test_word_edition_never_names_the_stance(lib, tmp_path):
    write_contract(lib)
    library = load_library(lib.root)
    data = contract_docx(assemble(library, library.contracts["sample"]))
    everything = "".join(docx_xml(data, name) for name in zipfile.ZipFile(io.BytesIO(data)).namelist()
                         if name.endswith(".xml"))
    assert "甲方友好" not in everything and "立场" not in everything


def test_docx_is_reproducible(lib):
    write_contract(lib)
    library = load_library(lib.root)
    doc = assemble(library, library.contracts["sample"])
    assert contract_docx(doc) == contract_docx(doc)


def test_text_edition_opens_as_utf8_anywhere(lib):
    write_contract(lib)
    library = load_library(lib.root)
    assert contract_text(assemble(library, library.contracts["sample"])).startswith("\ufeff示例客服外包合同")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def revised_text(data: bytes, accept: bool) -> str:
    """The body's text after accepting (or rejecting) every tracked change, a line per paragraph."""
    from lxml import etree
    body = etree.fromstring(docx_xml(data).encode("utf-8")).find(f"{W}body")
    dropped, kept = (f"{W}del", f"{W}ins") if accept else (f"{W}ins", f"{W}del")
    out = []
    for paragraph in body.iter(f"{W}p"):
        text = "".join(node.text or "" for node in paragraph.iter(f"{W}t", f"{W}delText")
                       if not any(a.tag == dropped for a in node.iterancestors()))
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        gone = mark is not None and mark.find(dropped) is not None
        out.append(text if gone else text + "\n")
    return "".join(out)


def test_tracked_changes_accepted_give_the_stance_contract_and_rejected_the_neutral_one(lib):
    from clause_library.assembly.redline import redline
    write_contract(lib, id="neutral-sample", stance="neutral")
    write_contract(lib, compare_to="neutral-sample", articles=[  # one article more than the neutral one
        {"clause": "a-one"}, {"clause": "a-two", "stance": "neutral"}, {"clause": "plain"}, {"clause": "a-three"},
        {"clause": "signing"}])
    library = load_library(lib.root)
    base, target = (assemble(library, library.contracts[c]) for c in ("neutral-sample", "sample"))
    data = contract_docx(redline(base, target))
    xml = docx_xml(data)
    assert 'w:author="条款库"' in xml and "<w:delText" in xml and "<w:ins " in xml
    assert revised_text(data, accept=True) == revised_text(contract_docx(target), accept=True)
    assert revised_text(data, accept=False) == revised_text(contract_docx(base), accept=True)
    assert data == contract_docx(redline(base, target))  # revisions dated at a fixed time


def test_annotated_docx_carries_each_note_as_a_comment_on_its_heading(lib):
    write_contract(lib)
    library = load_library(lib.root)
    doc = assemble(library, library.contracts["sample"])
    note = partial(note_text, library, site_url="https://example.org/site/")
    document = Document(io.BytesIO(contract_docx(doc, note)))
    comments = list(document.comments)
    assert len(comments) == len(doc.articles) + len(doc.annexes)
    first = "\n".join(p.text for p in comments[0].paragraphs)
    clause = doc.articles[0].part.clause
    assert clause.annotations.why in first and "https://example.org/site/clauses/" + clause.id + "/" in first
    assert contract_docx(doc, note) == contract_docx(doc, note)  # comments are dated at a fixed time
    assert not list(Document(io.BytesIO(contract_docx(doc))).comments)  # the plain edition has none


def test_every_real_contract_is_one_document(library):
    """No blank the engine can know, no reference by name, references that resolve, continuous numbers."""
    for contract in library.contracts.values():
        doc = assemble(library, contract)
        text = contract_text(doc)
        assert re.findall(r"^(第.+?条) ", text, re.M) == [f"第{chinese_number(n)}条" for n in range(1, len(doc.articles) + 1)]
        assert "附件编号" not in text and "大写" not in re.sub(r"（大写：[^）]+）", "", text), contract.id
        by_name = re.findall(r"本合同(?!其他条款)[^，。；“”（）]{2,12}条款", text)  # 本合同其他条款 names none
        assert not by_name, (contract.id, by_name)
        assert "[[" not in text and "**" not in text


def test_each_docx_contains_every_article_in_order(built_site, library):
    for contract in library.contracts.values():
        doc = assemble(library, contract)
        document = Document(built_site / "downloads" / f"{contract.id}.docx")
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
        assert headings == [s.title for s in doc.articles]
        body = "\n".join(p.text for p in document.paragraphs)
        for section in doc.articles:
            assert section.blocks[0].text in body if hasattr(section.blocks[0], "runs") else True


def test_contract_pages_link_their_downloads_and_every_reference(built_site, library):
    assert library.contracts, "no sample contracts"
    for contract in library.contracts.values():
        doc = assemble(library, contract)
        page = read_page(built_site, f"contracts/{contract.id}")
        assert f'href="../../downloads/{contract.id}.docx"' in page
        assert f'href="../../downloads/{contract.id}.txt"' in page
        assert f'data-notes-src="api/contracts/{contract.id}.json"' in page  # the switch that shows the notes
        notes = json.loads((built_site / "api" / "contracts" / f"{contract.id}.json").read_text(encoding="utf-8"))
        assert [n["clause"] for n in notes["notes"]] == [s.part.clause.id for s in doc.sections]
        contents = re.search(r'<details class="abstract contract-contents">(.*?)</details>', page, re.S).group(1)
        assert re.findall(r'href="#(article-\d+|annex-\d+)"', contents) == [s.anchor for s in doc.sections]
        for target in set(re.findall(r'<a href="#((?:article|annex)-\d+)">', page)):
            assert f'id="{target}"' in page, (contract.id, target)
        sidebar = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', page, re.S).group(0)
        assert "article-" not in sidebar  # the theme's table of contents stops at h2 (toc_depth: 2)
        assert (built_site / "downloads" / f"{contract.id}.txt").read_text(encoding="utf-8").startswith(
            "\ufeff" + contract.title)


def test_no_word_edition_tells_the_other_side_its_stance(built_site, library):
    """The site and the file name may say 乙方友好; what is sent to the other side may not."""
    for contract in library.contracts.values():
        for name in (f"{contract.id}.docx", f"{contract.id}-annotated.docx"):
            data = (built_site / "downloads" / name).read_bytes()
            assert Document(io.BytesIO(data)).core_properties.title == contract.title
            visible = docx_xml(data, "docProps/core.xml") + docx_xml(data)
            assert not any(word in visible for word in ("甲方友好", "乙方友好", "立场版", "甲方立场", "乙方立场")), name


@pytest.mark.parametrize("contract", ["general-party-a", "general-party-b"])
def test_tracked_changes_editions_of_the_stance_contracts(built_site, contract):
    changes = (built_site / "downloads" / f"{contract}-changes.docx").read_bytes()
    own = (built_site / "downloads" / f"{contract}.docx").read_bytes()
    neutral = (built_site / "downloads" / "general.docx").read_bytes()
    assert revised_text(changes, accept=True) == revised_text(own, accept=True)
    assert revised_text(changes, accept=False) == revised_text(neutral, accept=True)


@pytest.mark.parametrize("name", ["general", "general-annotated", "tripartite", "general-party-b-changes"])
def test_word_files_open_and_convert_in_libreoffice(built_site, library, tmp_path, name):
    """LibreOffice opens the .docx without repair; the PDF holds every article, first to last, the
    contents list numbers its pages, and the footer counts them."""
    contract = library.contracts[name.removesuffix("-annotated").removesuffix("-changes")]
    result = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                             str(built_site / "downloads" / f"{name}.docx")],
                            capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)})
    pdf = tmp_path / f"{name}.pdf"
    assert pdf.exists(), result.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert contract.title in text
    last = f"第{chinese_number(len(contract.articles))}条"
    assert text.index("第一条 ") < text.index(f"{last} ")  # headings (特别提示 writes 第X条（…）)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout).group(1))
    assert f"第 1 页 共 {pages} 页" in text
    assert re.search(r"第一条 定义\.{3,}\s*\d+", text)  # a page number, computed by LibreOffice


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


