"""The pages the site needs once per clause, category and platform, as Markdown stubs.

A stub holds only front matter and one macro call with a validated slug: no YAML text ever
lands in a page source, so nothing from YAML can run as template code. A generator without
page-generation hooks could write these stubs to disk instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from clause_library.assembly import assemble
from clause_library.assembly.assemble import assemble_template
from clause_library.assembly.redline import redline
from clause_library.export.draft_json import draft_json, drafts_index_json
from clause_library.export.docx import contract_docx
from clause_library.export.notes import note_text
from clause_library.export.site_json import clause_json, contract_notes_json
from clause_library.export.text import contract_text
from clause_library.model import Library
from clause_library.render import paths
from clause_library.render.contract import page_title
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
# A platform's clause list repeats the summaries of the category pages; its sidebar lists categories only.
LIST_FRONT_MATTER = CONTRACT_FRONT_MATTER


# The short form's clauses condense the full ones: a search for 违约金 should find the full clause first.
CONDENSED_CATEGORY = "short-form"
CONDENSED_FRONT_MATTER = "search:\n  boost: 0.5\n"


def generated_pages(library: Library) -> list[GeneratedPage]:
    pages = [GeneratedPage(paths.clause_page(c.id),
                           _stub(f'clause_page("{c.id}")', c.title, c.summary,
                                 CONDENSED_FRONT_MATTER if c.category.id == CONDENSED_CATEGORY else ""),
                           c.source_path)
             for c in library.clauses.values()]
    pages += [GeneratedPage(paths.category_page(cat.id),
                            _stub(f'category_index("{cat.id}")', cat.name, f"{cat.name}：{cat.description}"),
                            "data/categories.yml")
              for cat in library.categories]
    for p in library.platforms:
        guide = library.guides.get(p.id)
        pages += [GeneratedPage(paths.platform_page(p.id),
                                _stub(f'platform_guide("{p.id}")', p.name,
                                      f"{p.name}商家的客服外包合同：签约清单、平台风险、考核指标与对应条款。"),
                                guide.source_path if guide else "data/platforms.yml"),
                  # Which clauses apply is each clause's own `platforms` field: no one file to edit.
                  GeneratedPage(paths.platform_clauses_page(p.id),
                                _stub(f'platform_clause_list("{p.id}")', f"{p.name}：适用条款",
                                      f"适用于{p.name}店铺客服外包的全部条款，按合同条文顺序排列，可逐条复制。",
                                      LIST_FRONT_MATTER),
                                None)]
    pages += [GeneratedPage(paths.contract_page(c.id),
                            _stub(f'contract_page("{c.id}")', page_title(library, c), c.description, CONTRACT_FRONT_MATTER),
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
        doc = assemble(library, contract)
        files += [GeneratedFile(paths.draft_template(contract.id), partial(contract_docx, assemble_template(library, contract))),
                  GeneratedFile(paths.draft_data(contract.id), partial(draft_json, library, contract)),
                  GeneratedFile(paths.download(contract.id, "docx"), partial(contract_docx, doc)),
                  GeneratedFile(paths.annotated_download(contract.id), partial(contract_docx, doc, note)),
                  GeneratedFile(paths.download(contract.id, "txt"), partial(_utf8, contract_text, doc)),
                  *([GeneratedFile(paths.changes_download(contract.id), partial(
                      contract_docx, redline(assemble(library, library.contracts[contract.compare_to]), doc)))]
                    if contract.compare_to else []),
                  GeneratedFile(paths.contract_data(contract.id), partial(contract_notes_json, library, contract))]
    files += [GeneratedFile(paths.clause_data(c.id), partial(clause_json, library, c)) for c in library.clauses.values()]
    files.append(GeneratedFile(paths.drafts_index(), partial(drafts_index_json, library)))
    files += vendored_files()
    return files


# Front-end libraries from npm (package.json pins them; `npm ci` installs them), published with their
# licences. Only the pages that need them load them, and only when they need them.
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
VENDORED = paths.VENDORED


class MissingFrontEndLibrary(Exception):
    """node_modules lacks a library the site publishes: `npm ci` installs it."""


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise MissingFrontEndLibrary(f"找不到前端库文件 {path}：请先运行 npm ci（make serve 和 make build 会自动运行）。") from None


def _licence(package: str) -> bytes:
    """The package's licence file; where it ships none (nzh), a notice from its package.json."""
    folder = NODE_MODULES / package
    found = sorted(folder.glob("LICEN[CS]E*")) if folder.is_dir() else []
    if found:
        return _read(found[0])
    meta = json.loads(_read(folder / "package.json"))
    author = meta.get("author", {})
    author = author.get("name", "") if isinstance(author, dict) else author
    return (f"{meta['name']} {meta['version']}\nLicense: {meta.get('license', 'see package')}\nAuthor: {author}\n"
            f"Homepage: {meta.get('homepage', '')}\n").encode("utf-8")


def check_vendored() -> None:
    """Raises MissingFrontEndLibrary before a build starts writing files in the background."""
    for package, source in VENDORED.items():
        if not (NODE_MODULES / package / source).is_file():
            _read(NODE_MODULES / package / source)


def vendored_files() -> list[GeneratedFile]:
    files = []
    for package, source in VENDORED.items():
        files.append(GeneratedFile(paths.vendor_script(package), partial(_read, NODE_MODULES / package / source)))
        files.append(GeneratedFile(f"{paths.VENDOR_DIR}/{package}.LICENSE.txt", partial(_licence, package)))
    return files
