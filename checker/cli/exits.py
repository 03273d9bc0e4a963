"""The command's exit codes: 0 no finding at or above --fail-on; 1 there are; 2 usage error, or
some input could not be read."""

from __future__ import annotations

from checker.model import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def exit_code(findings: list, errors: list, fail_on: str) -> int:
    if errors:
        return EXIT_INPUT
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_RANK[fail_on]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else EXIT_OK
