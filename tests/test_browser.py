"""In a real browser (Debian's Chromium): copy puts exactly the clause text on the clipboard,
stance tabs switch, and Chinese search finds the clause."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from clause_library.assembly import assemble
from clause_library.assembly import clause_text
from conftest import ROOT

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def yaml_clause(clause_id: str) -> dict:
    return yaml.safe_load(next(ROOT.glob(f"clauses/*/{clause_id}.yml")).read_text(encoding="utf-8"))


def copy_texts(library, clause_id: str) -> dict[str, str]:
    """What each stance version's copy button must copy: the text as it reads on its own."""
    clause = library.clauses[clause_id]
    return {stance: clause_text(library, clause, stance) for stance in clause.texts}


def test_copy_puts_exactly_each_stance_version_on_the_clipboard(page, site_url, library):
    page.goto(f"{site_url}/clauses/confidentiality-obligations/")
    texts = copy_texts(library, "confidentiality-obligations")
    for label, stance in (("中立", "neutral"), ("甲方友好", "party_a"), ("乙方友好", "party_b")):
        page.get_by_text(label, exact=True).first.click()
        button = page.locator(f'.clause-version[data-stance="{label}"] .clause-copy')
        assert button.is_visible()
        button.click()
        page.wait_for_timeout(100)
        assert page.evaluate("navigator.clipboard.readText()") == texts[stance]


def test_platform_clause_list_copies_the_clause_text_it_fetches_on_click(page, site_url, library):
    page.goto(f"{site_url}/platforms/pinduoduo-clauses/")
    for index in (0, -1):  # the first and the last clause on the page
        button = page.locator("button.clause-copy[data-copy-src]").nth(index)
        clause_id = button.get_attribute("data-copy-src").removeprefix("api/clauses/").removesuffix(".json")
        button.scroll_into_view_if_needed()
        button.click()
        page.wait_for_function("b => b.textContent === '已复制'", arg=button.element_handle())
        assert page.evaluate("navigator.clipboard.readText()") == copy_texts(library, clause_id)["neutral"]
    button.click()  # a second click while the feedback shows must not make the feedback the label
    page.wait_for_timeout(2500)
    assert button.text_content() == "复制中立文本"


def test_switching_tabs_shows_that_stance_only(page, site_url):
    page.goto(f"{site_url}/clauses/confidentiality-obligations/")
    party_b = page.locator('.clause-version[data-stance="乙方友好"]')
    assert not party_b.is_visible()
    page.get_by_text("乙方友好", exact=True).first.click()
    assert party_b.is_visible()
    assert not page.locator('.clause-version[data-stance="中立"]').is_visible()


