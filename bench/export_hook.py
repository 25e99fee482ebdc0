"""Benchmark-only MkDocs hook: writes each page's Markdown as macros rendered it, so the very same
pages can be built again with macros switched off (see bench/run.py)."""

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-100)  # after macros (priority 0) has rendered the page
def on_page_markdown(markdown, page, config, files):
    target = Path(os.environ["BENCH_EXPORT_DIR"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    # Keep the front matter (title, description, search exclusion), so both builds index the same pages.
    front_matter = f"---\n{yaml.safe_dump(page.meta, allow_unicode=True)}---\n\n" if page.meta else ""
    target.write_text(front_matter + markdown, encoding="utf-8")
    return markdown
