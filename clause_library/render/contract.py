"""A sample contract's page: reads as a contract; a switch lays each article's note under it."""

from __future__ import annotations

from clause_library.export.outline import CLOSING, NUMBER_LINE, Outline, Section, outline
from clause_library.model import Contract, Library
from clause_library.render import paths
from clause_library.render.markup import clause_paragraphs, html, html_block, md_inline, md_link


def _downloads(contract: Contract, page: str) -> str:
    word = md_link("下载 Word 版（.docx）", page, paths.download(contract.id, "docx"))
    annotated = md_link("带批注的 Word 版", page, paths.annotated_download(contract.id))
    text = md_link("纯文本（.txt）", page, paths.download(contract.id, "txt"))
    return (f"{word}{{ .md-button .md-button--primary download }} {annotated}{{ .md-button download }} "
            f"{text}{{ .md-button download }}\n\n")


def _summary(library: Library, contract: Contract) -> str:
    rows = ["| 关键选择 | 本合同 |", "| --- | --- |"]
    rows += [f"| {md_inline(label)} | {md_inline(value)} |" for label, value in contract.summary]
    rows.append(f"| 条文数 | 正文 {len(contract.articles)} 条，附件 {len(contract.annexes)} 个 |")
    return "\n".join(rows) + "\n\n"


def _section(section: Section) -> str:
    # One <section> per article lets the browser skip laying out articles off screen (site.css).
    return (f'<section class="contract-article" markdown>\n\n### {md_inline(section.title)} {{ #{section.anchor} }}\n'
            + html_block(f'<div class="contract-text">{clause_paragraphs(section.part.text)}</div>')
            + "</section>\n\n")


def _contents(doc: Outline) -> str:
    """The articles as one folded list of links. It stands in for the theme's sidebar table of
    contents, which contract pages limit to their h2 headings (`toc_depth: 2`): tracking 80
    headings on every scroll makes the page slow on a phone."""
    items = "".join(f'<li><a href="#{s.anchor}">{html(s.title)}</a></li>' for s in (*doc.articles, *doc.annexes))
    return html_block(f'<details class="abstract contract-contents"><summary>目录（正文 {len(doc.articles)} 条，'
                      f'附件 {len(doc.annexes)} 个）</summary><ol>{items}</ol></details>')


def _notes_switch(contract: Contract) -> str:
    """Shows or hides a note under every article: the stance used, why the clause matters, the red
    line, and a link to the clause page. docs/assets/clause-data.js fetches the notes from the
    contract's JSON on first use, so the page stays as light as the contract itself; the button is
    hidden until that script runs, since it can do nothing without it."""
    return html_block(f'<p class="contract-notes-switch"><button class="md-button" type="button" hidden '
                      f'data-notes-src="{paths.contract_data(contract.id)}">显示注释</button></p>')


def _signature(doc: Outline) -> str:
    rows = "".join("<tr>" + "".join(f"<td>{html(text)}</td>" for text in row) + "</tr>" for row in doc.signature_rows)
    return html_block(f'<p class="contract-closing">{html(CLOSING)}</p>',
                      f'<div class="contract-signature"><table><tbody>{rows}</tbody></table></div>')


def contract_page(library: Library, contract: Contract, page: str) -> str:
    doc: Outline = outline(contract)
    return "".join([
        f"# {md_inline(contract.title)}\n\n",
        f"{md_inline(contract.description)}\n\n",
        _downloads(contract, page),
        "## 关键商业选择\n\n", _summary(library, contract),
        '!!! info "怎么读这份合同"\n'
        "    下面是完整的合同文本，条文按顺序自动编号。点击“显示注释”，每条下方会出现注释：采用的立场版本、"
        "为什么这样写和底线；风险、谈判要点与法律依据在条款库中该条款的页面。"
        "所有<span class=\"fill-in\">【填写项】</span>都需要按实际情况填写。Word 版不含注释，可以直接修改使用；"
        "带批注的 Word 版把每条注释放在 Word 批注里，便于律师审阅和双方谈判。\n\n",
        "## 合同正文\n",
        _contents(doc),
        _notes_switch(contract),
        html_block(f'<div class="contract-head"><p class="contract-title">{html(contract.title)}</p>'
                   f'<div class="contract-number">{clause_paragraphs(NUMBER_LINE)}</div>'
                   f'<div class="contract-text">{clause_paragraphs(contract.parties.text)}</div>'
                   f'<div class="contract-text">{clause_paragraphs(contract.recitals)}</div></div>'),
        *(_section(s) for s in doc.articles),
        _signature(doc),
        "## 附件\n",
        *(_section(s) for s in doc.annexes),
        f"\n本合同最后更新：{contract.last_updated}。数据文件：`{contract.source_path}`。\n",
    ])


def contract_index(library: Library, page: str) -> str:
    out = []
    for contract in library.contracts.values():
        out.append(f"## {md_link(contract.title, page, paths.contract_page(contract.id))}\n\n")
        out.append(f"{md_inline(contract.description)}\n\n")
        out.append(f"正文 {len(contract.articles)} 条，附件 {len(contract.annexes)} 个。"
                   + md_link("Word 版", page, paths.download(contract.id, "docx")) + "{ download } · "
                   + md_link("带批注的 Word 版", page, paths.annotated_download(contract.id)) + "{ download } · "
                   + md_link("纯文本", page, paths.download(contract.id, "txt")) + "{ download }\n\n")
    return "".join(out) or "暂无示范合同。\n"
