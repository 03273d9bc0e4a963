"""The baseline file: findings a newsroom has reviewed and accepts, by fingerprint, each with a reason.

    {"tool": "checker", "baseline_version": 1, "fingerprint": "checker/v1",
     "findings": [{"fingerprint": "…", "rule": "ROL005", "severity": "error", "outlet": "CBS News",
                   "path": "corpora/seeds/001_….txt", "line": 11, "span": "Biden administration",
                   "article": "ced60cc5bc56ecef", "message": "…", "reason": "why it is accepted"}]}

Only `fingerprint` is matched; the other fields are there for the reviewer (and `reason` is kept
when the baseline is written again). Entries are sorted by path, line, rule and fingerprint, and
nothing in the file depends on the time of the run, so a rewrite only shows real changes in a diff.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from checker.ci.fingerprint import SCHEME

BASELINE_VERSION = 1


class BaselineError(ValueError):
    """The file is not a checker baseline (or cannot be read)."""


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    rule: str
    severity: str
    outlet: str
    path: str
    line: int
    span: str
    article: str
    message: str
    reason: str = ""

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line, self.rule, self.fingerprint)


def read_baseline(path: Path) -> dict[str, BaselineEntry]:
    """fingerprint -> entry. Raises BaselineError with a plain message for anything unusable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise BaselineError(f"{path}: not JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("tool") != "checker" or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a checker baseline (write one with --write-baseline)")
    if data.get("baseline_version") != BASELINE_VERSION:
        raise BaselineError(f"{path}: baseline version {data.get('baseline_version')!r}, expected {BASELINE_VERSION}")
    entries: dict[str, BaselineEntry] = {}
    for number, raw in enumerate(data["findings"], start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("fingerprint"), str) or not raw["fingerprint"]:
            raise BaselineError(f"{path}: entry {number} has no fingerprint")
        entries[raw["fingerprint"]] = _entry(raw)
    return entries


def _entry(raw: Mapping[str, Any]) -> BaselineEntry:
    def text(key: str) -> str:
        value = raw.get(key)
        return value if isinstance(value, str) else ""

    line = raw.get("line")
    return BaselineEntry(
        fingerprint=raw["fingerprint"],
        rule=text("rule"),
        severity=text("severity"),
        outlet=text("outlet"),
        path=text("path"),
        line=line if isinstance(line, int) and not isinstance(line, bool) else 1,
        span=text("span"),
        article=text("article"),
        message=text("message"),
        reason=text("reason"),
    )


def dumps_baseline(entries: Iterable[BaselineEntry]) -> str:
    document = {
        "tool": "checker",
        "baseline_version": BASELINE_VERSION,
        "fingerprint": SCHEME,
        "about": "Reviewed findings that `checker check --baseline FILE` accepts; see the README, section CI.",
        "findings": [asdict(e) for e in sorted(entries, key=BaselineEntry.sort_key)],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path, entries: Iterable[BaselineEntry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(dumps_baseline(entries), encoding="utf-8")
    temporary.replace(path)
