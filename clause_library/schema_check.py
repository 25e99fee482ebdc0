"""Run a JSON Schema over YAML data and word each error for a contributor, in Chinese."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import fastjsonschema
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from clause_library.problems import Problem, ProblemLog
from clause_library.yaml_source import YamlDocument, read_yaml

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"

_TYPE_NAMES = {
    "string": "文本", "integer": "整数", "number": "数字", "boolean": "是/否",
    "array": "列表（每项以“- ”开头）", "object": "“字段: 值”的映射", "null": "空值",
}


def _type_of(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "是/否"
    if isinstance(value, int):
        return "整数"
    if isinstance(value, float):
        return "数字"
    if isinstance(value, str):
        return "文本"
    if isinstance(value, list):
        return "列表"
    return "映射"


@lru_cache(maxsize=None)
def _registry() -> Registry:
    schemas = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(SCHEMA_DIR.glob("*.schema.json"))]
    return Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)


@lru_cache(maxsize=None)
def validator(schema_file: str, definition: str | None = None) -> Draft202012Validator:
    """The reference validator, which reports every error; built once and reused."""
    uri = _uri(schema_file)
    schema = {"$ref": f"{uri}#/$defs/{definition}"} if definition else _registry()[uri].contents
    return Draft202012Validator(schema, registry=_registry())


def _uri(schema_file: str) -> str:
    return next(uri for uri in _registry() if uri.endswith("/" + schema_file))


def _as_draft7(schema: dict) -> dict:
    # fastjsonschema knows drafts 4 to 7; our schemas use no keyword whose meaning changed since.
    return {**schema, "$schema": "http://json-schema.org/draft-07/schema#"}


@lru_cache(maxsize=None)
def _fast_check(schema_file: str, definition: str | None = None):
    """A compiled validator that only answers valid or not: about 50 times faster, so valid files,
    nearly all of them, never pay for the reference validator's full error report."""
    uri = _uri(schema_file)
    schema = {"$ref": f"{uri}#/$defs/{definition}"} if definition else _registry()[uri].contents
    resolve = {"https": lambda ref: _as_draft7(_registry()[ref.split("#")[0]].contents)}
    return fastjsonschema.compile(_as_draft7(schema), handlers=resolve)


def _field_description(error: ValidationError, name: str) -> str:
    described = error.schema.get("properties", {}).get(name, {})
    return described.get("description", "") if isinstance(described, dict) else ""


def _messages(error: ValidationError) -> Iterator[tuple[tuple, str]]:
    """(path, message) pairs for one schema error; path is where the contributor should look."""
    path = tuple(error.absolute_path)
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        for name in expected:
            if isinstance(value, dict) and name not in value:
                hint = _field_description(error, name)
                yield path + (name,), f"缺少必填字段 {name}。" + (f"（{hint}）" if hint else "")
    elif kind == "additionalProperties" and isinstance(value, dict):
        allowed = list(error.schema.get("properties", {}))
        for name in value:
            if name not in allowed:
                suffix = f"允许的字段有：{'、'.join(allowed)}。" if allowed else ""
                yield path + (name,), f"未知字段 {name}，可能是拼写错误。{suffix}"
    elif kind == "type":
        wanted = "或".join(_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
        yield path, f"应为{wanted}，实际是{_type_of(value)}。"
    elif kind == "minLength":
        if isinstance(value, str) and not value.strip():
            yield path, "不能为空，请填写内容。"
        else:
            yield path, f"内容太短：至少 {expected} 个字。"
    elif kind == "maxLength":
        yield path, f"内容太长：最多 {expected} 个字，现有 {len(value)} 个。"
    elif kind == "pattern":
        if "undated" in expected:
            yield path, f"应为来源自身的日期 YYYY-MM-DD（例如 2023-02-21），来源没有日期的写 undated；实际是 {value!r}。"
        elif "\\d{4}" in expected:
            yield path, f"日期格式应为 YYYY-MM-DD（例如 2026-11-25），实际是 {value!r}。"
        elif expected == "^https://":
            yield path, f"地址应以 https:// 开头，实际是 {value!r}。"
        elif "\\." in expected:
            yield path, f"{value!r} 不是域名：只写域名本身，例如 pinduoduo.com，不带 https:// 和路径。"
        else:
            yield path, f"{value!r} 不是合法的 id：只能用小写英文字母、数字和单个连字符，例如 late-payment-interest。"
    elif kind in ("enum", "const"):
        options = expected if kind == "enum" else [expected]
        yield path, f"只能是以下之一：{'、'.join(map(str, options))}；实际是 {value!r}。"
    elif kind == "oneOf" and path and path[-1] == "platforms":
        yield path, "应为 all（适用于所有平台），或平台 id 的列表，例如 [taobao-tmall, jd]。"
    elif kind == "minItems":
        yield path, f"至少需要 {expected} 项。" if value else "不能为空列表，请至少填写一项。"
    elif kind == "minProperties":
        yield path, "不能为空。"
    elif kind == "uniqueItems":
        yield path, "列表中有重复项，请删除重复的那一项。"
    elif kind == "minimum":
        yield path, f"应不小于 {expected}。"
    elif kind == "propertyNames":
        yield path, f"键名 {value!r} 不合规：{error.message}"
    else:  # not expected with our schemas; still say where
        yield path, f"不符合格式要求：{error.message}"


def schema_problems(doc: YamlDocument, schema_file: str, definition: str | None = None, data: Any = None,
                    item: str | None = None) -> list[Problem]:
    """Every schema error in the document, worded for a contributor; [] when it is valid."""
    data = doc.data if data is None else data
    try:
        _fast_check(schema_file, definition)(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    validator_ = validator(schema_file, definition)
    seen: set[tuple[tuple, str]] = set()
    problems = []
    for error in validator_.iter_errors(data):
        for path, message in _messages(error):
            if (path, message) not in seen:
                seen.add((path, message))
                problems.append(doc.problem(message, path, item))
    return problems


def valid_documents(root: Path, folder: str, schema_file: str, what: str, found: ProblemLog) -> Iterator[YamlDocument]:
    """Each root/folder/*.yml that parses to a mapping and satisfies its schema; the rest is reported."""
    base = root / folder
    for path in sorted(base.glob("*")) if base.is_dir() else []:
        if path.suffix != ".yml":
            found.add(Problem(path.relative_to(root).as_posix(), f"{folder}/ 下只放{what} YAML 文件（<id>.yml）。"))
            continue
        doc, problem = read_yaml(path, root)
        if problem:
            found.add(problem)
            continue
        if not isinstance(doc.data, dict):
            found.add(doc.problem("文件顶层应是“字段: 值”的映射。"))
            continue
        item = doc.data["id"] if isinstance(doc.data.get("id"), str) else path.stem
        problems = schema_problems(doc, schema_file, item=item)
        if problems:
            found.add(problems)
            continue
        yield doc
