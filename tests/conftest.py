"""Shared fixtures: the real library, throwaway copies of the project, a built and served site."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest

from clause_library import load_library

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ["mkdocs.yml", "mkdocs_hooks.py", "macros.py", "clause_library", "schemas", "data", "clauses",
                 "platforms", "contracts", "reviews", "docs", "overrides"]
MKDOCS = [sys.executable, "-m", "mkdocs"]
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="session")
def library():
    return load_library(ROOT)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")  # the front-end libraries the site publishes
    return dest


@pytest.fixture
def project_copy(tmp_path):
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


def build(project: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess:
    command = MKDOCS + ["build", "--site-dir", str(site_dir)] + (["--strict"] if strict else [])
    return subprocess.run(command, cwd=project, env=BUILD_ENV, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per session with --strict."""
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT, site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host would (GitHub Pages compresses text with gzip),
    so page-speed measurements see realistic transfer sizes."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urllib.parse.urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the base class redirects /dir to /dir/
            path = path / "index.html"
        if (path.suffix not in self.COMPRESSIBLE or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site on a loopback port (the Clipboard API needs a secure context: 127.0.0.1 is one)."""
    handler = functools.partial(_SiteHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def read_page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")
