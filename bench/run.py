"""Benchmark: build time, its parts, page weight and memory at 1x, 10x and 30x the shipped library.

    .venv/bin/python bench/run.py            # writes bench/results/report.md and report.json

Synthetic libraries copy every clause N times under new ids (related links stay inside each copy),
so the category indexes, search index and validation grow as a real library would. Ratios are
measured side by side in one run; absolute times depend on the machine.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.builder import measure_builder  # noqa: E402
from clause_library import load_library  # noqa: E402
from clause_library.yaml_source import SafeLoader  # noqa: E402

PROJECT = ["mkdocs.yml", "mkdocs_hooks.py", "macros.py", "clause_library", "schemas", "data", "clauses", "platforms",
           "contracts", "reviews", "docs", "overrides", "bench/export_hook.py"]
YAML_DIRS = ["clauses", "data", "platforms", "contracts", "reviews"]
SCALES = [1, 10, 30]
PROBE_PAGE = "clauses/confidentiality-obligations/index.html"
TARGETS = {"macro_overhead": 1.10, "validation_overhead": 1.5, "scaling_30x": 33, "clause_page_growth": 1.10,
           "builder_download_s": 1.0}


def make_project(dest: Path, scale: int) -> Path:
    for name in PROJECT:
        source, target = ROOT / name, dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    originals = sorted((dest / "clauses").glob("*/*.yml"))
    for copy in range(1, scale):
        for path in originals:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
            data["id"] = f"{data['id']}-s{copy}"
            data["related"] = [f"{r}-s{copy}" for r in data["related"]]
            _rename_fields(data, copy)
            (path.parent / f"{data['id']}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                          encoding="utf-8")
    return dest


def _rename_fields(data: dict, copy: int) -> None:
    """A field name is declared once in the library: each copy declares its own."""
    renamed = {name: f"{name}-s{copy}" for name in data.get("fields") or {}}
    if not renamed:
        return
    data["fields"] = {renamed[name]: spec for name, spec in data["fields"].items()}

    def rename(text: str) -> str:
        for old, new in renamed.items():
            text = text.replace(f"【{old}】", f"【{new}】")
        return text
    data["text"] = {stance: rename(text) for stance, text in data["text"].items()}
    for grant in data.get("grants") or ():
        grant["ground"] = rename(grant["ground"])


def time_best(function, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def parse_only(root: Path) -> None:
    for folder in YAML_DIRS:
        for path in (root / folder).rglob("*.yml"):
            yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)


def mkdocs_build(project: Path, config: str, site: Path, env: dict) -> dict:
    command = [sys.executable, str(ROOT / "bench" / "build_once.py"), config, str(site)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def plain_config(project: Path, export: Path) -> str:
    """The same site, built from the exported Markdown with macros and hooks off."""
    shutil.copytree(project / "docs" / "assets", export / "assets", dirs_exist_ok=True)
    (project / "mkdocs.plain.yml").write_text(
        f"INHERIT: mkdocs.yml\ndocs_dir: {json.dumps(str(export))}\nplugins: [search]\nhooks: []\nwatch: []\n"
        "validation: {links: {not_found: info}}  # the .docx downloads are not exported\n", encoding="utf-8")
    return "mkdocs.plain.yml"


def page_weights(site: Path) -> dict:
    sizes = [p.stat().st_size for p in site.rglob("*.html")]
    return {"pages": len(sizes), "median_kib": statistics.median(sizes) / 1024, "largest_kib": max(sizes) / 1024,
            "clause_page_kib": (site / PROBE_PAGE).stat().st_size / 1024,
            "search_index_kib": (site / "search" / "search_index.json").stat().st_size / 1024}


def measure(scale: int, work: Path) -> dict:
    project = make_project(work / f"x{scale}", scale)
    parse = time_best(lambda: parse_only(project))
    validate = time_best(lambda: load_library(project))
    export = work / f"export{scale}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BENCH_EXPORT_DIR": str(export)}
    (project / "mkdocs.bench.yml").write_text("INHERIT: mkdocs.yml\nhooks: [mkdocs_hooks.py, bench/export_hook.py]\n",
                                              encoding="utf-8")
    site = mkdocs_build(project, "mkdocs.bench.yml", work / f"site{scale}", env)
    plain = mkdocs_build(project, plain_config(project, export), work / f"plain{scale}", env)
    clauses = len(list((project / "clauses").glob("*/*.yml")))
    return {
        "scale": scale, "clauses": clauses,
        "yaml_parse_s": parse, "load_validate_s": validate,
        "build_s": site["seconds"], "build_without_macros_s": plain["seconds"],
        "macro_rendering_s": max(site["seconds"] - plain["seconds"] - validate, 0.0),
        "rest_of_mkdocs_s": plain["seconds"], "peak_mib": site["peak_mib"],
        **page_weights(work / f"site{scale}"),
    }


def report(rows: list[dict], builder: dict) -> tuple[str, dict]:
    first, last = rows[0], rows[-1]
    ratios = {
        "macro_overhead": max(r["build_s"] / r["build_without_macros_s"] for r in rows),
        "validation_overhead": max(r["load_validate_s"] / r["yaml_parse_s"] for r in rows),
        "scaling_30x": last["build_s"] / first["build_s"],
        "clause_page_growth": last["clause_page_kib"] / first["clause_page_kib"],
        "builder_download_s": builder["download_s"],
    }
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    lines = [f"Machine: {machine}. Date: {time.strftime('%Y-%m-%d')}.", "",
             "| scale | clauses | YAML parse s | load+validate s | build s | build w/o macros s | macro rendering s "
             "| peak MiB | pages | median page KiB | largest page KiB | clause page KiB | search index KiB |",
             "|" + "---|" * 13]
    for r in rows:
        lines.append(f"| {r['scale']}× | {r['clauses']} | {r['yaml_parse_s']:.3f} | {r['load_validate_s']:.3f} | "
                     f"{r['build_s']:.1f} | {r['build_without_macros_s']:.1f} | {r['macro_rendering_s']:.1f} | "
                     f"{r['peak_mib']:.0f} | {r['pages']} | {r['median_kib']:.1f} | {r['largest_kib']:.1f} | "
                     f"{r['clause_page_kib']:.1f} | {r['search_index_kib']:.0f} |")
    lines += ["", "| target | measured | goal | met |", "|---|---|---|---|"]
    names = {"macro_overhead": "macro overhead (build ÷ build of the same pages without macros)",
             "validation_overhead": "validation overhead (load+validate ÷ YAML parse)",
             "scaling_30x": "scaling (build at 30× ÷ build at 1×)",
             "clause_page_growth": "clause page size at 30× ÷ 1×",
             "builder_download_s": f"builder: 下载 Word to the file, {builder['contract']}, CPU ÷{builder['cpu_throttle']} (s)"}
    for key, goal in TARGETS.items():
        lines.append(f"| {names[key]} | {ratios[key]:.2f} | ≤ {goal} | {'yes' if ratios[key] <= goal else 'no'} |")
    lines += ["", f"Builder, typing into a field until the preview shows it (CPU ÷{builder['cpu_throttle']}, median of 20 "
                  f"keystrokes): {builder['typing_ms']:.1f} ms."]
    return "\n".join(lines) + "\n", {"machine": machine, "rows": rows, "builder": builder, "ratios": ratios,
                                      "targets": TARGETS}


def main() -> int:
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for scale in SCALES:
            print(f"measuring {scale}× …", flush=True)
            rows.append(measure(scale, Path(tmp)))
            if scale == 1:
                print("measuring the builder …", flush=True)
                builder = measure_builder(Path(tmp) / "site1")
    markdown, data = report(rows, builder)
    (out / "report.md").write_text(markdown, encoding="utf-8")
    (out / "report.json").write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