@pytest.mark.parametrize("query, expected", [
    ("保密", "/clauses/confidentiality-obligations/"),
    ("违约金", "/clauses/liquidated-damages/"),
    ("拼多多", "/platforms/pinduoduo/"),
    ("3分钟", "/platforms/pinduoduo/"),  # number-unit words stay whole in the index (mkdocs_hooks.py)
])
def test_chinese_search_finds_the_clause(page, site_url, query, expected):
    page.goto(f"{site_url}/")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=50)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10000)
    pages = []  # result pages in rank order (a page's sections follow it)
    for i in range(results.count()):
        page_url = (results.nth(i).get_attribute("href") or "").split("?")[0]
        if page_url not in pages:
            pages.append(page_url)
    assert any(expected in p for p in pages[:3]), pages[:5]


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "platforms/pinduoduo/", "clauses/late-payment/", "contracts/general/", "draft/"])
def test_no_serious_accessibility_violations(browser, site_url, scheme, path):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    # A contract's articles off screen are not laid out (content-visibility), so axe would read their
    # colours against whatever is painted there; lay them all out for the audit.
    page.add_style_tag(content=".contract-article { content-visibility: visible !important; }")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => (await axe.run(document)).violations
        .filter(v => v.impact === "serious" || v.impact === "critical")
        .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`)""")
    context.close()
    assert not violations, violations


def test_contract_notes_show_and_hide_and_the_docx_downloads(page, site_url):
    page.goto(f"{site_url}/contracts/general/")
    switch = page.locator("button[data-notes-src]")
    article = page.locator("section.contract-article").nth(1)
    heading = article.locator("h3").text_content()
    assert not page.locator(".contract-note").count()
    switch.click()  # fetches the contract's notes and lays one under every article
    note = article.locator(".contract-note")
    note.wait_for()
    clause_id = page.evaluate("""async (url) => (await (await fetch(url)).json()).notes[1].clause""",
                              f"{site_url}/api/contracts/general.json")
    assert heading.startswith("第二条")
    assert yaml_clause(clause_id)["annotations"]["why"].strip() in note.text_content()
    assert switch.inner_text() == "隐藏注释"
    switch.click()
    assert not note.is_visible() and switch.inner_text() == "显示注释"
    page.get_by_text("目录（正文").click()  # the folded contents list leads to each article
    page.locator('.contract-contents a[href="#article-2"]').click()
    assert page.evaluate("location.hash") == "#article-2"
    assert page.locator("#article-2").is_visible()
    with page.expect_download() as download:
        page.get_by_text("下载 Word 版（.docx）").click()
    path = download.value.path()
    assert Path(path).read_bytes()[:2] == b"PK"  # a zip container, as .docx is


def test_phone_sized_viewport_copies_too(browser, site_url, library):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(f"{site_url}/clauses/late-payment/")
    page.locator('.clause-version[data-stance="中立"] .clause-copy').tap()
    page.wait_for_timeout(100)
    assert page.evaluate("navigator.clipboard.readText()") == copy_texts(library, "late-payment")["neutral"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    context.close()


def test_a_cross_reference_on_a_contract_page_leads_to_the_article_it_names(page, site_url, library):
    page.goto(f"{site_url}/contracts/general/")
    links = page.locator('section.contract-article .contract-text a[href^="#article-"]')
    link = links.nth(links.count() // 2)
    label = link.text_content()  # 第六十四条（违约解除）
    link.scroll_into_view_if_needed()
    link.click()
    target = page.evaluate("location.hash")
    heading = page.locator(f"h3{target}")
    assert heading.is_visible()
    assert heading.text_content().startswith(label.split("（")[0] + " "), (label, heading.text_content())


def test_pasted_clause_is_marked_against_the_library_and_shown_as_text(page, site_url, library):
    page.goto(f"{site_url}/clauses/late-payment/")
    neutral = copy_texts(library, "late-payment")["neutral"]
    first, rest = neutral.split("\n", 1)
    pasted = first.replace("逾期付款违约金", "滞纳金", 1) + "<script>window.pwned = 1</script>\n" + rest
    page.fill("#paste-compare-text", pasted)
    page.select_option("#paste-compare-version", "中立")
    page.get_by_role("button", name="对比").click()
    result = page.locator(".paste-compare-result")
    result.locator("ins").first.wait_for()
    inserted = "".join(result.locator("ins").all_text_contents())
    deleted = "".join(result.locator("del").all_text_contents())
    assert "滞纳" in inserted and "<script>window.pwned = 1</script>" in inserted
    assert "逾期付款违约" in deleted
    assert page.evaluate("window.pwned") is None and not result.locator("script").count()


def docx_text(path) -> str:
    from docx import Document
    document = Document(path)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


HOSTILE = '<script>alert(1)</script> & "引号" ]]> 😀 ' + "某" * 60 + "商贸有限公司"


def test_drafting_a_contract_in_the_browser(browser, site_url, library, tmp_path):
    """Pick a contract by answering questions, choose a fee model, fill fields (hostile text too),
    see them in the preview, download the Word file and read it; a reload restores the form."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{site_url}/draft/")
    page.select_option("#draft-q-side", "party_a")
    page.select_option("#draft-q-size", "large")
    page.locator("#draft-suggestion button").click()
    page.locator("#draft-form .draft-field").first.wait_for()
    assert "general-party-a" in page.evaluate("location.hash")
    page.check("#draft-choice-fee-model-fee-tiered-volume")
    page.fill("#draft-field-party-a-name", HOSTILE)
    fee = "overtime-hourly-rate"  # a money field (data/fields.yml) the extra-fees article uses
    assert library.fields[fee].type == "money"
    page.locator(".draft-group", has=page.locator(f"#draft-field-{fee}")).locator(":scope > summary").click()
    page.fill(f"#draft-field-{fee}", "12500.5")
    assert page.locator(f"#draft-field-{fee}-words").text_content() == "大写：壹万贰仟伍佰元伍角"
    page.fill(f"#draft-field-{fee}", "一万块左右")
    assert "不是金额" in page.locator(f"#draft-field-{fee}-problem").text_content()
    page.fill(f"#draft-field-{fee}", "12500.5")
    preview = page.locator("#draft-preview")
    assert HOSTILE in preview.text_content() and not preview.locator("script").count()
    assert "人民币12,500.50元（大写：壹万贰仟伍佰元伍角）" in preview.text_content()
    assert preview.locator('#preview-article-1').is_visible()
    page.get_by_role("button", name="下载 Word（.docx）").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="仍然下载").click()  # the blanks are listed first
    saved = tmp_path / "draft.docx"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "通用电商客服外包服务合同.docx"  # no stance in what is sent
    text = docx_text(saved)
    assert HOSTILE in text and "人民币12,500.50元（大写：壹万贰仟伍佰元伍角）" in text
    expected = assemble(library, library.contracts["general-party-a"], choices={"fee-model": "fee-tiered-volume"})
    assert "〖" not in text and "附件编号" not in text
    fee_article = next(s for s in expected.articles if s.part.clause.id == "fee-tiered-volume")  # the model chosen
    assert fee_article.blocks[0].text.split("　", 1)[-1][:30] in text
    headings = [line.split("\t")[0] for line in text.splitlines() if line.startswith("第") and "条 " in line[:8]]
    assert headings[:len(expected.articles)] == [s.title for s in expected.articles]  # the contents, in order
    page.reload()
    page.locator("#draft-field-party-a-name").wait_for()
    assert page.input_value("#draft-field-party-a-name") == HOSTILE  # restored from the browser's storage
    assert page.is_checked("#draft-choice-fee-model-fee-tiered-volume")
    context.close()
    assert not errors, errors
    assert all(url.startswith(site_url) for url in requests), [u for u in requests if not u.startswith(site_url)]


def test_the_builder_and_fill_write_the_same_document(browser, site_url, library, tmp_path):
    """For the same choices and values, the builder's Word file (docxtemplater on the build's template)
    and `python -m clause_library fill` (python-docx) read the same, paragraph for paragraph."""
    import subprocess
    import sys
    values = {"party-a-name": HOSTILE, "party-b-name": "某某客服外包有限公司"}
    choices = {"fee-model": "fee-after-sales-only", "disputes": "dispute-resolution-arbitration"}
    values_file = tmp_path / "values.yml"
    values_file.write_text(yaml.safe_dump({**values, "choices": choices}, allow_unicode=True), encoding="utf-8")
    for suffix in ("docx", "txt"):
        subprocess.run([sys.executable, "-m", "clause_library", "fill", "general", "--values", str(values_file),
                        "--out", str(tmp_path / f"fill.{suffix}")], check=True, capture_output=True, cwd=ROOT)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    params = "&".join(f"{k}={v}" for k, v in choices.items())
    page.goto(f"{site_url}/draft/#contract=general&{params}")
    page.locator("#draft-field-party-a-name").wait_for()
    for input_ in page.locator(".draft-field input, .draft-field select").all():  # start from an empty form
        input_.evaluate("(e) => { e.value = ''; e.dispatchEvent(new Event('input', {bubbles: true})); }")
    for name, value in values.items():
        page.fill(f"#draft-field-{name}", value)
    for suffix, label in (("docx", "下载 Word（.docx）"), ("txt", "下载纯文本（.txt）")):
        page.get_by_role("button", name=label).click()
        with page.expect_download() as download:
            page.get_by_role("button", name="仍然下载").click()
        download.value.save_as(tmp_path / f"builder.{suffix}")
    context.close()
    assert docx_text(tmp_path / "builder.docx") == docx_text(tmp_path / "fill.docx")
    assert (tmp_path / "builder.txt").read_bytes() == (tmp_path / "fill.txt").read_bytes()


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, site_url):
    """A first-time merchant on her phone."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def test_phone_home_page_leads_to_a_contract_for_her_platform(phone, site_url):
    phone.goto(f"{site_url}/")
    body = phone.locator("article")
    for route in ("按平台和立场选合同", "签约流程指南", "应避免的条款"):
        assert body.get_by_role("link", name=route, exact=True).is_visible()
    body.get_by_role("link", name="按平台和立场选合同").tap()
    phone.wait_for_url("**/contracts/#*")
    assert phone.locator('[id="先选哪一份"]').is_visible()
    phone.locator("article").get_by_role("link", name="拼多多店铺客服外包服务合同").first.tap()
    phone.wait_for_url("**/contracts/pinduoduo/")
    buttons = [b.bounding_box() for b in phone.locator("a.md-button[download]").all()]
    assert len(buttons) == 3 and len({round(b["width"]) for b in buttons}) == 1  # stacked, one width
    assert all(below["y"] - (above["y"] + above["height"]) >= 8 for above, below in zip(buttons, buttons[1:]))


def test_phone_platform_guide_opens_with_the_checklist_and_folds_sources(phone, site_url):
    phone.goto(f"{site_url}/platforms/pinduoduo/")

    def top(heading: str) -> float:
        return phone.locator(f'[id="{heading}"]').bounding_box()["y"]

    assert top("签约清单") < 2 * PHONE["height"]  # within two screens, not thirteen
    assert top("签约清单") < top("主要风险与对应条款") < top("平台考核指标与合同条款")
    fold = phone.locator("#metric-1 ~ details.fact-check").first
    source = fold.locator("p").first
    assert not source.is_visible()
    fold.locator("summary").tap()
    assert source.is_visible() and source.text_content().startswith("来源：")
    report = fold.get_by_role("link", name="报告问题")
    assert report.is_visible() and "template=platform-rule-changed.yml" in report.get_attribute("href")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path", ["platforms/comparison/", "library/", "platforms/pinduoduo/"])
def test_phone_tables_keep_every_column_on_screen(phone, site_url, path):
    phone.goto(f"{site_url}/{path}")
    overflowing = phone.evaluate("""() => [...document.querySelectorAll('article table')].filter(t => {
        const box = t.closest('.md-typeset__scrollwrap') || t.parentElement;
        return t.getBoundingClientRect().right > innerWidth || box.scrollWidth > box.clientWidth + 1; }).length""")
    assert overflowing == 0
    labels = phone.evaluate("""() => [...document.querySelectorAll('.stacked-table td:not(:first-child)')]
        .map(td => getComputedStyle(td, '::before').content)""")
    assert all(label.endswith('："') and len(label) > 3 for label in labels)  # each value names its column


def test_phone_stance_link_opens_that_versions_tab(phone, site_url):
    phone.goto(f"{site_url}/library/fees/")
    link = phone.locator("a.stance-link", has_text="乙方友好").first
    assert link.bounding_box()["height"] >= 24  # a target a thumb can hit
    link.tap()
    phone.wait_for_url("**/clauses/**#__tabbed_*")
    phone.locator('.clause-version[data-stance="乙方友好"]').wait_for(state="visible")
    assert not phone.locator('.clause-version[data-stance="中立"]').is_visible()
