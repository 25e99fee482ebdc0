"""The validated library as typed, immutable objects. Built only by `loading`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Stance:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    description: str
    position: int  # 1-based, the order of the contract


@dataclass(frozen=True)
class Platform:
    id: str
    name: str
    operator: str


@dataclass(frozen=True)
class Statute:
    id: str
    name: str
    short_name: str
    version: str
    checked: str
    articles: dict[int, str]  # article number -> subject, in our own words


@dataclass(frozen=True)
class Citation:
    statute: Statute
    article: int
    note: str | None = None

    @property
    def subject(self) -> str:
        return self.statute.articles[self.article]

    @property
    def label(self) -> str:
        return f"《{self.statute.short_name}》第{self.article}条"


@dataclass(frozen=True)
class PlatformNote:
    platform: Platform
    note: str
    as_of: str
    source: str
    certainty: str  # official | secondary | uncertain


@dataclass(frozen=True)
class PlaybookEntry:
    ask: str
    answer: str


@dataclass(frozen=True)
class Annotations:
    why: str
    risks: str
    playbook: tuple[PlaybookEntry, ...]
    red_line: str | None


@dataclass(frozen=True)
class ChangeEntry:
    date: str
    change: str


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    category: Category
    summary: str
    order: int
    platforms: tuple[Platform, ...] | None  # None means every platform
    texts: dict[str, str]  # stance id -> clause text, in the stances registry's order
    annotations: Annotations
    legal_basis: tuple[Citation, ...]
    platform_notes: tuple[PlatformNote, ...]
    related: tuple[str, ...]
    tags: tuple[str, ...]
    changelog: tuple[ChangeEntry, ...]
    source_path: str  # e.g. clauses/fees/late-payment.yml

    def applies_to(self, platform_id: str) -> bool:
        return self.platforms is None or any(p.id == platform_id for p in self.platforms)

    @property
    def last_updated(self) -> str:
        return max(entry.date for entry in self.changelog)

    @property
    def neutral_text(self) -> str:
        return self.texts["neutral"]


@dataclass(frozen=True)
class AvoidEntry:
    """A term a careful reader refuses, and the library clauses to use instead."""
    id: str
    title: str
    example: str
    why: str
    legal_basis: tuple[Citation, ...]
    instead: tuple[str, ...]


@dataclass(frozen=True)
class Fact:
    """A platform fact: platforms change their rules, so each one says when and where it was true."""
    text: str
    as_of: str
    source: str
    certainty: str  # official | secondary | uncertain


@dataclass(frozen=True)
class Metric:
    name: str  # exactly as the platform names it
    definition: str
    threshold: str | None
    backend: str | None
    clause_id: str
    advice: str
    fact: Fact  # the dating and sourcing of the metric as a whole


@dataclass(frozen=True)
class PlatformRule:
    title: str
    clause_ids: tuple[str, ...]
    fact: Fact


@dataclass(frozen=True)
class PlatformGuide:
    platform: Platform
    intro: str
    workbench: tuple[Fact, ...]
    agent_access: tuple[Fact, ...]
    metrics: tuple[Metric, ...]
    rules: tuple[PlatformRule, ...]
    checklist: tuple[str, ...]
    last_updated: str
    source_path: str

    def facts(self) -> list[Fact]:
        return [*self.workbench, *self.agent_access, *(m.fact for m in self.metrics), *(r.fact for r in self.rules)]


@dataclass(frozen=True)
class ContractPart:
    """One clause as a contract uses it: the stance chosen and the heading shown."""
    clause: Clause
    stance: str
    heading: str

    @property
    def text(self) -> str:
        return self.clause.texts[self.stance]


@dataclass(frozen=True)
class Contract:
    id: str
    title: str
    description: str
    order: int
    stance: str
    platforms: tuple[Platform, ...] | None
    summary: tuple[tuple[str, str], ...]
    parties: ContractPart
    signatories: tuple[str, ...]  # 甲方, 乙方 (, 丙方): one signature column each
    recitals: str
    articles: tuple[ContractPart, ...]
    annexes: tuple[ContractPart, ...]
    last_updated: str
    source_path: str


@dataclass(frozen=True)
class ReviewProblem:
    issue: str
    avoid: AvoidEntry | None
    instead: tuple[str, ...]
    legal_basis: tuple[Citation, ...]


@dataclass(frozen=True)
class ReviewArticle:
    heading: str
    text: str
    problems: tuple[ReviewProblem, ...]


@dataclass(frozen=True)
class Review:
    """A fictional bad contract, article by article, with what is wrong and what to use instead."""
    id: str
    title: str
    description: str
    intro: str
    articles: tuple[ReviewArticle, ...]
    last_updated: str
    source_path: str


@dataclass(frozen=True)
class Library:
    categories: tuple[Category, ...]
    platforms: tuple[Platform, ...]
    stances: tuple[Stance, ...]
    statutes: dict[str, Statute]
    clauses: dict[str, Clause]  # id -> clause, in contract order (category, then order, then id)
    avoid: tuple[AvoidEntry, ...] = ()
    guides: dict[str, PlatformGuide] = field(default_factory=dict)  # platform id -> guide, where written
    contracts: dict[str, Contract] = field(default_factory=dict)  # in display order
    reviews: dict[str, Review] = field(default_factory=dict)

    @cached_property
    def _by_category(self) -> dict[str, list[Clause]]:
        grouped: dict[str, list[Clause]] = {c.id: [] for c in self.categories}
        for clause in self.clauses.values():
            grouped[clause.category.id].append(clause)
        return grouped

    def clauses_in(self, category_id: str) -> list[Clause]:
        return self._by_category[category_id]

    def clauses_for(self, platform_id: str) -> list[Clause]:
        return [c for c in self.clauses.values() if c.applies_to(platform_id)]

    def category(self, category_id: str) -> Category:
        return next(c for c in self.categories if c.id == category_id)

    def platform(self, platform_id: str) -> Platform:
        return next(p for p in self.platforms if p.id == platform_id)

    def stance(self, stance_id: str) -> Stance:
        return next(s for s in self.stances if s.id == stance_id)
