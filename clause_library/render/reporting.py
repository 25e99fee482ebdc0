"""Links that let a reader correct what a page says: GitHub's editor, and its issue forms with the
fields already filled in from the page (GitHub reads `issues/new?template=x.yml&<field id>=<value>`;
the field ids are those of .github/ISSUE_TEMPLATE/*.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from clause_library.render import paths

CLAUSE_FORM = "clause-error.yml"  # fields: clause
PLATFORM_FORM = "platform-rule-changed.yml"  # fields: platform, rule, page, current


@dataclass(frozen=True)
class Repository:
    url: str  # https://github.com/<owner>/<name>
    site_url: str = ""  # the published site: a report names the page it is about by its address

    def edit(self, source_path: str) -> str:
        return f"{self.url.rstrip('/')}/edit/main/{source_path}"

    def issue(self, form: str, fields: dict[str, str]) -> str:
        return f"{self.url.rstrip('/')}/issues/new?" + urlencode({"template": form, **fields}, quote_via=quote)

    def page(self, page: str, anchor: str | None = None) -> str:
        return f"{self.site_url.rstrip('/')}/{paths.page_url(page)}" + (f"#{anchor}" if anchor else "")
