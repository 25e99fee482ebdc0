"""An article's note in a sample contract: the stance used, why the clause matters, its red line,
and where the rest of its notes are. The contract page (through the contract's JSON) and the
annotated Word edition both show it."""

from __future__ import annotations

from dataclasses import dataclass

from clause_library.assembly import Section
from clause_library.model import Library
from clause_library.render import paths

MORE = "风险、谈判要点、其他立场版本与法律依据见条款库："


@dataclass(frozen=True)
class ArticleNote:
    anchor: str  # the article's heading on the contract page
    title: str  # 第一条 定义
    clause: str
    clause_title: str
    url: str  # the clause page, relative to the site root
    stance: str  # the stance's name: 中立, 甲方友好, 乙方友好
    why: str
    red_line: str | None
    more: str = MORE


def article_note(library: Library, section: Section) -> ArticleNote:
    clause = section.part.clause
    return ArticleNote(anchor=section.anchor, title=section.title, clause=clause.id, clause_title=clause.title,
                       url=paths.clause_url(clause.id), stance=library.stance(section.part.stance).name,
                       why=clause.annotations.why, red_line=clause.annotations.red_line)


def note_text(library: Library, section: Section, site_url: str | None = None) -> str:
    """The note as plain text, one paragraph per line (a Word comment)."""
    note = article_note(library, section)
    where = f"“{note.clause_title}”" + (f" {site_url.rstrip('/')}/{note.url}" if site_url else "")
    lines = [f"本条采用{note.stance}版本。{note.why}"]
    if note.red_line:
        lines.append(f"底线：{note.red_line}")
    lines.append(f"{note.more}{where}")
    return "\n".join(lines)
