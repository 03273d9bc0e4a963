"""Finding fingerprints: the identity a baseline remembers a finding by.

A fingerprint is the rule, the flagged words (case folded, whitespace folded) and the identity of
each flagged article (`Article.id`: a hash of its normalized text and outlet). It leaves out what
the finding was compared with (the reference side, which changes when articles are added or
reordered), the order of the evidence, file paths and line numbers. So it survives reordering,
renaming and edits to other articles; an edit to the flagged article itself changes its identity,
and the finding is reviewed again.

When one article carries the same flagged words twice for the same rule (CBS News' two "Biden
administration" sentences), the occurrences are numbered by their place in the article, which
cannot move without the article's identity changing too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from checker.model import Evidence, Finding, normalize_text, short_hash

SCHEME = "checker/v1"  # bump when the recipe changes: every baseline entry then reads as fixed + new


def flagged_evidence(finding: Finding) -> list[Evidence]:
    """The flagged side of a finding (every evidence when a finding flags nothing explicitly)."""
    return finding.flagged or list(finding.evidence)


def _identity(evidence: Evidence) -> str:
    return evidence.article or f"outlet:{normalize_text(evidence.outlet)}"


def _base(finding: Finding) -> tuple[str, ...]:
    parts = {f"{_identity(e)}\x1e{normalize_text(e.span)}" for e in flagged_evidence(finding)}
    return (finding.rule.upper(), *sorted(parts))


def _place(finding: Finding) -> tuple[tuple[str, int, int, str], ...]:
    return tuple(sorted((_identity(e), e.start, e.end, normalize_text(e.sentence)) for e in flagged_evidence(finding)))


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding, in the same order; independent of the order of `findings`."""
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, finding in enumerate(findings):
        groups[_base(finding)].append(index)
    result = [""] * len(findings)
    for base, members in groups.items():
        members.sort(key=lambda i: (_place(findings[i]), findings[i].id))
        for occurrence, index in enumerate(members, start=1):
            result[index] = short_hash(SCHEME, *base, str(occurrence), length=20)
    return result


def fingerprint(finding: Finding) -> str:
    """The fingerprint of a finding on its own (occurrence 1)."""
    return fingerprints([finding])[0]
