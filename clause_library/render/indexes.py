"""Pages that list clauses: the library overview, a category, a platform's clauses, the statutes."""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote, unquote

from clause_library.model import Clause, Library, Statute
from clause_library.render import paths
from clause_library.render.clause import copy_button, stance_anchor
from clause_library.render.markup import html, html_block, md_inline, md_link, paragraphs, stacked_table


def _stance_links(library: Library, clause: Clause, page: str) -> str:
    """Each version the clause is written in, linked to its tab on the clause page."""
    links = " ".join(md_link(library.stance(s).name, page, paths.clause_page(clause.id), stance_anchor(clause, s))
                     + "{ .stance-link }" for s in clause.texts)
    return f'<p class="clause-entry-meta" markdown>写法：{links}</p>'


def clause_list(library: Library, clauses: list[Clause], page: str, with_copy: bool = False, level: int = 3) -> str:
    """Compact entries (title link, summary, stances): keeps list pages small however large the library."""
    out = []
    for clause in clauses:
        out.append(f"{'#' * level} {md_link(clause.title, page, paths.clause_page(clause.id))}\n")
        out.append(html_block(f'<p class="clause-entry-summary">{html(clause.summary)}</p>',
                              _stance_links(library, clause, page),
                              copy_button(library.stance("neutral").name, clause_id=clause.id, stance_id="neutral") if with_copy else ""))
    return "".join(out)


def category_index(library: Library, category_id: str, page: str) -> str:
    category = library.category(category_id)
    clauses = library.clauses_in(category_id)
    head = f"# {category.position}. {md_inline(category.name)}\n\n{md_inline(category.description)}\n\n"
    if not clauses:
        return head + "本类别暂无条款，欢迎贡献。\n"
    return head + f"本类别共 {len(clauses)} 个条款。\n\n" + clause_list(library, clauses, page, level=2)


def library_overview(library: Library, page: str) -> str:
    rows = [[f"{category.position}\\. " + md_link(category.name, page, paths.category_page(category.id)),
             md_inline(category.description), str(len(library.clauses_in(category.id)))]
            for category in library.categories]
    total = f"条款库共 {len(library.clauses)} 个条款，按合同条文的顺序分为 {len(library.categories)} 类。\n\n"
    return total + stacked_table(["类别", "说明", "条款数"], rows)


def platform_clauses(library: Library, platform_id: str, page: str, level: int = 2) -> str:
    """Every clause that applies to the platform, grouped by category, each with a copy button."""
    clauses = library.clauses_for(platform_id)
    out = [f"适用于{md_inline(library.platform(platform_id).name)}的条款共 {len(clauses)} 个。\n\n"]
    for category in library.categories:
        in_category = [c for c in clauses if c.category.id == category.id]
        if in_category:
            out.append(f"{'#' * level} {md_inline(category.name)}\n\n")
            out.append(clause_list(library, in_category, page, with_copy=True, level=level + 1))
    return "".join(out)


def _text_link(url: str) -> str:
    """A link to a full text, labelled with the last two parts of its path (“民法典/合同编”)."""
    label = unquote("/".join(url.rstrip("/").split("/")[-2:])).removesuffix(".md")
    return f'<a href="{html(quote(url, safe=":/#?=&%"))}">{html(label)}</a>'


def _sources(statute: Statute) -> str:
    return html_block(f'<p class="statute-sources">核对时阅读的全文：{"；".join(_text_link(u) for u in statute.sources)}</p>')


def statutes_index(library: Library, page: str) -> str:
    """The statutes registry, with an anchor per article that clause pages link to, and the repealed laws."""
    citations = Counter((ci.statute.id, ci.article) for c in library.clauses.values() for ci in c.legal_basis)
    out = []
    for statute in library.statutes.values():
        out.append(f"## {md_inline(statute.name)} {{ #{paths.statute_anchor(statute.id)} }}\n\n")
        out.append(f"{md_inline(statute.version)}。条号核对日期：{statute.checked}。\n")
        if statute.sources:
            out.append(_sources(statute))
        else:
            out.append("\n")
        rows = "".join(
            f'<tr id="{paths.statute_anchor(statute.id, number)}"><td>第{number}条</td><td>{html(subject)}</td>'
            f'<td>{citations[(statute.id, number)]}</td></tr>'
            for number, subject in sorted(statute.articles.items()))
        out.append(html_block('<div class="statutes"><table><thead><tr><th>条号</th><th>主题（本站概括，非原文）</th>'
                              f"<th>引用条款数</th></tr></thead><tbody>{rows}</tbody></table></div>"))
    if library.repealed:
        out.append("## 已废止的法规 { #repealed }\n\n下列法规已经废止，条款、指南和示范合同都不再引用；"
                   "网上的文章和旧模板如果还在引用，请改用取代它的现行法规。\n")
        rows = "".join(f"<tr><td>《{html(law.name)}》</td><td>{html(law.repealed)}</td><td>《{html(law.superseded_by)}》</td>"
                       f"<td>{html(law.basis)}（{_text_link(law.source)}）</td></tr>" for law in library.repealed)
        out.append(html_block('<div class="statutes"><table><thead><tr><th>已废止的法规</th><th>废止日期</th>'
                              f"<th>取代它的现行法规</th><th>废止依据</th></tr></thead><tbody>{rows}</tbody></table></div>"))
    return "".join(out)



def platform_overview(library: Library, page: str) -> str:
    rows = ["| 平台 | 运营方 | 适用条款数 |", "| --- | --- | --- |"]
    rows += [f"| {md_link(p.name, page, paths.platform_page(p.id))} | {md_inline(p.operator)} | "
             f"{len(library.clauses_for(p.id))} |" for p in library.platforms]
    return "\n".join(rows) + "\n"


def avoid_list(library: Library, page: str) -> str:
    """The terms to refuse: a fictional example, what is wrong, the law, and what to use instead."""
    out = []
    for number, entry in enumerate(library.avoid, 1):
        instead = "、".join(md_link(library.clauses[c].title, page, paths.clause_page(c)) for c in entry.instead)
        citations = "；".join(
            md_link(ci.label, page, paths.LEGAL_BASIS_PAGE, paths.statute_anchor(ci.statute.id, ci.article))
            + (f"（{md_inline(ci.note)}）" if ci.note else "") for ci in entry.legal_basis)
        out.append(f"## {number}. {md_inline(entry.title)} {{ #{entry.id} }}\n")
        out.append(html_block('<div class="admonition failure"><p class="admonition-title">问题写法（本站虚构的示例）</p>',
                              paragraphs(entry.example), "</div>"))
        out.append(f"**问题在哪里：**\n{html_block(paragraphs(entry.why))}")
        if citations:
            out.append(f"**法律依据：**{citations}\n\n")
        out.append(f"**改用：**{instead}\n\n")
    return "".join(out)


def recent_changes(library: Library, page: str, limit: int = 50) -> str:
    """The latest changelog entries across the library, newest first."""
    entries = sorted(((entry, clause) for clause in library.clauses.values() for entry in clause.changelog),
                     key=lambda pair: (pair[0].date, pair[1].id), reverse=True)[:limit]
    rows = ["| 日期 | 条款 | 修改内容 |", "| --- | --- | --- |"]
    rows += [f"| {entry.date} | {md_link(clause.title, page, paths.clause_page(clause.id))} | {md_inline(entry.change)} |"
             for entry, clause in entries]
    return "\n".join(rows) + "\n"
