"""A sample contract's page: reads as a contract, with each article's notes folded away beside it."""

from __future__ import annotations

from clause_library.export.outline import CLOSING, NUMBER_LINE, Outline, Section, outline
from clause_library.model import Contract, Library
from clause_library.render import paths
from clause_library.render.markup import clause_paragraphs, html, html_block, md_inline, md_link


def _downloads(contract: Contract, page: str) -> str:
    word = md_link("下载 Word 版（.docx）", page, paths.download(contract.id, "docx"))
    text = md_link("下载纯文本（.txt）", page, paths.download(contract.id, "txt"))
    return f"{word}{{ .md-button .md-button--primary download }} {text}{{ .md-button download }}\n\n"


def _summary(library: Library, contract: Contract) -> str:
    rows = ["| 关键选择 | 本合同 |", "| --- | --- |"]
    rows += [f"| {md_inline(label)} | {md_inline(value)} |" for label, value in contract.summary]
    rows.append(f"| 条文数 | 正文 {len(contract.articles)} 条，附件 {len(contract.annexes)} 个 |")
    return "\n".join(rows) + "\n\n"


def _indented(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


def _annotation(library: Library, section: Section, page: str) -> str:
    clause = section.part.clause
    ann = clause.annotations
    stance = library.stance(section.part.stance).name
    # Why it matters and the red line; the risks, the playbook and the law are one click away, which
    # keeps an 80-article contract page light enough for a phone.
    body = (f"本条采用**{md_inline(stance)}**版本。{md_inline(ann.why)}\n\n"
            + (f"**底线：**{md_inline(ann.red_line)}\n\n" if ann.red_line else "")
            + f"风险、谈判要点、其他立场版本与法律依据见条款库："
              f"{md_link(clause.title, page, paths.clause_page(clause.id))}")
    return f'\n??? note "注释：{md_inline(section.heading)}"\n{_indented(body)}\n\n'


def _section(library: Library, section: Section, page: str, level: int) -> str:
    return (f"{'#' * level} {md_inline(section.title)}\n"
            + html_block(f'<div class="contract-text">{clause_paragraphs(section.part.text)}</div>')
            + _annotation(library, section, page))


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
        "    下面是完整的合同文本，条文按顺序自动编号；每条下方的“注释”默认收起，点击展开。"
        "所有<span class=\"fill-in\">【填写项】</span>都需要按实际情况填写。Word 版不含注释，可以直接修改使用。\n\n",
        "## 合同正文\n",
        html_block(f'<div class="contract-head"><p class="contract-title">{html(contract.title)}</p>'
                   f'<div class="contract-number">{clause_paragraphs(NUMBER_LINE)}</div>'
                   f'<div class="contract-text">{clause_paragraphs(contract.parties.text)}</div>'
                   f'<div class="contract-text">{clause_paragraphs(contract.recitals)}</div></div>'),
        *(_section(library, s, page, 3) for s in doc.articles),
        _signature(doc),
        "## 附件\n",
        *(_section(library, s, page, 3) for s in doc.annexes),
        f"\n本合同最后更新：{contract.last_updated}。数据文件：`{contract.source_path}`。\n",
    ])


def contract_index(library: Library, page: str) -> str:
    out = []
    for contract in library.contracts.values():
        out.append(f"## {md_link(contract.title, page, paths.contract_page(contract.id))}\n\n")
        out.append(f"{md_inline(contract.description)}\n\n")
        out.append(f"正文 {len(contract.articles)} 条，附件 {len(contract.annexes)} 个。"
                   + md_link("Word 版", page, paths.download(contract.id, "docx")) + "{ download } · "
                   + md_link("纯文本", page, paths.download(contract.id, "txt")) + "{ download }\n\n")
    return "".join(out) or "暂无示范合同。\n"
