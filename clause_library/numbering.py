"""Chinese contract numbering: 第一条, 第十二条, 附件三."""

DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    if not 0 < n < 1000:
        raise ValueError(f"cannot number {n}")
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    parts = [f"{DIGITS[hundreds]}百"] if hundreds else []
    if tens:
        parts.append(("" if tens == 1 and not hundreds else DIGITS[tens]) + "十")  # 十一, but 一百一十
    elif hundreds and units:
        parts.append("零")  # 一百零一
    if units:
        parts.append(DIGITS[units])
    return "".join(parts)


def article_label(n: int) -> str:
    return f"第{chinese_number(n)}条"


def annex_label(n: int) -> str:
    return f"附件{chinese_number(n)}"
