"""The validated library as typed, immutable objects. Built only by `loading`."""

from __future__ import annotations

import re
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
    official_domains: tuple[str, ...] = ()  # where the platform publishes its own rules and backend


@dataclass(frozen=True)
class Statute:
    id: str
    name: str
    short_name: str
    version: str
    checked: str
    articles: dict[int, str]  # article number -> subject, in our own words
    sources: tuple[str, ...] = ()  # the full texts read when the articles were checked (URLs)
    renumbered_from: str | None = None  # the version whose numbering `old_numbers` maps from
    old_numbers: dict[int, int] = field(default_factory=dict)  # article number then -> number now


@dataclass(frozen=True)
class RepealedLaw:
    """A law that is no longer in force: citing it is an error that names what replaced it."""
    id: str
    name: str
    short_name: str
    repealed: str  # ISO date
    superseded_by: str  # the successor's full name
    successor_short_name: str
    basis: str  # the provision that repealed it
    source: str  # the full text where that provision was read
    checked: str
    version: str | None = None


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
    as_of: str  # the day the note was checked against its source
    source: str
    certainty: str  # official | secondary | uncertain
    source_date: str  # the source's own date, YYYY-MM-DD, or "undated"


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
class FieldSpec:
    """A named blank: what it asks for, of what type, and the value suggested, with why.

    Declared once – in the clause that uses it, or in data/fields.yml when several clauses share it –
    so one name means one value throughout a contract."""
    name: str
    label: str
    type: str  # text | party | money | integer | number | percent | date | choice
    declared_in: str  # a clause id, or data/fields.yml
    unit: str | None = None  # integer and number: the word the text writes after the value (个工作日, 倍)
    options: tuple[str, ...] = ()  # choice
    party: str | None = None  # party: whose detail (甲方, 乙方, 丙方)
    help: str | None = None  # how to fill it in, for the person filling it
    suggested: dict[str, object] = field(default_factory=dict)  # stance id -> value; "neutral" applies to all
    rationale: dict[str, str] = field(default_factory=dict)  # stance id -> why that value

    def suggestion(self, stance: str) -> object | None:
        return self.suggested.get(stance, self.suggested.get("neutral"))

    def why(self, stance: str) -> str | None:
        return self.rationale.get(stance, self.rationale.get("neutral"))


@dataclass(frozen=True)
class Grant:
    """A right this clause grants that another article governs (e.g. a ground for termination)."""
    right: str  # an id in data/rights.yml
    ground: str  # the situation, as a phrase that completes “有下列情形之一的”
    stances: tuple[str, ...]  # the versions of the clause that grant it


@dataclass(frozen=True)
class Right:
    id: str
    name: str  # 甲方解除合同
    description: str


@dataclass(frozen=True)
class Term:
    """A defined term and the loose words that must not stand in for it."""
    term: str
    avoid: tuple[str, ...]
    why: str


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
    fields: dict[str, FieldSpec] = field(default_factory=dict)  # the fields only this clause uses
    grants: tuple[Grant, ...] = ()
    defines: tuple[str, ...] = ()  # defined terms: only the definitions clause defines them

    def applies_to(self, platform_id: str) -> bool:
        return self.platforms is None or any(p.id == platform_id for p in self.platforms)

    @property
    def last_updated(self) -> str:
        return max(entry.date for entry in self.changelog)

    @property
    def neutral_text(self) -> str:
        return self.texts["neutral"]


@dataclass(frozen=True)
class Recogniser:
    """How to tell that a clause version reads as an avoided term: regular expressions tried on each
    sentence of its normalised text (see avoid.normalise_for_matching)."""
    patterns: tuple[re.Pattern, ...]
    unless_in_sentence: tuple[re.Pattern, ...] = ()  # the sentence says the opposite (不得, 除外 …)
    unless_in_text: tuple[re.Pattern, ...] = ()  # a carve-out elsewhere in the same version defuses it


@dataclass(frozen=True)
class AvoidException:
    """A library clause version deliberately kept although it reads as the term, and why."""
    clause_id: str
    stance: str
    reason: str


@dataclass(frozen=True)
class AvoidEntry:
    """A term a careful reader refuses, how to recognise it, and the library clauses to use instead."""
    id: str
    title: str
    example: str
    why: str
    legal_basis: tuple[Citation, ...]
    instead: tuple[str, ...]
    recogniser: Recogniser
    exceptions: tuple[AvoidException, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A platform fact: platforms change their rules, so each one says when and where it was true."""
    text: str
    as_of: str  # the day the fact was checked against its source
    source: str
    certainty: str  # official | secondary | uncertain
    source_date: str  # the source's own date, YYYY-MM-DD, or "undated"


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
class OfficialSource:
    """A page of the platform's own where a reader confirms the guide's facts."""
    name: str
    url: str
    covers: str


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
    official_sources: tuple[OfficialSource, ...] = ()

    def facts(self) -> list[Fact]:
        return [*self.workbench, *self.agent_access, *(m.fact for m in self.metrics), *(r.fact for r in self.rules)]


@dataclass(frozen=True)
class Choice:
    """A choice a contract offers its reader: alternative clauses for one article (the fee model,
    court or arbitration), or an article that may be left out."""
    id: str
    label: str
    options: tuple[str, ...]  # clause ids; for an optional article, just its own
    default: str  # a clause id; for an optional article, "yes" or "no"
    optional: bool = False


@dataclass(frozen=True)
class ContractPart:
    """One clause as a contract uses it: the stance chosen and the heading shown."""
    clause: Clause
    stance: str
    heading: str
    stands_in_for: tuple[str, ...] = ()  # clause ids whose references this part answers
    choice: Choice | None = None
    alternatives: tuple["ContractPart", ...] = ()  # the other options of `choice`, ready to use

    @property
    def text(self) -> str:
        return self.clause.texts[self.stance]


@dataclass(frozen=True)
class Contract:
    id: str
    title: str  # the document's own title, without the stance
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
    values: dict[str, object] = field(default_factory=dict)  # field name -> the value this contract sets
    compare_to: str | None = None  # the neutral contract whose changes the tracked-changes edition shows

    @property
    def choices(self) -> tuple[Choice, ...]:
        return tuple(p.choice for p in (*self.articles, *self.annexes) if p.choice)


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
    repealed: tuple[RepealedLaw, ...] = ()
    fields: dict[str, FieldSpec] = field(default_factory=dict)  # every field: shared and clause-local
    rights: dict[str, Right] = field(default_factory=dict)
    terms: tuple[Term, ...] = ()

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
