"""The annotated review of a bad contract: each article, then what is wrong and what to use instead."""

from __future__ import annotations

from clause_library.model import Library, Review, ReviewProblem
from clause_library.numbering import article_label
from clause_library.render import paths
from clause_library.render.markup import clause_paragraphs, html_block, md_inline, md_link, paragraphs


def _problem(library: Library, problem: ReviewProblem, page: str) -> str:
    lines = [md_inline(problem.issue), ""]
    if problem.legal_basis:
        lines.append("法律依据：" + "；".join(
            md_link(c.label, page, paths.LEGAL_BASIS_PAGE, paths.statute_anchor(c.statute.id, c.article))
            for c in problem.legal_basis))
        lines.append("")
    if problem.avoid:
        lines.append("同类问题：" + md_link(problem.avoid.title, page, paths.AVOID_PAGE, problem.avoid.id))
        lines.append("")
    lines.append("改用：" + "、".join(md_link(library.clauses[c].title, page, paths.clause_page(c))
                                      for c in problem.instead))
    body = "\n".join(f"    {line}" if line else "" for line in lines)
    return f'!!! failure "问题"\n{body}\n\n'


def review_page(library: Library, review: Review, page: str) -> str:
    flawed = sum(1 for a in review.articles if a.problems)
    out = [f"# {md_inline(review.title)}\n\n", html_block(paragraphs(review.intro)),
           f"全文 {len(review.articles)} 条，其中 {flawed} 条有问题。每条先列出虚构的原文，再说明问题和应改用的条款。\n\n"]
    for number, article in enumerate(review.articles, 1):
        out.append(f"## {article_label(number)} {md_inline(article.heading)}\n")
        out.append(html_block(f'<div class="contract-text review-text">{clause_paragraphs(article.text)}</div>'))
        if article.problems:
            out.extend(_problem(library, p, page) for p in article.problems)
        else:
            out.append('!!! success "可以接受"\n    这一条没有明显问题。\n\n')
    out.append(f"本页最后更新：{review.last_updated}。\n")
    return "".join(out)
