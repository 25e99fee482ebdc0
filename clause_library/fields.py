"""Named fields: their declarations, the values they accept, and how a value reads in a contract.

A field's value reads the same in every edition (page, .txt, .docx, the builder), so the formatting
lives here once. Money is written 人民币30,000元（大写：叁万元整）: the 大写 follows the figure and is
never a blank of its own.
"""

from __future__ import annotations

import datetime
import difflib
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

import cn2an

from clause_library.model import FieldSpec

TYPES = {
    "text": "文本", "party": "签约方信息", "money": "金额（元）", "integer": "整数", "number": "数字",
    "percent": "百分比", "date": "日期", "choice": "选项",
}
UNIT_TYPES = ("integer", "number")  # the text writes the unit right after the field: 【notice-days】个工作日
FIELDS_FILE = "data/fields.yml"

Report = Callable[..., None]  # report(message, *path)


def field_spec(name: str, raw: dict, declared_in: str, stance_ids: list[str], report: Report) -> FieldSpec | None:
    """A FieldSpec from a declaration; report() each inconsistency the schema cannot see.

    A declaration the schema refuses (a plain string, no type or label) has been reported by the schema
    check already, so it yields None here without a second message.
    """
    if not (isinstance(raw, dict) and raw.get("type") in TYPES and isinstance(raw.get("label"), str)):
        return None
    ok = True

    def problem(message: str, *path) -> None:
        nonlocal ok
        ok = False
        report(message, *path)

    kind = raw["type"]
    unit = raw.get("unit")
    if kind in UNIT_TYPES and not unit:
        problem(f"{TYPES[kind]}类型的字段要写 unit（正文中紧跟在字段后面的单位，例如“个工作日”“倍”）。", "unit")
    if kind not in UNIT_TYPES and unit:
        problem(f"只有整数和数字类型的字段写 unit；{TYPES[kind]}类型不写"
                + ("（百分比字段在正文中后接“%”）。" if kind == "percent" else "。"), "unit")
    options = tuple(raw.get("options") or ())
    if (kind == "choice") != bool(options):
        problem("选项类型的字段要列出 options（至少两项）；其他类型不写 options。", "options")
    if (kind == "party") != ("party" in raw):
        problem("签约方信息（type: party）要写 party（甲方、乙方或丙方）；其他类型不写 party。", "party")
    suggested = _per_stance(raw.get("suggested"), kind, stance_ids, "suggested", problem)
    rationale = _per_stance(raw.get("rationale"), "text", stance_ids, "rationale", problem)
    spec = FieldSpec(name, raw["label"].strip(), kind, declared_in, unit, options, raw.get("party"),
                     (raw.get("help") or "").strip() or None, suggested, rationale)
    for stance, value in suggested.items():
        message = value_problem(spec, value)
        if message:
            problem(f"建议值不合规：{message}", "suggested", *([stance] if isinstance(raw["suggested"], dict) else []))
    if suggested and not rationale:
        problem("有建议值的字段要写 rationale：用一两句话说明为什么建议这个值。", "rationale")
    missing = [s for s in suggested if s not in rationale and "neutral" not in rationale]
    if rationale and missing:
        problem(f"立场 {'、'.join(missing)} 的建议值没有说明理由（rationale）。", "rationale")
    return spec if ok else None


def _per_stance(value: Any, kind: str, stance_ids: list[str], key: str, problem: Report) -> dict[str, Any]:
    """A scalar applies to every stance; a mapping gives one value per stance and must include neutral."""
    if value is None:
        return {}
    if isinstance(value, dict):
        unknown = [s for s in value if s not in stance_ids]
        if unknown:
            problem(f"未知立场 {'、'.join(map(str, unknown))}：按立场分别写时，键只能是 {'、'.join(stance_ids)}。", key)
            return {}
        if "neutral" not in value:
            problem("按立场分别写时必须包括 neutral（中立版本的值），其他立场缺省时用它。", key)
            return {}
        return {s: (v.strip() if isinstance(v, str) else v) for s, v in value.items()}
    return {"neutral": value.strip() if isinstance(value, str) else value}


