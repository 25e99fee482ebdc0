"""What the library's text may cite: articles registered in data/statutes.yml, never a law that
data/repealed-laws.yml lists as repealed. Checked in legal_basis and in every string a page shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from clause_library.model import Citation, RepealedLaw, Statute
from clause_library.yaml_source import YamlDocument

_ANY_ARTICLE = re.compile(r"第\s*\d+\s*条")
# A text that names a repealed law together with its successor and one of these words is saying
# that the old law was replaced, not relying on it.
_REPLACEMENT_WORDS = ("废止", "取代", "替代")


@dataclass(frozen=True)
class Laws:
    statutes: dict[str, Statute]
    repealed: dict[str, RepealedLaw]

    def resolve(self, value: Any, report) -> tuple[Citation, ...]:
        """A legal_basis list's citations that the statutes registry holds; report(message, *path) for the rest."""
        if not isinstance(value, list) or not self.statutes:  # no statutes: the registry's own problem is reported
            return ()
        citations = []
        for index, ref in enumerate(value):
            if not isinstance(ref, dict) or not isinstance(ref.get("law"), str) or not isinstance(ref.get("article"), int):
                continue
            statute = self.statutes.get(ref["law"])
            if ref["law"] in self.repealed:
                law = self.repealed[ref["law"]]
                report(f"《{law.name}》已于{law.repealed}废止，由《{law.superseded_by}》取代（见 data/repealed-laws.yml），"
                       f"不能作为法律依据。请改引《{law.successor_short_name}》中相应的条文，先读原文并在 data/statutes.yml 登记。",
                       "legal_basis", index, "law")
            elif statute is None:
                report(f"未知法律 {ref['law']}。只能引用 data/statutes.yml 中登记的法律：{'、'.join(self.statutes)}。",
                       "legal_basis", index, "law")
            elif ref["article"] not in statute.articles:
                report(f"《{statute.short_name}》第{ref['article']}条未在 data/statutes.yml 中登记。"
                       f"{_renumbering_hint(statute, ref['article'])}"
                       "请核对条号（注意近年重新编号的法律）；确需引用时，先读原文并在登记表中登记该条。",
                       "legal_basis", index, "article")
            else:
                citations.append(Citation(statute, ref["article"], (ref.get("note") or "").strip() or None))
        return tuple(citations)

    def prose_problems(self, doc: YamlDocument) -> Iterator[tuple[str, tuple]]:
        """(message, path) for every string in the file that names an unregistered article
        (“《民法典》第1039条”) or a repealed law (“《网络交易管理办法》”): a wrong citation in a
        note or a platform guide misleads as much as one in legal_basis."""
        if not self.statutes:  # the statutes registry did not load: its own problem is reported
            return
        repealed = _repealed_pattern(tuple(self.repealed.values()))
        # The raw file holds every string the walk below visits: if it names no unregistered article
        # and no repealed law, there is nothing to find, and nearly every file is spared the walk.
        if all(article in statute.articles for statute, article in prose_citations(doc.text, self.statutes)) \
                and not (repealed and repealed.search(doc.text)):
            return
        by_title = {f"《{name}》": law for law in self.repealed.values() for name in (law.name, law.short_name)}
        for path, text in _strings(doc.data):
            for statute, article in prose_citations(text, self.statutes):
                if article not in statute.articles:
                    yield (f"文中提到《{statute.short_name}》第{article}条，但该条未在 data/statutes.yml 中登记。"
                           f"{_renumbering_hint(statute, article)}请核对条号；确需引用时，先读原文并登记该条。", path)
            for title in dict.fromkeys(repealed.findall(text) if repealed else ()):
                law = by_title[title]
                if not _explains_replacement(text, law):
                    yield (f"文中提到{title}，该法规已于{law.repealed}废止，由《{law.superseded_by}》取代。"
                           f"请改引《{law.successor_short_name}》的相应条文；如果是在说明旧法已被取代，"
                           f"请在同一段中写明《{law.successor_short_name}》已取代它。", path)


def prose_citations(text: str, statutes: dict[str, Statute]) -> list[tuple[Statute, int]]:
    """Articles a sentence names as 《短名》第N条 or 短名第N条 (Arabic numerals)."""
    if not _ANY_ARTICLE.search(text):  # most strings name no article: skip building the pattern's names
        return []
    by_name = {statute.short_name: statute for statute in statutes.values()}
    return [(by_name[m.group(1)], int(m.group(2))) for m in _citation_pattern(tuple(by_name)).finditer(text)]


@lru_cache(maxsize=8)
def _citation_pattern(short_names: tuple[str, ...]) -> re.Pattern:
    names = "|".join(re.escape(name) for name in sorted(short_names, key=len, reverse=True))
    return re.compile(rf"({names})》?\s*第\s*(\d+)\s*条")


@lru_cache(maxsize=8)
def _repealed_pattern(laws: tuple[RepealedLaw, ...]) -> re.Pattern | None:
    # Only a name inside book-title marks counts: bare “合同法” is also part of “劳动合同法”, and
    # 《杭州市网络交易管理办法》 is a different regulation from 《网络交易管理办法》.
    titles = {f"《{name}》" for law in laws for name in (law.name, law.short_name)}
    return re.compile("|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))) if titles else None


def _explains_replacement(text: str, law: RepealedLaw) -> bool:
    names_successor = any(f"《{name}》" in text for name in (law.superseded_by, law.successor_short_name))
    return names_successor and any(word in text for word in _REPLACEMENT_WORDS)


def _renumbering_hint(statute: Statute, article: int) -> str:
    now = statute.old_numbers.get(article)
    if now not in statute.articles:  # not renumbered, or mapped to an article nobody registered
        return ""
    return (f"该法的条号已调整：{statute.renumbered_from}的第{article}条，"
            f"现行条文是第{now}条（{statute.articles[now]}）。")


def _strings(value, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))
