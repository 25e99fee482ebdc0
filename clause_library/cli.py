"""Command line: `python -m clause_library check` validates the whole library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clause_library.guides import STALE_AFTER_DAYS, stale_facts
from clause_library.loading import load_library
from clause_library.problems import LibraryInvalid
from clause_library.scaffold import ScaffoldError, new_clause

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _load_or_report(root: Path):
    try:
        return load_library(root)
    except LibraryInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return None


def _check(args: argparse.Namespace) -> int:
    library = _load_or_report(args.root)
    if library is None:
        return 1
    print(f"条款库校验通过：{len(library.clauses)} 个条款，{len(library.categories)} 个类别，"
          f"{len(library.guides)} 份平台指南。")
    stale = stale_facts(library.guides)
    if stale:
        print(f"提示：{len(stale)} 条平台信息超过 {STALE_AFTER_DAYS} 天未复核，运行 python -m clause_library stale 查看。")
    return 0


def _new(args: argparse.Namespace) -> int:
    try:
        path = new_clause(args.root, args.category, args.id, args.title)
    except ScaffoldError as error:
        print(f"无法创建条款：{error}", file=sys.stderr)
        return 1
    except LibraryInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return 1
    print(f"已创建 {path.relative_to(args.root).as_posix()}。填写后运行：python -m clause_library check")
    return 0


def _stale(args: argparse.Namespace) -> int:
    library = _load_or_report(args.root)
    if library is None:
        return 1
    stale = stale_facts(library.guides)
    print(f"{len(stale)} 条平台信息的截至日期已超过 {STALE_AFTER_DAYS} 天，需要复核：")
    for guide, fact in stale:
        print(f"  - {guide.source_path}：截至 {fact.as_of}：{fact.text[:40]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m clause_library", description="电商客服外包合同条款库工具")
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help="项目根目录（默认：本仓库）")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="校验全部条款与登记表，列出所有问题").set_defaults(run=_check)
    new = commands.add_parser("new", help="新建一个条款文件，所有字段已就位")
    new.add_argument("category", help="类别 id，见 data/categories.yml")
    new.add_argument("id", help="条款 id：小写英文、数字和连字符，也是文件名")
    new.add_argument("--title", default="", help="中文标题")
    new.set_defaults(run=_new)
    commands.add_parser("stale", help="列出超过一年未复核的平台信息").set_defaults(run=_stale)
    args = parser.parse_args(argv)
    return args.run(args)
