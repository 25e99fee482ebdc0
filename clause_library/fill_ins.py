"""Fill-in markers: every blank in clause text is written 【说明】, nothing else."""

from __future__ import annotations

import re

FILL_IN = re.compile(r"【([^【】\n]+)】")
_UNDERSCORE_BLANK = re.compile(r"[_＿]{2,}")


_WELL_FORMED = re.compile(r"[^【】]*(?:【[^【】\n]+】[^【】]*)*")


def fill_in_errors(text: str) -> list[str]:
    """Messages for unbalanced, nested or empty markers and for other kinds of blanks."""
    if _WELL_FORMED.fullmatch(text) and not _UNDERSCORE_BLANK.search(text):
        return []  # the common case, decided by one regex instead of a walk over every character
    errors = []
    depth = 0
    for index, char in enumerate(text):
        if char == "【":
            if depth:
                errors.append(f"第 {index + 1} 个字处的“【”出现在另一个填写项里面：填写项不能嵌套。")
            depth += 1
        elif char == "】":
            if not depth:
                errors.append(f"第 {index + 1} 个字处的“】”没有对应的“【”。")
            else:
                depth -= 1
        elif char == "\n" and depth:
            errors.append("有一个“【”在同一行内没有用“】”闭合。")
            depth = 0
    if depth:
        errors.append("有一个“【”没有用“】”闭合。")
    if "【】" in text:
        errors.append("有空的填写项“【】”：请在括号里写明要填什么，例如【服务费金额】。")
    if _UNDERSCORE_BLANK.search(text):
        errors.append("用下划线表示空白：本库统一用【说明】标出待填写内容，例如【服务期限】。")
    return errors
