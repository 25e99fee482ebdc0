"""The list of sample contracts: what each is for, its platform, its downloads and the builder link."""

from __future__ import annotations

from clause_library.model import Library
from clause_library.render import paths
from clause_library.render.contract import page_title
from clause_library.render.markup import asset_url, html, md_inline, md_link


def contract_index(library: Library, page: str) -> str:
    out = []
    for contract in library.contracts.values():
        platforms = "所有平台" if contract.platforms is None else "、".join(md_inline(p.name) for p in contract.platforms)
        # Raw HTML: the #fragment is the builder's parameter, not a heading MkDocs could check.
        draft = f'<a href="{html(asset_url(page, "draft/"))}#contract={html(contract.id)}">在线填写</a>'
        downloads = [draft,
                     md_link("Word 版", page, paths.download(contract.id, "docx")) + "{ download }",
                     md_link("带批注的 Word 版", page, paths.annotated_download(contract.id)) + "{ download }",
                     md_link("纯文本", page, paths.download(contract.id, "txt")) + "{ download }"]
        if contract.compare_to:
            downloads.append(md_link("修订模式 Word 版", page, paths.changes_download(contract.id)) + "{ download }")
        out.append(f"### {md_link(page_title(library, contract), page, paths.contract_page(contract.id))} "
                   f"{{ #{contract.id} }}\n\n")
        out.append(f"{md_inline(contract.description)}\n\n")
        out.append(f"适用平台：{platforms} · 立场：{md_inline(library.stance(contract.stance).name)} · "
                   f"正文 {len(contract.articles)} 条，附件 {len(contract.annexes)} 个\n\n")
        out.append("起草或下载：" + " · ".join(downloads) + "\n\n")
    return "".join(out) or "暂无示范合同。\n"
