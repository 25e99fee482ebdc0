"""Gates run with tools nobody here wrote: LinkChecker over the served site, and a reproducible build."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from conftest import BUILD_ENV, MKDOCS, ROOT

LINKCHECKER = Path(sys.executable).parent / "linkchecker"


def test_every_internal_link_and_anchor_resolves(site_url, tmp_path):
    """Markdown and raw-HTML links alike (MkDocs itself checks only Markdown links)."""
    result = subprocess.run([str(LINKCHECKER), "--config", str(ROOT / "tests" / "linkcheckerrc"), f"{site_url}/"],
                            capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-5000:]


def _all_files(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


def test_two_builds_of_the_same_commit_are_identical(tmp_path):
    env = {**BUILD_ENV, "SOURCE_DATE_EPOCH": "1767225600"}  # the Makefile sets the last commit's time
    sites = []
    for name in ("a", "b"):
        site = tmp_path / name
        result = subprocess.run(MKDOCS + ["build", "--site-dir", str(site)], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-3000:]
        sites.append(site)
    files = _all_files(sites[0])
    assert files == _all_files(sites[1])
    _, mismatch, errors = filecmp.cmpfiles(sites[0], sites[1], files, shallow=False)
    assert not mismatch and not errors, mismatch[:10]
