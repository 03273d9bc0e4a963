"""What every rule sees and the helpers rules share: the story context and evidence builders."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from checker.claims.reftime import DateConflict
from checker.knowledge import KnowledgeBase, Term
from checker.model import (
    Alignment,
    Article,
    Category,
    Claim,
    Evidence,
    EvidenceRole,
    Finding,
    ReferenceTime,
    Sentence,
    Severity,
    Story,
)


@dataclass
class RuleConfig:
    """Per-run rule settings from [tool.checker] (see the README's Configuration section)."""

    select: set[str] | None = None  # None: every rule
    ignore: set[str] = field(default_factory=set)
    severity: dict[str, Severity] = field(default_factory=dict)
    quantity_tolerance: float = 0.0  # relative difference below which two values are equal
    published_tolerance_days: int = 30

    def enabled(self, code: str) -> bool:
        return code not in self.ignore and (self.select is None or code in self.select)


@dataclass
class StoryContext:
    """One story with everything the stages before the rules produced for it."""

    story: Story
    articles: dict[str, Article]
    sentences: dict[str, list[Sentence]]
    claims: dict[str, list[Claim]]
    alignments: list[Alignment]
    reftimes: dict[str, ReferenceTime]
    kb: KnowledgeBase
    config: RuleConfig = field(default_factory=RuleConfig)
    date_conflicts: dict[str, DateConflict] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)
    # article id -> story id; set when the context spans two related stories (a topic)
    story_of: dict[str, str] = field(default_factory=dict)

    @property
    def is_topic(self) -> bool:
        return len(set(self.story_of.values())) > 1  # per-story memo for rules (word weights, groups)

    def claims_of(self, kind: str) -> Iterator[Claim]:
        for article in self.story.articles:
            for claim in self.claims.get(article, []):
                if claim.kind == kind:
                    yield claim

    def sentence_of(self, claim: Claim) -> Sentence:
        return self.sentences[claim.article][claim.sentence]

    def is_heading(self, claim: Claim) -> bool:
        """A line that is only a name and a title ("Jane Roe, attorney general"): a list's heading or a
        caption, which may name the post the list is about (a nominee's, a candidate's), not one held."""
        return self.sentence_of(claim).text.strip(" .:;-–—") == claim.text.strip(" .:;-–—")

    def outlet(self, article: str) -> str:
        return self.articles[article].outlet

    def aligned_groups(self) -> dict[tuple[str, int], int]:
        """(article, sentence index) -> index of its alignment group."""
        groups: dict[tuple[str, int], int] = {}
        for number, alignment in enumerate(self.alignments):
            for member in alignment.sentences:
                groups[member] = number
        return groups


def claim_evidence(ctx: StoryContext, claim: Claim, role: EvidenceRole) -> Evidence:
    article = ctx.articles[claim.article]
    sentence = ctx.sentence_of(claim)
    return Evidence(
        article=article.id,
        outlet=article.outlet,
        path=article.path,
        sentence=sentence.text,
        span=claim.text,
        role=role,
        start=claim.start,
        end=claim.end,
        line=article.line_of(claim.start),
    )


_PROVENANCE_LINE = re.compile(r"\bline (\d+)\b")


def field_line(article: Article, name: str) -> int:
    """The line a metadata field was read from ("front matter line 4", "byline line 4: ..."), else 1."""
    found = _PROVENANCE_LINE.search(article.provenance.get(name, ""))
    return int(found.group(1)) if found else 1


def metadata_evidence(article: Article, name: str, value: str, role: EvidenceRole) -> Evidence:
    """Evidence of a metadata field, at the line it was read from when known."""
    return Evidence(
        article=article.id,
        outlet=article.outlet,
        path=article.path,
        sentence=f"{name}: {value}",
        span=value,
        role=role,
        line=field_line(article, name),
    )


def kb_evidence(term: Term) -> Evidence:
    return Evidence(
        article="",
        outlet="knowledge base",
        path=term.source or "checker/data/kb",
        sentence=term.describe(),
        span=term.person,
        role="reference",
        line=term.row or 1,
    )


def outlets_phrase(outlets: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = sorted(set(outlets))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass
class Flag:
    """What a rule reports; the registry adds the code, category and configured severity.

    `severity` is set only when this flag is weaker than the rule's usual verdict (a rounding
    difference, an uncertain knowledge-base entry): such a downgrade survives configuration.
    """

    message: str
    evidence: list[Evidence]
    values: dict[str, Any] = field(default_factory=dict)
    severity: Severity | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    doc: str
    check: Callable[[StoryContext], Iterable[Flag]]

    def findings(self, ctx: StoryContext) -> Iterator[Finding]:
        configured = ctx.config.severity.get(self.code, self.severity)
        for flag in self.check(ctx):
            severity = flag.severity or configured
            yield Finding(self.code, self.category, severity, flag.message, flag.evidence, flag.values)
