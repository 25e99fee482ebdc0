"""In a real browser (Debian's Chromium): copy puts exactly the clause text on the clipboard,
stance tabs switch, and Chinese search finds the clause."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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


def yaml_texts(clause_id: str) -> dict[str, str]:
    return {k: v.strip() for k, v in yaml_clause(clause_id)["text"].items()}


def test_copy_puts_exactly_each_stance_version_on_the_clipboard(page, site_url):
    page.goto(f"{site_url}/clauses/confidentiality-obligations/")
    texts = yaml_texts("confidentiality-obligations")
    for label, stance in (("中立", "neutral"), ("甲方友好", "party_a"), ("乙方友好", "party_b")):
        page.get_by_text(label, exact=True).first.click()
        button = page.locator(f'.clause-version[data-stance="{label}"] .clause-copy')
        assert button.is_visible()
        button.click()
        page.wait_for_timeout(100)
        assert page.evaluate("navigator.clipboard.readText()") == texts[stance]


def test_platform_page_copies_the_clause_text_it_fetches_on_click(page, site_url):
    page.goto(f"{site_url}/platforms/pinduoduo/")
    for index in (0, -1):  # the first and the last clause on the page
        button = page.locator("button.clause-copy[data-copy-src]").nth(index)
        clause_id = button.get_attribute("data-copy-src").removeprefix("api/clauses/").removesuffix(".json")
        button.scroll_into_view_if_needed()
        button.click()
        page.wait_for_function("b => b.textContent === '已复制'", arg=button.element_handle())
        assert page.evaluate("navigator.clipboard.readText()") == yaml_texts(clause_id)["neutral"]
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
@pytest.mark.parametrize("path", ["", "platforms/pinduoduo/", "clauses/late-payment/", "contracts/general/"])
def test_no_serious_accessibility_violations(browser, site_url, scheme, path):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
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


def test_phone_sized_viewport_copies_too(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(f"{site_url}/clauses/late-payment/")
    page.locator('.clause-version[data-stance="中立"] .clause-copy').tap()
    page.wait_for_timeout(100)
    assert page.evaluate("navigator.clipboard.readText()") == yaml_texts("late-payment")["neutral"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    context.close()
