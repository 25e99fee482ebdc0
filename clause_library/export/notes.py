"""An article's note as plain text, for the annotated Word edition of a sample contract."""

from __future__ import annotations

from clause_library.export.outline import Section
from clause_library.model import Library
from clause_library.render import paths


def note_text(library: Library, section: Section, site_url: str | None = None) -> str:
    """The stance used, why the clause matters, the red line, and where the rest of the notes are."""
    clause = section.part.clause
    where = f"条款库“{clause.title}”"
    if site_url:
        where += f"：{site_url.rstrip('/')}/{paths.clause_url(clause.id)}"
    lines = [f"本条采用{library.stance(section.part.stance).name}版本。{clause.annotations.why}"]
    if clause.annotations.red_line:
        lines.append(f"底线：{clause.annotations.red_line}")
    lines.append(f"风险、谈判要点、其他立场版本与法律依据见{where}")
    return "\n".join(lines)
