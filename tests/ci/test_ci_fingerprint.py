"""Fingerprints: rule, normalized flagged words and the flagged article's identity, nothing else."""

from __future__ import annotations

from dataclasses import replace

from checker.ci import fingerprint, fingerprints
from checker.model import Evidence, Finding


def evidence(article: str, span: str, role: str = "flagged", start: int = 10, outlet: str = "Outlet") -> Evidence:
    return Evidence(
        article=article,
        outlet=outlet,
        path=f"corpus/{article}.txt",
        sentence=f"They said {span} on Thursday.",
        span=span,
        role=role,  # type: ignore[arg-type]
        start=start,
        end=start + len(span),
        line=3,
    )


def finding(*items: Evidence, rule: str = "QTY001") -> Finding:
    return Finding(rule, "quantity", "warning", "differs", list(items))


FLAGGED = evidence("ledger01", "About 420 ships", outlet="Evening Ledger")
REFERENCE = evidence("harbour1", "About 240 ships", role="reference", start=40, outlet="Harbour Gazette")


def test_reference_side_and_evidence_order_do_not_matter() -> None:
    base = finding(FLAGGED, REFERENCE)
    other_reference = evidence("coastal1", "about 240 ships", role="reference", start=7, outlet="Coastal Times")
    variants = [
        finding(REFERENCE, FLAGGED),
        finding(FLAGGED, REFERENCE, other_reference),
        finding(other_reference, FLAGGED),
        finding(FLAGGED),
    ]
    assert all(fingerprint(variant) == fingerprint(base) for variant in variants)
    assert len({v.id for v in variants[1:]} | {base.id}) == 4  # while the finding ids all differ


def test_paths_lines_and_case_or_spacing_of_the_words_do_not_matter() -> None:
    moved = replace(FLAGGED, path="elsewhere/renamed.txt", line=99)
    spaced = replace(FLAGGED, span="about  420\nSHIPS")
    assert fingerprint(finding(moved, REFERENCE)) == fingerprint(finding(FLAGGED, REFERENCE))
    assert fingerprint(finding(spaced, REFERENCE)) == fingerprint(finding(FLAGGED, REFERENCE))


def test_rule_words_and_article_identity_do_matter() -> None:
    base = fingerprint(finding(FLAGGED, REFERENCE))
    assert fingerprint(finding(FLAGGED, REFERENCE, rule="QTY002")) != base
    assert fingerprint(finding(replace(FLAGGED, span="About 430 ships"), REFERENCE)) != base
    assert fingerprint(finding(replace(FLAGGED, article="ledger02"), REFERENCE)) != base  # an edited article


def test_the_same_words_twice_in_one_article_are_two_fingerprints_whatever_the_order() -> None:
    first = finding(evidence("cbs00001", "Biden administration", start=100), rule="ROL005")
    second = finding(evidence("cbs00001", "Biden administration", start=900), rule="ROL005")
    forward = fingerprints([first, second])
    backward = fingerprints([second, first])
    assert forward[0] != forward[1]
    assert forward == backward[::-1]


def test_fingerprints_do_not_depend_on_the_order_of_findings() -> None:
    findings = [
        finding(FLAGGED, REFERENCE),
        finding(evidence("wire0001", "15 million euros"), rule="QTY001"),
        finding(evidence("blank001", "on ,"), rule="MIS001"),
    ]
    forward = dict(zip((f.id for f in findings), fingerprints(findings), strict=True))
    backward = dict(zip((f.id for f in findings[::-1]), fingerprints(findings[::-1]), strict=True))
    assert forward == backward
    assert len(set(forward.values())) == 3
