"""Escaping and small building blocks shared by every renderer."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from markupsafe import escape

from clause_library.assembly import Paragraph

# A blank in quoted contract text that is not library clause text (the reviewed bad contract).
FILL_IN = re.compile(r"【([^【】\n]+)】")

# Characters Python-Markdown treats as syntax; escaped with a backslash in inline Markdown.
_MD_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def html(text: str) -> str:
    """Text as HTML, including attribute values (quotes are escaped too)."""
    return str(escape(text))


def md_inline(text: str) -> str:
    """Text for a Markdown heading, link label or list item: no HTML, no Markdown syntax."""
    return _MD_SYNTAX.sub(r"\\\1", html(text))


def paragraphs(text: str, css_class: str | None = None) -> str:
    """One <p> per line of text, as a raw HTML block without blank lines inside it."""
    attr = f' class="{css_class}"' if css_class else ""
    return "".join(f"<p{attr}>{html(line.strip())}</p>" for line in text.splitlines() if line.strip())


def clause_paragraphs(text: str) -> str:
    """Clause text as prose, with each 【fill-in】 marked so readers see what to complete."""
    out = []
    for line in text.splitlines():
        if line.strip():
            marked = FILL_IN.sub(lambda m: f'<span class="fill-in">{m.group(0)}</span>', html(line.strip()))
            out.append(f"<p>{marked}</p>")
    return "".join(out)


def relative_link(from_page: str, to_page: str) -> str:
    """Relative path between two docs-relative Markdown files, as MkDocs validates it."""
    to_dir, name = posixpath.split(to_page)
    up_or_down = _relative_dir(posixpath.dirname(from_page), to_dir)
    return name if up_or_down == "." else f"{up_or_down}/{name}"


@lru_cache(maxsize=256)
def _relative_dir(from_dir: str, to_dir: str) -> str:
    # A site has a handful of folders, and a build makes tens of thousands of links between them.
    return posixpath.relpath(to_dir or ".", from_dir or ".")


def relative_url(from_page: str, to_page: str) -> str:
    """The URL of a built page (directory URLs: clauses/x.md is served at clauses/x/) from another."""
    from_dir = posixpath.splitext(from_page)[0] if not from_page.endswith("index.md") else posixpath.dirname(from_page)
    to_dir = posixpath.splitext(to_page)[0] if not to_page.endswith("index.md") else posixpath.dirname(to_page)
    return _relative_dir(from_dir, to_dir) + "/"


def asset_url(page: str, path: str) -> str:
    """A file at `path` (site-root relative) as raw HTML on `page` reaches it: pages are served as
    folder/index.html, so a page x/y.md is one folder deeper than its Markdown file."""
    depth = page.count("/") + (0 if posixpath.basename(page) == "index.md" else 1)
    return "../" * depth + path


def md_link(label: str, from_page: str, to_page: str, anchor: str | None = None) -> str:
    target = relative_link(from_page, to_page) + (f"#{anchor}" if anchor else "")
    return f"[{md_inline(label)}]({target})"


def html_block(*parts: str) -> str:
    """A raw HTML block, separated from surrounding Markdown by blank lines."""
    return "\n\n" + "".join(parts) + "\n\n"


def runs_html(runs, href, labels) -> str:
    """Resolved runs as HTML: values of fields marked (a suggested or missing one as a fill-in the
    reader still decides), references as links, conspicuous terms in <strong>. `href(target)` gives a
    reference's link; `labels(name)` a field's label, shown on hover."""
    out = []
    for run in runs:
        text = html(run.text)
        if run.field is not None:
            css = "fill-in" if run.state != "given" else "filled"
            text = f'<span class="{css}" title="{html(labels(run.field))}">{text}</span>'
        elif run.target is not None:
            link = href(run.target)
            text = f'<a href="{html(link)}">{text}</a>' if link else text
        out.append(f"<strong>{text}</strong>" if run.bold else text)
    return "".join(out)


def blocks_html(blocks, href, labels) -> str:
    """Paragraphs as <p>, tables as a scrollable <table> whose first row is its header."""
    def cells(row, tag: str) -> str:
        return "".join(f"<{tag}>{runs_html(cell, href, labels)}</{tag}>" for cell in row)

    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{runs_html(block.runs, href, labels)}</p>")
            continue
        head, *body = block.rows
        rows = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in body)
        out.append(f'<div class="contract-table"><table><thead><tr>{cells(head, "th")}</tr></thead>'
                   f"<tbody>{rows}</tbody></table></div>")
    return "".join(out)



def stacked_table(headers: list[str], rows: list[list[str]]) -> str:
    """A table whose rows become labelled cards on a phone (site.css), so no column is off-screen.
    Cells are inline Markdown (escape them with md_inline); each carries its column's name."""
    head = "".join(f"<th>{html(h)}</th>" for h in headers)
    body = "".join("<tr markdown>" + "".join(f'<td data-label="{html(h)}" markdown="span">{cell}</td>'
                                             for h, cell in zip(headers, row, strict=True)) + "</tr>"
                   for row in rows)
    return html_block(f'<div class="stacked-table" markdown><table markdown><thead><tr>{head}</tr></thead>'
                      f"<tbody markdown>{body}</tbody></table></div>")
