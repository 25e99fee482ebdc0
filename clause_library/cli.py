"""Command line: `python -m clause_library check` validates the whole library."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from clause_library.export.docx import contract_docx
from clause_library.export.text import contract_text
from clause_library.fields import closest
from clause_library.filling import FillProblem, field_table, fill, read_values
from clause_library.guides import STALE_AFTER_DAYS, stale_facts
from clause_library.platform_facts import source_date_label
from clause_library.loading import load_library
from clause_library.problems import LibraryInvalid
from clause_library.scaffold import ScaffoldError, new_clause

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_STALE_REASON = f"的来源日期已超过 {STALE_AFTER_DAYS} 天或来源未注明日期"


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
        print(f"提示：{len(stale)} 条平台信息{_STALE_REASON}，需要复核，运行 python -m clause_library stale 查看。")
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
    print(f"{len(stale)} 条平台信息{_STALE_REASON}，需要复核：")
    for guide, fact in stale:
        print(f"  - {guide.source_path}：{source_date_label(fact.source_date)}：{fact.text[:40]}")
    return 0


def _contract(library, contract_id: str):
    contract = library.contracts.get(contract_id)
    if contract is None:
        print(f"没有合同 {contract_id}。{closest(contract_id, library.contracts)}"
              f"可用的合同：{'、'.join(library.contracts)}。", file=sys.stderr)
    return contract


def _parse_choices(pairs: list[str]) -> dict[str, str] | None:
    choices = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            print(f"--choose 应写作 选项=选择，例如 --choose fee-model=fee-tiered-volume；实际是 {pair!r}。", file=sys.stderr)
            return None
        choices[name] = value
    return choices


def _fields(args: argparse.Namespace) -> int:
    library = _load_or_report(args.root)
    contract = library and _contract(library, args.contract)
    choices = _parse_choices(args.choose)
    if contract is None or choices is None:
        return 1
    try:
        table = field_table(fill(library, contract, {}, choices).document)
    except FillProblem as problem:
        print(f"无法列出字段：\n{problem}", file=sys.stderr)
        return 2
    for row in table:  # with the suggestions: `fill` leaves them out, `fields` shows what they would be
        row["suggested"] = row["suggested"] if row["set_by_contract"] else library.fields[row["name"]].suggestion(contract.stance)
    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=2))
        return 0
    print(f"{contract.title}：{len(table)} 个字段（选项见 --choose；--json 输出完整信息）")
    for row in table:
        unit = f"（{row['unit']}）" if row["unit"] else ""
        value = f" = {row['suggested']}" if row["suggested"] is not None else ""
        print(f"  {row['name']}：{row['label']}{unit} [{row['type_name']}]{value} — {'、'.join(row['articles']) or '签署页'}")
    return 0


def _fill(args: argparse.Namespace) -> int:
    library = _load_or_report(args.root)
    contract = library and _contract(library, args.contract)
    if contract is None:
        return 1
    if args.out.suffix not in (".docx", ".txt"):
        print(f"输出文件 {args.out} 的扩展名应是 .docx 或 .txt。", file=sys.stderr)
        return 2
    try:
        values, choices = read_values(args.values)
        filled = fill(library, contract, values, choices)
    except FillProblem as problem:
        print(f"没有生成文件：\n{problem}", file=sys.stderr)
        return 2
    data = contract_docx(filled.document) if args.out.suffix == ".docx" else contract_text(filled.document).encode("utf-8")
    args.out.write_bytes(data)
    print(f"已生成 {args.out}。")
    if filled.missing:
        print(f"以下 {len(filled.missing)} 个字段没有填写，文件中保留为【标签】：", file=sys.stderr)
        for label in filled.missing:
            print(f"  - {label}", file=sys.stderr)
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
    commands.add_parser("stale", help="列出来源超过一年或未注明日期、需要复核的平台信息").set_defaults(run=_stale)
    fields = commands.add_parser("fields", help="列出一份合同需要填写的字段：名称、标签、类型、建议值、理由和所在条文")
    fields.add_argument("contract", help="合同 id，例如 general")
    fields.add_argument("--json", action="store_true", help="以 JSON 列表输出")
    fields.add_argument("--choose", action="append", default=[], metavar="选项=选择",
                        help="选择备选条款，例如 fee-model=fee-tiered-volume；可以写多次")
    fields.set_defaults(run=_fields)
    filler = commands.add_parser("fill", help="把值文件填入合同，生成 .docx 或 .txt")
    filler.add_argument("contract", help="合同 id，例如 general")
    filler.add_argument("--values", type=Path, required=True,
                        help="YAML 或 JSON 值文件：字段名: 值；选择备选条款写在 choices: 下")
    filler.add_argument("--out", type=Path, required=True, help="输出文件，以 .docx 或 .txt 结尾")
    filler.set_defaults(run=_fill)
    args = parser.parse_args(argv)
    return args.run(args)
