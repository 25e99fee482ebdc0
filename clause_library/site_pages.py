"""The pages the site needs once per clause, category and platform, as Markdown stubs.

A stub holds only front matter and one macro call with a validated slug: no YAML text ever
lands in a page source, so nothing from YAML can run as template code. A generator without
page-generation hooks could write these stubs to disk instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from clause_library.export.docx import contract_docx
from clause_library.export.notes import note_text
from clause_library.export.outline import outline
from clause_library.export.site_json import clause_json, contract_notes_json
from clause_library.export.text import contract_text
from clause_library.model import Library
from clause_library.render import paths
from clause_library.render.markup import html


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # docs-relative Markdown path
    markdown: str
    source_path: str | None  # the YAML file a reader would edit to change the page


def _meta_value(text: str) -> str:
    """Front-matter text as the theme prints it: unescaped, in <title> and <meta> (Material even
    unescapes a heading's entities there). Escape HTML and braces, so it is neither markup nor a
    Jinja expression for macros, which renders page titles that contain "{{"."""
    return json.dumps(html(text).replace("{", "&#123;").replace("}", "&#125;"), ensure_ascii=False)


def _stub(macro_call: str, title: str, description: str, extra_front_matter: str = "") -> str:
    return (f"---\ntitle: {_meta_value(title)}\ndescription: {_meta_value(description)}\n{extra_front_matter}---\n\n"
            f"{{{{ {macro_call} }}}}\n")


# A contract repeats its clauses' text: indexing it would put ten copies of every clause in the
# search index and bury the clause pages in results (the contracts index page is searchable).
# Its sidebar table of contents stops at h2: a folded contents list links to each article instead.
CONTRACT_FRONT_MATTER = "search:\n  exclude: true\ntoc_depth: 2\n"


def generated_pages(library: Library) -> list[GeneratedPage]:
    pages = [GeneratedPage(paths.clause_page(c.id), _stub(f'clause_page("{c.id}")', c.title, c.summary), c.source_path)
             for c in library.clauses.values()]
    pages += [GeneratedPage(paths.category_page(cat.id),
                            _stub(f'category_index("{cat.id}")', cat.name, f"{cat.name}：{cat.description}"),
                            "data/categories.yml")
              for cat in library.categories]
    pages += [GeneratedPage(paths.platform_page(p.id),
                            _stub(f'platform_guide("{p.id}")', p.name,
                                  f"{p.name}商家的客服外包合同：平台考核指标、适用条款与签约清单。"),
                            "data/platforms.yml")
              for p in library.platforms]
    pages += [GeneratedPage(paths.contract_page(c.id),
                            _stub(f'contract_page("{c.id}")', c.title, c.description, CONTRACT_FRONT_MATTER),
                            c.source_path)
              for c in library.contracts.values()]
    pages += [GeneratedPage(paths.review_page(r.id), _stub(f'review_page("{r.id}")', r.title, r.description), r.source_path)
              for r in library.reviews.values()]
    return pages


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # docs-relative
    make: Callable[[], bytes]  # deferred: a site adapter may produce files while the pages render


def _utf8(render: Callable[..., str], *args) -> bytes:
    return render(*args).encode("utf-8")


def generated_files(library: Library, site_url: str | None = None) -> list[GeneratedFile]:
    """Each sample contract as .docx (plain, and annotated with comments that link to `site_url`)
    and .txt, made from the same outline as its page, and the JSON that pages fetch on demand:
    each clause, and each contract's notes."""
    note = partial(note_text, library, site_url=site_url)
    files = []
    for contract in library.contracts.values():
        doc = outline(contract)
        files += [GeneratedFile(paths.download(contract.id, "docx"), partial(contract_docx, doc)),
                  GeneratedFile(paths.annotated_download(contract.id), partial(contract_docx, doc, note)),
                  GeneratedFile(paths.download(contract.id, "txt"), partial(_utf8, contract_text, doc)),
                  GeneratedFile(paths.contract_data(contract.id), partial(contract_notes_json, library, contract))]
    files += [GeneratedFile(paths.clause_data(c.id), partial(clause_json, library, c)) for c in library.clauses.values()]
    return files
