"""The data that flows between pipeline stages: plain dataclasses, no behaviour beyond helpers.

Stages hand these to each other; the store persists them and the reports render them.
Offsets are character offsets into `Article.text` (end exclusive).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}

Category = Literal["quantity", "date", "role", "attribution", "quote", "entity", "missing"]
CATEGORIES: tuple[Category, ...] = (
    "quantity",
    "date",
    "role",
    "attribution",
    "quote",
    "entity",
    "missing",
)

ClaimKind = Literal["quantity", "date", "role", "administration", "quote", "missing"]
EvidenceRole = Literal["flagged", "reference"]


def short_hash(*parts: str, length: int = 16) -> str:
    """A stable hex id from text parts (sha256, truncated): ids never depend on run order. Any
    string hashes: a lone surrogate (a file name that is not UTF-8) is encoded as its code point."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:length]


def normalize_text(text: str) -> str:
    """Text as identity sees it: Unicode NFC, whitespace folded, case folded."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def article_id(text: str, outlet: str) -> str:
    """An article's identity: the same words from the same outlet are the same article."""
    return short_hash(normalize_text(text), normalize_text(outlet))


@dataclass(frozen=True)
class SourceFile:
    """One file found under an input path."""

    path: str  # as given on the command line joined with the relative path, POSIX separators
    sha256: str
    size: int
    format: str  # "html", "text", "json", "jsonl"


@dataclass
class Article:
    """One outlet's article. A stitched page yields several, one per `part`."""

    id: str  # article_id(text, outlet): identity for dedup and versioning
    path: str  # the source file
    outlet: str  # display name: "Reuters", "The Straits Times"
    title: str
    text: str  # main text; paragraphs separated by blank lines or single line breaks
    published: date | None = None
    url: str | None = None
    author: str | None = None
    dateline: str | None = None  # "RIYADH, Feb 18 (Reuters)"
    part: int = 0  # index of the piece within a stitched file
    format: str = "text"
    # 1-based line in the source file of each line of `text` (for CI annotations); empty = unknown
    line_map: list[int] = field(default_factory=list)
    # field name -> where its value came from ("front matter", "byline line 3: 'REUTERS | ...'")
    provenance: dict[str, str] = field(default_factory=dict)

    def line_of(self, offset: int) -> int:
        """The source-file line holding `offset` of the text (1 when unknown)."""
        if not self.line_map:
            return 1
        index = self.text.count("\n", 0, offset)
        return self.line_map[min(index, len(self.line_map) - 1)]


@dataclass(frozen=True, slots=True)
class Sentence:
    article: str  # article id
    index: int  # position in the article, from 0
    start: int
    end: int
    text: str

    def __reduce__(self) -> tuple[type[Sentence], tuple[str, int, int, int, str]]:
        # rebuilt by the constructor: unpickling a slotted dataclass by its default state, one
        # setattr per field, took twice as long; a 10k run sends ~300k sentences between processes
        return Sentence, (self.article, self.index, self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)  # slots: a 50k-article run holds ~850k claims
class Claim:
    """A typed statement found in a sentence. `value` holds the normalized, kind-specific fields.

    quantity:       {"value": float, "unit": str, "hedge": str, "measure": str, "low": float, "high": float}
    date:           {"date": "YYYY-MM-DD", "granularity": "day|month|year|week", "relative": bool,
                     "event": str}
    role:           {"person": str, "person_key": str, "office": str, "jurisdiction": str,
                     "qualifier": "then|former|outgoing|incoming|acting|late|ousted|current|none",
                     "title": str (as written), "known": bool (a person the KB knows),
                     "kb_office": bool (an office of the KB's titles; False for "Sen.", "Mayor", ...),
                     "courtesy": bool (a bare title kept for life: "Governor Romney")}
    administration: {"leader": str, "leader_key": str, "acting": bool, "tense": str}
    quote:          {"words": str, "speaker": str, "speaker_key": str}
    missing:        {"pattern": str}
    """

    article: str
    sentence: int
    kind: ClaimKind
    start: int
    end: int
    text: str  # the exact span
    value: dict[str, Any]

    def __reduce__(self) -> tuple[type[Claim], tuple[str, int, ClaimKind, int, int, str, dict[str, Any]]]:
        # as Sentence.__reduce__: half the time to pickle and to unpickle
        return Claim, (self.article, self.sentence, self.kind, self.start, self.end, self.text, self.value)

    @property
    def id(self) -> str:
        return short_hash(self.article, str(self.start), str(self.end), self.kind)


