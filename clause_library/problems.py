"""A problem found in the library's data, worded for the contributor who has to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the project root, with forward slashes
    message: str  # Chinese, says what is wrong and what to do
    line: int | None = None
    item: str | None = None  # the clause / contract / platform id, when known
    field: str | None = None  # dotted path inside the file, e.g. legal_basis[0].article

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.item:
            parts.append(f"[{self.item}]")
        if self.field:
            parts.append(f"字段 {self.field}")
        return " ".join(parts) + "：" + self.message


class LibraryInvalid(Exception):
    """Raised with every problem found, so a contributor sees them all in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [f"条款库校验未通过，共 {len(self.problems)} 个问题：", ""]
        lines += [f"  ✗ {p}" for p in self.problems]
        lines += ["", "请逐条修改后重新运行：python -m clause_library check"]
        return "\n".join(lines)


class ProblemLog:
    """Accumulates problems; each check adds to it and carries on."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, problems: Problem | list[Problem]) -> None:
        self.problems.extend(problems if isinstance(problems, list) else [problems])
