"""Filling a contract for a user: read a values file, check it against the contract, and report
every problem before anything is written. Shared by `python -m clause_library fill` and `fields`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from clause_library.assembly import AssembledContract, assemble
from clause_library.fields import TYPES
from clause_library.model import Contract, Library

CHOICES_KEY = "choices"  # in a values file, the chosen alternatives: {fee-model: fee-tiered-volume}


class FillProblem(Exception):
    """Input a person gave that cannot fill the contract; the message says what and where."""


@dataclass(frozen=True)
class Filled:
    document: AssembledContract
    missing: list[str]  # labels of the fields left without a value


def read_values(path: Path) -> tuple[dict, dict]:
    """(values, choices) from a YAML or JSON mapping of field names to values."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FillProblem(f"找不到值文件 {path}。") from None
    except UnicodeDecodeError:
        raise FillProblem(f"值文件 {path} 不是 UTF-8 编码。") from None
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise FillProblem(f"值文件 {path} 无法解析：{error}") from None
    if not isinstance(data, dict):
        raise FillProblem(f"值文件 {path} 应是“字段名: 值”的映射，例如 party-a-name: 某某公司；实际是"
                          f"{'列表' if isinstance(data, list) else '一段文本' if isinstance(data, str) else '空的'}。")
    choices = data.pop(CHOICES_KEY, None) or {}
    if not isinstance(choices, dict):
        raise FillProblem(f"{CHOICES_KEY} 应是“选项 id: 选择”的映射，例如 fee-model: fee-tiered-volume。")
    return {str(k): v for k, v in data.items()}, {str(k): str(v) for k, v in choices.items()}


def fill(library: Library, contract: Contract, values: dict, choices: dict) -> Filled:
    """The contract with `values` and `choices`; fields left without a value read 【label】.
    Raises FillProblem listing every bad name or value."""
    problems: list[str] = []

    def report(message: str, *path) -> None:
        if message not in problems:
            problems.append(message)

    document = assemble(library, contract, values, choices, report, suggestions=False)
    if problems:
        raise FillProblem("\n".join(problems))
    return Filled(document, [use.spec.label for use in document.fields if use.value is None])


def field_table(document: AssembledContract) -> list[dict]:
    """The fields a contract needs, in the order the contract first uses them."""
    return [{
        "name": use.spec.name,
        "label": use.spec.label,
        "type": use.spec.type,
        "type_name": TYPES[use.spec.type],
        "unit": use.spec.unit,
        "options": list(use.spec.options) or None,
        "party": use.spec.party,
        "help": use.spec.help,
        "suggested": use.value,
        "set_by_contract": use.given,
        "rationale": use.rationale,
        "articles": list(use.sections),
    } for use in document.fields]
