"""MkDocs adapter, part 1 (listed under `hooks:` in mkdocs.yml).

Loads the library once per build, turns an invalid library into a clean build failure, and adds
the pages that exist once per clause and category. All logic lives in `clause_library`.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import re
import shutil
import sys
import tempfile
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(PROJECT_DIR))  # `mkdocs` run as a console script does not put the cwd on sys.path

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from clause_library import LibraryInvalid  # noqa: E402
from clause_library.guides import STALE_AFTER_DAYS, stale_facts  # noqa: E402
from clause_library.loading import load_library_cached  # noqa: E402
from clause_library.model import Library  # noqa: E402
from clause_library.site_pages import (  # noqa: E402
    GeneratedFile, MissingFrontEndLibrary, check_vendored, generated_files, generated_pages,
)


log = logging.getLogger("mkdocs.hooks.clause_library")


def site_library() -> Library:
    try:
        return load_library_cached(PROJECT_DIR)
    except LibraryInvalid as invalid:
        raise PluginError("\n" + invalid.report()) from None


def on_files(files: Files, config) -> Files:
    docs = Path(config.docs_dir).relative_to(PROJECT_DIR).as_posix()
    for file in files.documentation_pages():  # edit_uri points at the repository root; these live in docs/
        file.edit_uri = f"{docs}/{file.src_uri}"
    library = site_library()
    stale = stale_facts(library.guides)
    if stale:  # INFO, not WARNING: old facts need review, but must not break a strict build
        log.info("%d 条平台信息的来源日期超过 %d 天或未注明日期，需要复核（python -m clause_library stale 列出全部）：%s",
                 len(stale), STALE_AFTER_DAYS, "；".join(f"{g.platform.name} {f.source_date}" for g, f in stale[:10]))
    try:
        check_vendored()
    except MissingFrontEndLibrary as missing:
        raise PluginError(str(missing)) from None
    for page in generated_pages(library):
        file = File.generated(config, page.path, content=page.markdown)
        if page.source_path:  # "edit this page" opens the YAML, not a stub nobody can find
            file.edit_uri = page.source_path
        files.append(file)
    for file in _files_in_background.start(generated_files(library, config.site_url)):
        # Registered now, so that links to the file validate; its content reaches the site in on_post_build.
        files.append(File.generated(config, file.path, content=b""))
    return files


class _BackgroundFiles:
    """Writes the generated files (twenty .docx take about two seconds) in a forked process while
    MkDocs renders the pages, then copies them into the site once the build is done."""

    def __init__(self) -> None:
        self.directory: tempfile.TemporaryDirectory | None = None
        self.worker: multiprocessing.Process | None = None

    def source(self, file: GeneratedFile) -> Path:
        return Path(self.directory.name) / file.path

    def start(self, files: list[GeneratedFile]) -> list[GeneratedFile]:
        if self.worker:  # a previous build stopped early (`mkdocs serve`): let its writer finish first
            self.worker.join()
        self.directory = tempfile.TemporaryDirectory(prefix="clause-library-files-")  # the last build's is removed
        if "fork" in multiprocessing.get_all_start_methods():
            self.worker = multiprocessing.get_context("fork").Process(target=self._write, args=(files,))
            self.worker.start()
        else:  # no fork (Windows): write them here
            self._write(files)
        return files

    def _write(self, files: list[GeneratedFile]) -> None:
        for file in files:
            target = self.source(file)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.make())

    def wait(self) -> None:
        if self.worker:
            self.worker.join()
            failed, self.worker = self.worker.exitcode, None
            if failed:
                raise PluginError(f"生成下载文件和 JSON 的子进程失败（退出码 {failed}），见上方错误信息。")

    def publish(self, site_dir: Path) -> None:
        self.wait()
        shutil.copytree(self.directory.name, site_dir, dirs_exist_ok=True)


_files_in_background = _BackgroundFiles()


def on_page_content(html: str, page, config, files) -> str:
    """A page's front matter may set `toc_depth`: the sidebar table of contents stops at that level."""
    depth = page.meta.get("toc_depth")
    if depth:
        _prune_toc(page.toc.items, depth)
    return html


def _prune_toc(items, depth: int) -> None:
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            _prune_toc(item.children, depth)


# Material's search segments only runs of Han characters, so 「3分钟人工回复率」 is indexed as
# 3 · 分钟 · 人工 …, and a reader's query 「3分钟」 finds nothing. Platform metrics are named by
# such number-unit words, so the index keeps them whole.
_NUMBER_UNIT = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)\u200b(分钟|秒|小时|个工作日|工作日|日|天|倍)")


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config) -> None:
    _files_in_background.publish(Path(config.site_dir))
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["title"] = _NUMBER_UNIT.sub(r"\1\2", doc["title"])
        doc["text"] = _NUMBER_UNIT.sub(r"\1\2", doc["text"])
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