def value_problem(spec: FieldSpec, value: Any) -> str | None:
    """Why `value` cannot fill `spec`, in Chinese; None when it can."""
    kind = spec.type
    if isinstance(value, bool) or value is None:
        return f"应为{TYPES[kind]}，实际是{'是/否' if isinstance(value, bool) else '空值'}。"
    if kind in ("text", "party"):
        return None if isinstance(value, str) and value.strip() else "应为非空的文本。"
    if kind == "choice":
        return None if value in spec.options else f"只能是以下之一：{'、'.join(spec.options)}；实际是 {value!r}。"
    if kind == "date":
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                datetime.date.fromisoformat(value)
                return None
            except ValueError:
                pass
        return f"应为日期，写作 YYYY-MM-DD（例如 2027-01-01）；实际是 {value!r}。"
    if not isinstance(value, (int, float)):
        return f"应为{TYPES[kind]}（阿拉伯数字，例如 {_example(spec)}）；实际是 {value!r}。"
    if kind == "integer" and not float(value).is_integer():
        return f"应为整数（{spec.unit}），实际是 {value}。"
    if value < 0:
        return "不能是负数。"
    if kind == "percent" and value > 100:
        return f"百分比不能超过 100，实际是 {value}。"
    if kind == "money" and round(value, 2) != value:
        return f"金额最多精确到分（两位小数），实际是 {value}。"
    return None


def _example(spec: FieldSpec) -> str:
    return {"money": "30000", "percent": "10", "integer": "3", "number": "1.5"}.get(spec.type, "3")


def parse_input(spec: FieldSpec, raw: Any) -> tuple[Any, str | None]:
    """A value typed by a person (command line, values file): numbers may come as text such as
    "30,000" or "1.5"; returns (value, problem)."""
    if isinstance(raw, str) and spec.type in ("money", "integer", "number", "percent"):
        cleaned = raw.strip().replace(",", "").replace("，", "").removesuffix("%").removesuffix("元")
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            return raw, f"“{raw}”不是{TYPES[spec.type]}：请只写阿拉伯数字，例如 {_example(spec)}。"
        raw = int(number) if number == number.to_integral_value() else float(number)
    if isinstance(raw, (datetime.date,)):
        raw = raw.isoformat()
    return raw, value_problem(spec, raw)


def number_text(value: int | float) -> str:
    """1.5 -> "1.5", 3.0 -> "3": no trailing zeros, no exponent."""
    text = format(Decimal(str(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def money_text(value: int | float) -> str:
    whole, _, cents = number_text(value).partition(".")
    return f"{int(whole):,}" + (f".{cents.ljust(2, '0')}" if cents else "")


def money_in_words(value: int | float) -> str:
    """人民币大写 of an amount, by cn2an: 30000 -> 叁万元整."""
    return cn2an.an2cn(number_text(value), "rmb")


def display_value(spec: FieldSpec, value: Any) -> str:
    """The value as the contract prints it (without the brackets of an unconfirmed value)."""
    if spec.type == "money":
        return money_text(value)
    if spec.type in ("integer", "number", "percent"):
        return number_text(value)
    if spec.type == "date":
        day = datetime.date.fromisoformat(value)
        return f"{day.year}年{day.month}月{day.day}日"
    return str(value)


def closest(name: str, known) -> str:
    """“您是不是要写 x？” for an unknown name, or an empty string."""
    match = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"是不是要写 {match[0]}？" if match else ""


def field_text(spec: FieldSpec, value: Any, given: bool) -> str:
    """How a field reads in a contract. A value somebody gave reads plain; a suggested value not yet
    confirmed stays in 【】 so the reader sees it is theirs to decide; no value reads 【label】 (a choice
    with no value offers its options to tick, as the SAMR model contracts do)."""
    if value is None:
        if spec.type == "money":
            return f"人民币【{spec.label}】元"
        if spec.type == "choice":
            return "".join(f"□{option}" for option in spec.options)
        return f"【{spec.label}】"
    shown = display_value(spec, value)
    if not given:
        shown = f"【{shown}】"
    if spec.type == "money":
        return f"人民币{shown}元（大写：{money_in_words(value)}）"
    return shown
