"""A clause's permalink page: text in stance tabs with copy buttons, annotations, legal basis."""

from __future__ import annotations

from clause_library.model import Clause, Library
from clause_library.render import paths
from clause_library.render.markup import clause_paragraphs, html, html_block, md_inline, md_link, paragraphs

CERTAINTY_LABELS = {
    "official": "平台官方页面",
    "secondary": "第三方转载，未经平台官方页面确认",
    "uncertain": "不确定：来源冲突或无法核实",
}


def copy_button(label: str, text: str | None = None, clause_id: str | None = None, stance_id: str | None = None) -> str:
    """A button that copies exactly one version of a clause.

    With `text`, Material's clipboard handler copies data-clipboard-text verbatim. List pages pass
    `clause_id` and `stance_id` instead, and docs/assets/clause-data.js fetches the clause's JSON
    on click: a page listing a hundred clauses would otherwise carry their whole text, unseen."""
    source = (f'data-clipboard-text="{html(text)}"' if text is not None
              else f'data-copy-src="{html(paths.clause_data(clause_id))}" data-copy-stance="{html(stance_id)}"')
    return (f'<button class="md-button clause-copy" type="button" {source} '
            f'title="复制{html(label)}文本">复制{html(label)}文本</button>')


def _version(clause: Clause, stance_name: str, text: str) -> str:
    return (f'<div class="clause-version" data-stance="{html(stance_name)}">'
            f'<div class="clause-text">{clause_paragraphs(text)}</div>'
            f'{copy_button(stance_name, text=text)}</div>')


def stance_tabs(library: Library, clause: Clause) -> str:
    """Stance versions as Material content tabs (pymdownx.tabbed's alternate markup, CSS-driven)."""
    versions = [(library.stance(sid).name, text) for sid, text in clause.texts.items()]
    if len(versions) == 1:
        name, text = versions[0]
        return html_block(f'<div class="clause-versions single">{_version(clause, name, text)}</div>')
    group = f"__tabbed_{clause.id}"
    inputs = "".join(
        f'<input{" checked" if i == 1 else ""} id="{group}_{i}" name="{group}" type="radio">'
        for i in range(1, len(versions) + 1))
    labels = "".join(f'<label for="{group}_{i}">{html(name)}</label>' for i, (name, _) in enumerate(versions, 1))
    blocks = "".join(f'<div class="tabbed-block">{_version(clause, name, text)}</div>' for name, text in versions)
    return html_block(
        f'<div class="tabbed-set tabbed-alternate clause-versions" data-tabs="{clause.id}:{len(versions)}">',
        inputs, f'<div class="tabbed-labels">{labels}</div>',
        f'<div class="tabbed-content">{blocks}</div></div>')


def _meta_line(clause: Clause, page: str) -> str:
    platforms = "所有平台" if clause.platforms is None else "、".join(md_inline(p.name) for p in clause.platforms)
    category = md_link(clause.category.name, page, paths.category_page(clause.category.id))
    return (f"类别：{category} · 适用平台：{platforms} · 最后更新：{clause.last_updated} · "
            f"条款 id：`{clause.id}`{{ .clause-meta }}")


def contribute_links(clause: Clause, repo_url: str) -> str:
    """Edit the YAML on GitHub, or report a problem through the issue form, pre-filled with the clause id."""
    base = repo_url.rstrip("/")
    return (f"[编辑此条款]({base}/edit/main/{clause.source_path}) · "
            f"[报告问题]({base}/issues/new?template=clause-error.yml&clause={clause.id})"
            "{ .clause-contribute }\n")


def _playbook(clause: Clause) -> str:
    rows = "".join(f"<tr><td>{html(e.ask)}</td><td>{html(e.answer)}</td></tr>" for e in clause.annotations.playbook)
    # A class on the <table> itself would opt it out of the theme's table styling.
    return html_block('<div class="playbook"><table><thead><tr><th>对方常见要求</th><th>建议回应</th></tr></thead>'
                      f"<tbody>{rows}</tbody></table></div>")


def legal_basis_list(clause: Clause, page: str) -> str:
    if not clause.legal_basis:
        return "本条款主要依据双方约定，未引用具体法条。\n"
    items = []
    for citation in clause.legal_basis:
        link = md_link(citation.label, page, paths.LEGAL_BASIS_PAGE,
                       paths.statute_anchor(citation.statute.id, citation.article))
        note = f"——{md_inline(citation.note)}" if citation.note else ""
        items.append(f"- {link}：{md_inline(citation.subject)}{note}")
    return "\n".join(items) + "\n"


def platform_notes(clause: Clause) -> str:
    if not clause.platform_notes:
        return ""
    items = "".join(
        f'<li><strong>{html(n.platform.name)}</strong>：{html(n.note)}'
        f'<span class="fact-source">（截至 {html(n.as_of)}；来源：{html(n.source)}；可靠程度：{CERTAINTY_LABELS[n.certainty]}）</span></li>'
        for n in clause.platform_notes)
    return ("\n## 平台说明\n"
            + html_block('<div class="admonition warning"><p class="admonition-title">平台规则会变化</p>'
                         "<p>以下平台信息注明了截至日期与来源，签约前请以平台现行规则为准。</p>"
                         f"<ul>{items}</ul></div>"))


def related_list(library: Library, clause: Clause, page: str) -> str:
    if not clause.related:
        return ""
    items = [f"- {md_link(library.clauses[r].title, page, paths.clause_page(r))}："
             f"{md_inline(library.clauses[r].summary)}" for r in clause.related]
    return "\n## 相关条款\n\n" + "\n".join(items) + "\n"


def changelog(clause: Clause) -> str:
    items = "\n".join(f"- {entry.date}：{md_inline(entry.change)}" for entry in clause.changelog)
    return f"\n## 修改记录\n\n{items}\n"


def clause_page(library: Library, clause: Clause, page: str, repo_url: str | None = None) -> str:
    ann = clause.annotations
    red_line = f"\n## 底线\n{html_block(paragraphs(ann.red_line))}" if ann.red_line else ""
    return "".join([
        f"# {md_inline(clause.title)}\n\n",
        html_block(paragraphs(clause.summary, "clause-summary")),
        _meta_line(clause, page), "\n",
        "\n## 条款文本\n", stance_tabs(library, clause),
        "\n## 为什么重要\n", html_block(paragraphs(ann.why)),
        "\n## 风险\n", html_block(paragraphs(ann.risks)),
        "\n## 谈判要点\n", _playbook(clause),
        red_line,
        "\n## 法律依据\n\n", legal_basis_list(clause, page),
        platform_notes(clause),
        related_list(library, clause, page),
        changelog(clause),
        "\n" + contribute_links(clause, repo_url) if repo_url else "",
    ])
