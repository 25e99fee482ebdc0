"""A sample contract's page: reads as the contract; a switch lays each article's note under it."""

from __future__ import annotations

from clause_library.assembly import AssembledContract, Section, assemble
from clause_library.export.text import CLOSING
from clause_library.model import Contract, Library
from clause_library.render import paths
from clause_library.render.markup import asset_url, blocks_html, html, html_block, md_inline, md_link, runs_html


def page_title(library: Library, contract: Contract) -> str:
    """The site names the stance; the document itself never does (it is sent to the other side)."""
    if contract.stance == "neutral":
        return contract.title
    return f"{contract.title}（{library.stance(contract.stance).name}版）"


def _downloads(library: Library, contract: Contract, page: str) -> str:
    word = md_link("下载 Word 版（.docx）", page, paths.download(contract.id, "docx"))
    annotated = md_link("带批注的 Word 版", page, paths.annotated_download(contract.id))
    text = md_link("纯文本（.txt）", page, paths.download(contract.id, "txt"))
    # Raw HTML: MkDocs would check the #fragment as a heading anchor, and it is the builder's parameter.
    draft = (f'<a class="md-button md-button--primary" href="{html(asset_url(page, "draft/"))}#contract={html(contract.id)}">'
             "起草合同（在线填写）</a>")
    out = (f'<div class="contract-downloads" markdown>\n{draft} '
           f"{word}{{ .md-button download }} {annotated}{{ .md-button download }} {text}{{ .md-button download }}\n</div>\n\n")
    if contract.compare_to:
        base = library.contracts[contract.compare_to]
        changes = md_link("修订模式 Word 版", page, paths.changes_download(contract.id))
        out += (f"{changes}{{ download }}：以《{md_inline(base.title)}》中立版本为底稿，本合同的每一处不同都是 Word 的修订"
                "（插入和删除），可以在 Word 的“审阅”中逐条接受或拒绝，适合发给对方律师审阅。\n\n")
    return out


def _summary(library: Library, doc: AssembledContract) -> str:
    rows = "".join(f"<tr><td>{html(label)}</td><td>{_runs(library, value.runs)}</td></tr>" for label, value in doc.summary)
    rows += (f"<tr><td>篇幅</td><td>正文 {len(doc.articles)} 条，附件 {len(doc.annexes)} 个；"
             f"{len(doc.fields)} 处需要双方填写或确认，其中 {len(doc.blanks)} 处没有建议值</td></tr>")
    return html_block('<div class="contract-summary"><table><thead><tr><th>关键选择</th><th>本合同</th></tr></thead>'
                      f"<tbody>{rows}</tbody></table></div>")


def _runs(library: Library, runs) -> str:
    return runs_html(runs, lambda anchor: f"#{anchor}", lambda name: library.fields[name].label)


def _blocks(library: Library, blocks) -> str:
    return blocks_html(blocks, lambda anchor: f"#{anchor}", lambda name: library.fields[name].label)


def _section(library: Library, section: Section) -> str:
    # One <section> per article lets the browser skip laying out articles off screen (site.css).
    return (f'<section class="contract-article" markdown>\n\n### {md_inline(section.title)} {{ #{section.anchor} }}\n'
            + html_block(f'<div class="contract-text">{_blocks(library, section.blocks)}</div>')
            + "</section>\n\n")


def _contents(doc: AssembledContract) -> str:
    """The articles as one folded list of links. It stands in for the theme's sidebar table of
    contents, which contract pages limit to their h2 headings (`toc_depth: 2`): tracking 80
    headings on every scroll makes the page slow on a phone."""
    items = "".join(f'<li><a href="#{s.anchor}">{html(s.title)}</a></li>' for s in doc.sections)
    return html_block(f'<details class="abstract contract-contents"><summary>目录（正文 {len(doc.articles)} 条，'
                      f'附件 {len(doc.annexes)} 个）</summary><ol>{items}</ol></details>')


def _notes_switch(contract: Contract) -> str:
    """Shows or hides a note under every article: the stance used, why the clause matters, the red
    line, and a link to the clause page. docs/assets/clause-data.js fetches the notes from the
    contract's JSON on first use, so the page stays as light as the contract itself; the button is
    hidden until that script runs, since it can do nothing without it."""
    return html_block(f'<p class="contract-notes-switch"><button class="md-button" type="button" hidden '
                      f'data-notes-src="{paths.contract_data(contract.id)}">显示注释</button></p>')


def _notice(library: Library, doc: AssembledContract) -> str:
    if not doc.notice:
        return ""
    return html_block('<div class="contract-notice"><p class="contract-notice-title">特别提示</p>'
                      f"{_blocks(library, doc.notice)}</div>")


def _signature(library: Library, doc: AssembledContract) -> str:
    labels = lambda name: library.fields[name].label  # noqa: E731
    rows = "".join("<tr>" + "".join(f"<td>{runs_html(cell, lambda _: None, labels)}</td>" for cell in row) + "</tr>"
                   for row in doc.signature)
    return html_block(f'<p class="contract-closing">{html(CLOSING)}</p>',
                      f'<div class="contract-signature"><table><tbody>{rows}</tbody></table></div>')


def contract_page(library: Library, contract: Contract, page: str) -> str:
    doc = assemble(library, contract)
    return "".join([
        f"# {md_inline(page_title(library, contract))}\n\n",
        f"{md_inline(contract.description)}\n\n",
        _downloads(library, contract, page),
        "## 关键商业选择\n\n", _summary(library, doc),
        '!!! info "怎么读这份合同"\n'
        "    下面是完整的合同文本，条文自动编号，条文之间的引用可以点击跳转。"
        "<span class=\"fill-in\">【带括号的内容】</span>要由双方填写或确认：括号里是数字的，是本站的建议值，"
        "点“显示注释”可以看到每条的立场、为什么这样写和底线；括号里是文字的，说明要填什么。"
        "加粗的内容是签约前要特别注意的条款。Word 版可以直接修改使用，带批注的 Word 版把注释放在批注里，"
        "便于律师审阅和双方谈判。\n\n",
        "## 合同正文\n",
        _contents(doc),
        _notes_switch(contract),
        html_block(f'<div class="contract-head"><p class="contract-title">{html(doc.title)}</p></div>'),
        _notice(library, doc),
        html_block(f'<div class="contract-head"><div class="contract-text">{_blocks(library, doc.parties)}</div>'
                   f'<div class="contract-text">{_blocks(library, doc.recitals)}</div></div>'),
        *(_section(library, s) for s in doc.articles),
        _signature(library, doc),
        "## 附件\n",
        *(_section(library, s) for s in doc.annexes),
        f"\n本合同最后更新：{contract.last_updated}。\n",
    ])
