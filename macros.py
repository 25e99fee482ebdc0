"""MkDocs adapter, part 2: the macros pages call. Each one only wires a renderer to the page."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clause_library.render import clause, contract, contract_index as contract_list, draft, indexes, review  # noqa: E402
from clause_library.render import platform_guide as guide_render  # noqa: E402
from clause_library.render.reporting import Repository  # noqa: E402
from mkdocs_hooks import site_library  # noqa: E402


def define_env(env) -> None:
    library = site_library()  # validates; an invalid library stops the build here
    repo_url = env.conf.get("repo_url")
    repo = Repository(repo_url, env.conf.get("site_url") or "") if repo_url else None

    def page_path() -> str:
        return env.page.file.src_uri

    @env.macro
    def clause_page(clause_id: str) -> str:
        return clause.clause_page(library, library.clauses[clause_id], page_path(), repo)

    @env.macro
    def category_index(category_id: str) -> str:
        return indexes.category_index(library, category_id, page_path())

    @env.macro
    def library_overview() -> str:
        return indexes.library_overview(library, page_path())

    @env.macro
    def platform_clauses(platform_id: str) -> str:
        return indexes.platform_clauses(library, platform_id, page_path())

    @env.macro
    def platform_guide(platform_id: str) -> str:
        return guide_render.platform_guide(library, platform_id, page_path(), repo)

    @env.macro
    def platform_clause_list(platform_id: str) -> str:
        return guide_render.platform_clause_list(library, platform_id, page_path())

    @env.macro
    def platform_comparison() -> str:
        return guide_render.platform_comparison(library, page_path())

    @env.macro
    def platform_overview() -> str:
        return indexes.platform_overview(library, page_path())

    @env.macro
    def statutes_index() -> str:
        return indexes.statutes_index(library, page_path())

    @env.macro
    def contract_page(contract_id: str) -> str:
        return contract.contract_page(library, library.contracts[contract_id], page_path())

    @env.macro
    def contract_index() -> str:
        return contract_list.contract_index(library, page_path())

    @env.macro
    def draft_page() -> str:
        return draft.draft_page(library, page_path())

    @env.macro
    def review_page(review_id: str) -> str:
        return review.review_page(library, library.reviews[review_id], page_path())

    @env.macro
    def recent_changes(limit: int = 50) -> str:
        return indexes.recent_changes(library, page_path(), limit)

    @env.macro
    def avoid_list() -> str:
        return indexes.avoid_list(library, page_path())

    env.variables["clause_count"] = len(library.clauses)
