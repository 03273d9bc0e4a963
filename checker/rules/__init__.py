"""The rules stage: small units that turn claims into findings.

Each rule is a function registered with `@rule(code, name, category, severity)`; its docstring's
first line is the summary `checker rules` lists and the whole docstring is what
`checker explain CODE` prints. Add a rule by writing one in a module below and importing the
module at the end of this file (see docs/architecture.md: "Adding a rule").
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.model import SEVERITY_RANK, Finding
from checker.rules.base import Flag, Rule, RuleConfig, StoryContext
from checker.rules.registry import REGISTRY, CheckFunction, rule


def get(code: str) -> Rule:
    return REGISTRY[code.upper()]


def all_rules() -> list[Rule]:
    return [REGISTRY[code] for code in sorted(REGISTRY)]


def run_rules(ctx: StoryContext, only: set[str] | None = None) -> list[Finding]:
    """Every enabled rule (or just those in `only`) over one story, findings in a deterministic order."""
    findings: list[Finding] = []
    for current in all_rules():
        if ctx.config.enabled(current.code) and (only is None or current.code in only):
            findings.extend(current.findings(ctx))
    return sort_findings(dedupe(findings))


def dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[str] = set()
    unique = []
    for finding in findings:
        if finding.id not in seen:
            seen.add(finding.id)
            unique.append(finding)
    return unique


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    def key(f: Finding) -> tuple[int, str, str, int, str]:
        first = f.flagged[0] if f.flagged else f.evidence[0]
        return (-SEVERITY_RANK[f.severity], first.path, first.article, first.start, f.rule)

    return sorted(findings, key=key)


# Rule modules register themselves on import.
from checker.rules import attribution, dates, entity, missing, quantity, roles, titles  # noqa: E402

__all__ = [
    "REGISTRY",
    "CheckFunction",
    "Flag",
    "Rule",
    "RuleConfig",
    "StoryContext",
    "all_rules",
    "attribution",
    "dates",
    "entity",
    "get",
    "missing",
    "quantity",
    "roles",
    "rule",
    "run_rules",
    "titles",
]
