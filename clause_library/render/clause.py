"""A clause's permalink page: text in stance tabs with copy buttons, annotations, legal basis."""

from __future__ import annotations

from clause_library.model import Clause, Fact, Library
from clause_library.render import paths
from clause_library.assembly import clause_blocks, clause_text
from clause_library.compare import DELETE, INSERT, Change, word_diff
from clause_library.render.facts import fact_details, report_url
from clause_library.render.markup import blocks_html, html, html_block, md_inline, md_link, paragraphs, relative_url
from clause_library.render.reporting import CLAUSE_FORM, Repository


def copy_button(label: str, text: str | None = None, clause_id: str | None = None, stance_id: str | None = None) -> str:
    """A button that copies exactly one version of a clause.

    With `text`, Material's clipboard handler copies data-clipboard-text verbatim. List pages pass
    `clause_id` and `stance_id` instead, and docs/assets/clause-data.js fetches the clause's JSON
    on click: a page listing a hundred clauses would otherwise carry their whole text, unseen."""
    source = (f'data-clipboard-text="{html(text)}"' if text is not None
              else f'data-copy-src="{html(paths.clause_data(clause_id))}" data-copy-stance="{html(stance_id)}"')
    return (f'<button class="md-button clause-copy" type="button" {source} '
            f'title="复制{html(label)}文本">复制{html(label)}文本</button>')


def _version(library: Library, clause: Clause, stance: str, page: str) -> str:
    """One stance version: the text as it reads on its own (suggested values in 【】, other clauses by
    title and linked to their pages), and a button that copies exactly that text."""
    name = library.stance(stance).name

    def href(clause_id: str) -> str:
        return relative_url(page, paths.clause_page(clause_id))

    body = blocks_html(clause_blocks(library, clause, stance), href, lambda field: library.fields[field].label)
    return (f'<div class="clause-version" data-stance="{html(name)}">'
            f'<div class="clause-text">{body}</div>'
            f'{copy_button(name, text=clause_text(library, clause, stance))}</div>')


def stance_anchor(clause: Clause, stance_id: str) -> str | None:
    """The id of a stance's tab: a link to the clause page with it as the fragment opens that tab
    (Material selects a tab whose input the URL targets). None for a clause with one version."""
    if len(clause.texts) == 1:
        return None
    return f"__tabbed_{clause.id}_{list(clause.texts).index(stance_id) + 1}"  # pymdownx.tabbed's id scheme


def stance_tabs(library: Library, clause: Clause, page: str) -> str:
    """Stance versions as Material content tabs (pymdownx.tabbed's alternate markup, CSS-driven)."""
    if len(clause.texts) == 1:
        (stance,) = clause.texts
        return html_block(f'<div class="clause-versions single">{_version(library, clause, stance, page)}</div>')
    group = f"__tabbed_{clause.id}"
    anchors = [(stance_anchor(clause, sid), sid) for sid in clause.texts]
    inputs = "".join(f'<input{" checked" if i == 0 else ""} id="{anchor}" name="{group}" type="radio">'
                     for i, (anchor, _) in enumerate(anchors))
    labels = "".join(f'<label for="{anchor}">{html(library.stance(sid).name)}</label>' for anchor, sid in anchors)
    blocks = "".join(f'<div class="tabbed-block">{_version(library, clause, sid, page)}</div>' for _, sid in anchors)
    return html_block(
        f'<div class="tabbed-set tabbed-alternate clause-versions" data-tabs="{clause.id}:{len(anchors)}">',
        inputs, f'<div class="tabbed-labels">{labels}</div>',
        f'<div class="tabbed-content">{blocks}</div></div>')


def _marked(changes: list[Change]) -> str:
    """Changes as paragraphs of text with <ins> and <del>: underlined and struck through, so they read
    without colour, and announced by screen readers (site.css adds the words 增加/删除 for them)."""
    paragraphs: list[list[str]] = [[]]
    for change in changes:
        for index, piece in enumerate(change.text.split("\n")):
            if index:
                paragraphs.append([])
            if piece:
                tag = {INSERT: "ins", DELETE: "del"}.get(change.kind)
                paragraphs[-1].append(f"<{tag}>{html(piece)}</{tag}>" if tag else html(piece))
    return "".join(f"<p>{''.join(p)}</p>" for p in paragraphs if p)


def comparison(library: Library, clause: Clause) -> str:
    """Each stance version marked against the neutral one, computed at build time."""
    others = [stance for stance in clause.texts if stance != "neutral"]
    if not others:
        return ""
    neutral = clause_text(library, clause, "neutral")
    out = ["\n## 版本对比\n\n以中立版本为基准，标出各立场版本增加（下划线）和删除（删除线）的文字。复制请用上方各版本的按钮。\n"]
    for stance in others:
        changes = word_diff(neutral, clause_text(library, clause, stance))
        added = sum(1 for c in changes if c.kind == INSERT)
        removed = sum(1 for c in changes if c.kind == DELETE)
        name = library.stance(stance).name
        out.append(html_block(f'<details class="clause-compare" data-stance="{html(stance)}"><summary>{html(name)}版本与中立版本的区别'
                              f"（增加 {added} 处，删除 {removed} 处）</summary>"
                              f'<div class="clause-text">{_marked(changes)}</div></details>'))
    return "".join(out)


