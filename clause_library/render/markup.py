"""Escaping and small building blocks shared by every renderer."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from markupsafe import escape

from clause_library.fill_ins import FILL_IN

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


def md_link(label: str, from_page: str, to_page: str, anchor: str | None = None) -> str:
    target = relative_link(from_page, to_page) + (f"#{anchor}" if anchor else "")
    return f"[{md_inline(label)}]({target})"


def html_block(*parts: str) -> str:
    """A raw HTML block, separated from surrounding Markdown by blank lines."""
    return "\n\n" + "".join(parts) + "\n\n"
