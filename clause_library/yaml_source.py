"""Read YAML files fast, and find the line of any value when a problem needs one."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from clause_library.problems import Problem

# The C loader is several times faster; fall back to pure Python where libyaml is missing.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(SafeLoader):
    """SafeLoader that keeps an unquoted 2026-11-25 as text: the data model keeps dates as ISO text."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class DuplicateKey(yaml.MarkedYAMLError):
    """A key written twice in one mapping: YAML keeps the last silently, so a contract could give a
    field two values and show one."""


def _mapping_without_duplicates(loader, node):
    seen: set[str] = set()
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value in seen:
                raise DuplicateKey(problem=key.value, problem_mark=key.start_mark)
            seen.add(key.value)
    return loader.construct_yaml_map(node)


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping_without_duplicates)


@dataclass
class YamlDocument:
    path: Path
    relpath: str  # for messages: relative to the project root, forward slashes
    text: str
    data: Any

    @cached_property
    def _node(self) -> yaml.Node | None:
        # Composed only when a problem needs a line number: valid files never pay for it.
        return yaml.compose(self.text, Loader=SafeLoader)

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        """1-based line of the value at `path` (or of its nearest existing parent)."""
        node = self._node
        line = node.start_mark.line + 1 if node is not None else None
        for key in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if k.value == str(key)), None)
                if child is not None:  # point at the key, which is where people look
                    key_node = next(k for k, v in node.value if v is child)
                    line = key_node.start_mark.line + 1
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                child = node.value[key]
                line = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return line

    def problem(self, message: str, path: tuple[str | int, ...] = (), item: str | None = None) -> Problem:
        return Problem(self.relpath, message, self.line_of(path), item, format_path(path))


def format_path(path: tuple[str | int, ...]) -> str | None:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or None


def read_yaml(path: Path, root: Path) -> tuple[YamlDocument | None, Problem | None]:
    relpath = os.path.relpath(path, root).replace(os.sep, "/")  # Path.relative_to is several times slower
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, Problem(relpath, "文件不是 UTF-8 编码。请用 UTF-8 编码另存该文件。")
    try:
        data = yaml.load(text, Loader=_Loader)
    except DuplicateKey as exc:
        return None, Problem(relpath, f"键“{exc.problem}”在同一处写了两次：每个键只能写一次，否则后写的会悄悄覆盖先写的。"
                                      "请删除或合并其中一处。", exc.problem_mark.line + 1)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        detail = exc.problem or "无法解析"
        return None, Problem(
            relpath,
            f"YAML 语法错误（{detail}）。常见原因：缩进不一致、冒号后缺空格、引号未闭合；"
            "多行文本请用“字段: |”后另起一行并统一缩进。",
            line,
        )
    except yaml.YAMLError as exc:
        return None, Problem(relpath, f"YAML 语法错误：{exc}")
    return YamlDocument(path, relpath, text, data), None