def paste_compare(library: Library, clause: Clause) -> str:
    """A box where a reader pastes the clause they were sent and sees it marked against a library
    version, in the browser. Its button stays hidden until clause-data.js can run it."""
    options = "".join(f'<option value="{html(library.stance(s).name)}">{html(library.stance(s).name)}</option>'
                      for s in clause.texts)
    scripts = f"{paths.vendor_script('diff')} {paths.COMPARE_SCRIPT}"
    return ("\n## 与收到的写法对比\n\n"
            + html_block('<div class="paste-compare">',
                         '<p><label for="paste-compare-text">把对方发来的这一条粘贴到下面，看看它与本站的哪些文字不同。'
                         "粘贴的内容只在你的浏览器里比较，不会发送到任何地方。</label></p>",
                         '<textarea id="paste-compare-text" rows="6"></textarea>',
                         f'<p><label for="paste-compare-version">与本站的</label> <select id="paste-compare-version">{options}</select> '
                         f'版本对比 <button class="md-button" type="button" hidden data-compare-scripts="{html(scripts)}">对比</button></p>',
                         '<div class="paste-compare-result" aria-live="polite"></div></div>'))


def _meta_line(clause: Clause, page: str) -> str:
    platforms = "所有平台" if clause.platforms is None else "、".join(md_inline(p.name) for p in clause.platforms)
    category = md_link(clause.category.name, page, paths.category_page(clause.category.id))
    return f"类别：{category} · 适用平台：{platforms} · 最后更新：{clause.last_updated}\n{{ .clause-meta }}"


def contribute_links(clause: Clause, repo: Repository) -> str:
    """Edit the YAML on GitHub, or report a problem through the issue form, pre-filled with the clause id."""
    return (f"[编辑此条款]({repo.edit(clause.source_path)}) · "
            f"[报告问题]({repo.issue(CLAUSE_FORM, {'clause': clause.id})})"
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


def platform_notes(library: Library, clause: Clause, page: str, repo: Repository | None = None) -> str:
    """Platform facts about the clause, each with its source folded under it and a report link."""
    if not clause.platform_notes:
        return ""
    items = []
    for n, note in enumerate(clause.platform_notes, 1):
        fact = Fact(note.note, note.as_of, note.source, note.certainty, note.source_date)
        guide = library.guides.get(note.platform.id)
        report = (report_url(repo, note.platform, page, f"platform-note-{n}", f"{clause.title}（平台说明）", fact)
                  if repo else None)
        items.append(f'<li id="platform-note-{n}"><strong>{html(note.platform.name)}</strong>：{html(note.note)}'
                     f'{fact_details(fact, guide.official_sources if guide else (), report)}</li>')
    return ("\n## 平台说明\n"
            + html_block('<div class="admonition warning"><p class="admonition-title">平台规则会变化</p>'
                         "<p>以下平台信息注明了来源、日期与可靠程度（点“来源、日期与报告问题”展开），签约前请以平台现行规则为准。</p>"
                         f'<ul class="facts">{"".join(items)}</ul></div>'))


def related_list(library: Library, clause: Clause, page: str) -> str:
    if not clause.related:
        return ""
    items = [f"- {md_link(library.clauses[r].title, page, paths.clause_page(r))}："
             f"{md_inline(library.clauses[r].summary)}" for r in clause.related]
    return "\n## 相关条款\n\n" + "\n".join(items) + "\n"


def changelog(clause: Clause) -> str:
    items = "\n".join(f"- {entry.date}：{md_inline(entry.change)}" for entry in clause.changelog)
    return f"\n## 修改记录\n\n{items}\n"


def clause_page(library: Library, clause: Clause, page: str, repo: Repository | None = None) -> str:
    ann = clause.annotations
    red_line = f"\n## 底线\n{html_block(paragraphs(ann.red_line))}" if ann.red_line else ""
    return "".join([
        f"# {md_inline(clause.title)}\n\n",
        html_block(paragraphs(clause.summary, "clause-summary")),
        _meta_line(clause, page), "\n",
        "\n## 条款文本\n", stance_tabs(library, clause, page),
        comparison(library, clause),
        paste_compare(library, clause),
        "\n## 为什么重要\n", html_block(paragraphs(ann.why)),
        "\n## 风险\n", html_block(paragraphs(ann.risks)),
        "\n## 谈判要点\n", _playbook(clause),
        red_line,
        "\n## 法律依据\n\n", legal_basis_list(clause, page),
        platform_notes(library, clause, page, repo),
        related_list(library, clause, page),
        changelog(clause),
        "\n" + contribute_links(clause, repo) if repo else "",
    ])