@dataclass(frozen=True)
class ReferenceTime:
    """When an article speaks from: the date office titles and tenses are judged against."""

    earliest: date
    latest: date
    source: str  # "published", "dateline", "text dates", "office holders", "story", "unknown"
    detail: str = ""
    open_ended: bool = False  # `latest` is only the day of the run: nothing in the article bounds it
    # a time borrowed from the story ("story") that the article's own text agrees with: a title its
    # holder held then, or an event it dates near then (False: the grouping's word alone)
    corroborated: bool = True

    @property
    def point(self) -> date:
        """The single date used when one is needed: the start of the interval."""
        return self.earliest


@dataclass
class Story:
    id: str
    title: str
    articles: list[str]  # article ids, in a stable order


@dataclass
class Alignment:
    """Sentences in different articles of one story that say the same thing."""

    story: str
    score: float
    sentences: list[tuple[str, int]]  # (article id, sentence index)


@dataclass(frozen=True)
class Evidence:
    article: str
    outlet: str
    path: str
    sentence: str  # whole sentence text, or a metadata field such as "published: 2023-02-19"
    span: str  # the exact words
    role: EvidenceRole
    start: int = -1  # offsets of `span` in the article text; -1 for metadata
    end: int = -1
    line: int = 1


@dataclass
class Finding:
    rule: str
    category: Category
    severity: Severity
    message: str
    evidence: list[Evidence]
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def flagged(self) -> list[Evidence]:
        return [e for e in self.evidence if e.role == "flagged"]

    @cached_property
    def id(self) -> str:
        """Stable across runs: rule plus the flagged and reference places (computed once; findings are
        not changed after they are made)."""
        places = sorted(f"{e.role}:{e.article}:{e.start}:{e.end}:{e.span}" for e in self.evidence)
        return short_hash(self.rule, *places, length=12)


ReviewStatus = Literal["new", "baselined", "outside"]


@dataclass(frozen=True)
class Review:
    """Where a finding stands when a run is compared with a baseline or a change (`checker.ci`):
    `new` needs review; `baselined` was accepted in the baseline, for `reason`; `outside` involves
    no article of the change."""

    status: ReviewStatus
    reason: str = ""


@dataclass(frozen=True)
class InputError:
    path: str
    message: str
    line: int | None = None  # the line of the file at fault, when one is (a malformed JSONL line)


@dataclass
class OutletScore:
    outlet: str
    score: float
    articles: int
    findings: int
    confidence: float = 0.0
    breakdown: dict[str, float] = field(default_factory=dict)
    # added by source credibility: see checker/scoring
    low_confidence: bool = False  # confidence below checker.scoring.LOW_CONFIDENCE: too few articles to say much
    signals: dict[str, float] = field(default_factory=dict)  # points per signal other than findings, per article
    explanation: list[str] = field(default_factory=list)  # the score explained, one line per reason


@dataclass
class ArticleScore:
    """One article's credibility score: 100 plus the points of `breakdown` (lost negative, gained positive)."""

    article: str
    outlet: str
    score: float
    breakdown: dict[str, float] = field(default_factory=dict)  # signal -> points; 100 + sum = score
    measured: dict[str, float] = field(default_factory=dict)  # signal -> what was counted (or a share)
    explanation: list[str] = field(default_factory=list)  # one line per signal, as the report shows it
    copy_of: str | None = None  # article id of the original this article copies (None: not a copy, or a wire)
    copy_of_outlet: str | None = None  # outlet it copies or republishes; set for every copy
    copy_basis: str = ""  # why it is the copy: "published later", "credits Reuters in its dateline", ...
    copy_similarity: float = 0.0  # share of its text found in the original
