"""CI output: a one-screen text summary, GitHub workflow annotations, SARIF 2.1.0 and JSON."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import click

from checker import __version__
from checker.ci.baseline import BaselineEntry
from checker.ci.fingerprint import SCHEME
from checker.ci.outcome import STATUSES, Outcome, Row
from checker.ci.outcome import display_path as display
from checker.model import SEVERITIES, Evidence

FORMATS = ("text", "github", "sarif", "json")
CI_JSON_VERSION = 1
SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
NEW_LIMIT = 15  # new findings listed in the text summary, one line each
FIXED_LIMIT = 5

GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


@dataclass(frozen=True)
class TextStyle:
    """How the text summary is laid out: `width` wraps its lines (a terminal's width; None: whole
    lines, never cut, for pipes and logs); `verbosity` -2 to 1 (-qq, -q, default, -v: every finding
    with its evidence, the reviewed ones with their reasons); `colour` marks the severities."""

    width: int | None = None
    verbosity: int = 0
    colour: bool = False


def render(outcome: Outcome, output_format: str, style: TextStyle | None = None) -> str:
    """The report in `output_format` (one of FORMATS), ending with a newline ("" when quiet)."""
    style = style or TextStyle()
    if output_format == "github":
        return github_annotations(outcome) + text_summary(outcome, style)
    if output_format == "sarif":
        return json.dumps(sarif_log(outcome), indent=2, ensure_ascii=False) + "\n"
    if output_format == "json":
        return json.dumps(ci_json(outcome), indent=2, ensure_ascii=False) + "\n"
    return text_summary(outcome, style)


# --- text --------------------------------------------------------------------------------------

SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "blue"}


def _counts(severities: Iterable[str]) -> dict[str, int]:
    listed = list(severities)
    return {s: listed.count(s) for s in SEVERITIES}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _laid_out(text: str, style: TextStyle, indent: int, severity: str = "") -> list[str]:
    """A line of the summary whole, or wrapped at the terminal's width under its first words
    (never cut: the end of a message is often its comparison); the severity word coloured."""
    lines = [text]
    if style.width is not None and len(text) > style.width:
        lines = textwrap.wrap(
            text,
            width=max(style.width, indent + 20),
            subsequent_indent=" " * indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    if style.colour and severity:
        word = click.style(severity, fg=SEVERITY_COLOUR.get(severity), bold=severity == "error")
        lines[0] = lines[0].replace(severity, word, 1)
    return lines


def _finding_lines(row: Row, style: TextStyle) -> list[str]:
    f = row.finding
    text = f"  {f.severity:<7} {f.rule}  {row.where.outlet}  {row.path}:{row.line}  {_one_line(f.message)}"
    lines = _laid_out(text, style, 10, f.severity)
    if style.verbosity > 0:
        if row.reason:
            lines += _laid_out(f"      accepted: {_one_line(row.reason)}", style, 16)
        for e in row.finding.evidence:
            said = "flagged" if e.role == "flagged" else "reference"
            where = f"{display(e.path)}:{e.line}"
            lines += _laid_out(f"      {said:<9} {e.outlet}  {where}  {_one_line(repr(e.span))}", style, 16)
    return lines


def _fixed_lines(entry: BaselineEntry, style: TextStyle) -> list[str]:
    where = f"{entry.path}:{entry.line}"
    text = f"  {entry.severity:<7} {entry.rule}  {entry.outlet}  {where}  {_one_line(repr(entry.span))}"
    return _laid_out(text, style, 10, entry.severity)


def summary_table(outcome: Outcome) -> list[str]:
    rows: list[tuple[str, dict[str, int]]] = []
    if outcome.comparing:
        rows.append(("new", _counts(r.severity for r in outcome.with_status("new"))))
    else:
        rows.append(("findings", _counts(r.severity for r in outcome.rows)))
    if outcome.baseline is not None:
        rows.append(("baselined", _counts(r.severity for r in outcome.with_status("baselined"))))
    if outcome.changed_since is not None:
        rows.append(("outside", _counts(r.severity for r in outcome.with_status("outside"))))
    if outcome.baseline is not None:
        rows.append(("fixed", _counts(e.severity for e in outcome.fixed)))
    lines = [f"{'':<10}" + "".join(f"{s:>9}" for s in SEVERITIES)]
    lines += [f"{label:<10}" + "".join(f"{counts[s]:>9}" for s in SEVERITIES) for label, counts in rows]
    return lines


def text_summary(outcome: Outcome, style: TextStyle | None = None) -> str:
    """One screen: what was compared, counts by severity, then the new findings one each (all of
    them, with their evidence and the reviewed ones too, when verbose; only the findings when quiet;
    nothing when very quiet)."""
    style = style or TextStyle()
    if style.verbosity <= -2:
        return ""
    shown = outcome.with_status("new") if outcome.comparing else outcome.rows
    limit = len(shown) if style.verbosity != 0 else NEW_LIMIT
    listed = [line for r in shown[:limit] for line in _finding_lines(r, style)]
    if style.verbosity < 0:
        return "".join(line + "\n" for line in listed)
    lines = _compared(outcome) + summary_table(outcome)
    if shown:
        lines.append("new findings:" if outcome.comparing else "findings:")
        lines += listed
        if len(shown) > limit:
            more = f"  … and {len(shown) - limit} more (-v lists them all)"
            lines.append(more + (f"; all in {outcome.json_report}" if outcome.json_report else ""))
    if style.verbosity > 0:
        lines += _reviewed(outcome, style)
    lines += _fixed(outcome, style)
    if outcome.written is not None:
        note = f", {outcome.without_reason} without a reason yet" if outcome.without_reason else ""
        lines.append(f"baseline written: {outcome.written} ({outcome.written_entries} findings accepted{note})")
    elif outcome.comparing and outcome.with_status("new"):
        lines.append("review them; accept findings with --write-baseline FILE, then give each entry a reason")
    return "\n".join(lines) + "\n"


def _compared(outcome: Outcome) -> list[str]:
    """What the run was compared with: the change and the baseline."""
    lines = []
    if outcome.changed_since is not None:
        files = outcome.changed_files or []
        lines.append(
            f"changed since {outcome.changed_since}: {len(files)} corpus file{'s' * (len(files) != 1)}, "
            f"{outcome.new_articles or 0} new article{'s' * (outcome.new_articles != 1)} "
            "(only findings involving them count)"
        )
    if outcome.baseline is not None:
        lines.append(f"baseline: {outcome.baseline}")
    return lines


def _reviewed(outcome: Outcome, style: TextStyle) -> list[str]:
    """Verbose: the findings already reviewed, accepted ones with their reason."""
    lines = []
    for title, rows in (
        ("accepted in the baseline:", outcome.with_status("baselined")),
        ("outside the change:", outcome.with_status("outside")),
    ):
        if rows:
            lines.append(title)
            lines += [line for r in rows for line in _finding_lines(r, style)]
    return lines


def _fixed(outcome: Outcome, style: TextStyle) -> list[str]:
    if not outcome.fixed:
        return []
    limit = len(outcome.fixed) if style.verbosity > 0 else FIXED_LIMIT
    lines = ["fixed (in the baseline, no longer found; --write-baseline prunes them):"]
    lines += [line for e in outcome.fixed[:limit] for line in _fixed_lines(e, style)]
    if len(outcome.fixed) > limit:
        lines.append(f"  … and {len(outcome.fixed) - limit} more")
    return lines


# --- GitHub workflow commands ------------------------------------------------------------------


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped (as @actions/core does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, properties: dict[str, str | int], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"


def github_annotations(outcome: Outcome) -> str:
    """An annotation per new finding at the file and line of its flagged words, one per
    unreadable input, and a notice listing what the baseline accepted that is now fixed."""
    lines = [
        workflow_command(
            "error",
            {"file": display(e.path), **({"line": str(e.line)} if e.line else {}), "title": "unreadable input"},
            e.message,
        )
        for e in outcome.errors
    ]
    shown = outcome.with_status("new") if outcome.comparing else outcome.rows
    for row in shown:
        f = row.finding
        message = f"{f.message}\n{row.where.outlet}: {row.where.span!r} (checker fingerprint {row.fingerprint})"
        properties: dict[str, str | int] = {"file": row.path, "line": row.line, "title": f.rule}
        lines.append(workflow_command(GITHUB_LEVEL[f.severity], properties, message))
    if outcome.fixed:
        listed = "; ".join(f"{e.rule} {e.outlet} {e.span!r} ({e.path}:{e.line})" for e in outcome.fixed[:20])
        more = f"; and {len(outcome.fixed) - 20} more" if len(outcome.fixed) > 20 else ""
        count = len(outcome.fixed)
        message = f"{count} baselined finding(s) no longer found: {listed}{more}. --write-baseline prunes them."
        lines.append(workflow_command("notice", {"title": "checker: fixed"}, message))
    return "".join(line + "\n" for line in lines)


# --- SARIF 2.1.0 -------------------------------------------------------------------------------


def _uri(path: str) -> dict[str, str]:
    candidate = Path(path)
    if candidate.is_absolute():
        return {"uri": candidate.as_uri()}
    return {"uri": quote(candidate.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _rule_descriptor(code: str) -> dict[str, Any]:
    from checker.rules import REGISTRY

    rule = REGISTRY.get(code)
    if rule is None:
        return {"id": code, "shortDescription": {"text": code}}
    first = rule.doc.split("\n\n", 1)[0]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(first.split())},
        "help": {"text": rule.doc},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": ["news", rule.category]},
    }


def _location(evidence: Evidence, line: int, number: int | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {}
    if number is not None:
        location["id"] = number
    if evidence.article:  # knowledge-base evidence has no article and no file to point at
        location["physicalLocation"] = {
            "artifactLocation": _uri(display(evidence.path)),
            "region": {"startLine": max(line, 1), "snippet": {"text": evidence.span}},
        }
    source = evidence.outlet if evidence.article else f"{evidence.outlet}: {evidence.sentence}"
    location["message"] = {"text": f"{evidence.role}: {evidence.span!r} ({source})"}
    return location


def _result(row: Row, rule_index: dict[str, int]) -> dict[str, Any]:
    f = row.finding
    related = [
        _location(e, line, number)
        for number, (e, line) in enumerate(zip(f.evidence, row.lines, strict=True), start=1)
        if e is not row.where
    ]
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": SARIF_LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [_location(row.where, row.line)],
        "partialFingerprints": {SCHEME: row.fingerprint},
        "baselineState": "new" if row.status == "new" else "unchanged",
        "properties": {
            "status": row.status,
            "category": f.category,
            "findingId": f.id,
            "outlet": row.where.outlet,
            "values": f.values,
        },
    }
    if related:
        result["relatedLocations"] = related
    if row.status == "baselined":
        justification = row.reason or "accepted in the baseline"
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
    return result


def sarif_log(outcome: Outcome) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run: every rule's metadata, every finding as a result (new,
    or `unchanged` and suppressed when the baseline accepts it), unreadable inputs as notifications."""
    from checker.rules import REGISTRY

    codes = sorted(set(REGISTRY) | {r.finding.rule for r in outcome.rows})
    rule_index = {code: index for index, code in enumerate(codes)}
    notifications = [
        {
            "level": "error",
            "message": {"text": e.message},
            "locations": [{"physicalLocation": {"artifactLocation": _uri(display(e.path))}}],
        }
        for e in outcome.errors
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "checker",
                "fullName": "checker: cross-outlet consistency checker for news",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule_descriptor(code) for code in codes],
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "exitCode": outcome.exit_code,
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(row, rule_index) for row in outcome.rows],
        "properties": {
            "changedSince": outcome.changed_since,
            "changedFiles": outcome.changed_files,
            "baseline": outcome.baseline,
            "fixed": [asdict(e) for e in outcome.fixed],
            "summary": _summary(outcome),
        },
    }
    if outcome.started_at:
        run["invocations"][0]["startTimeUtc"] = outcome.started_at.replace("+00:00", "Z")
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


# --- JSON --------------------------------------------------------------------------------------


def _summary(outcome: Outcome) -> dict[str, Any]:
    return {
        "articles": outcome.articles,
        "stories": outcome.stories,
        "new_articles": outcome.new_articles,
        **{status: _counts(r.severity for r in outcome.with_status(status)) for status in STATUSES},
        "fixed": _counts(e.severity for e in outcome.fixed),
        "unreadable": len(outcome.errors),
    }


def ci_json(outcome: Outcome) -> dict[str, Any]:
    """Every finding with its CI status and fingerprint, the fixed baseline entries and the totals."""
    from checker.report.jsonreport import finding_dict

    return {
        "tool": "checker",
        "version": __version__,
        "ci_json_version": CI_JSON_VERSION,
        "fingerprint": SCHEME,
        "changed_since": outcome.changed_since,
        "changed_files": outcome.changed_files,
        "baseline": outcome.baseline,
        "exit_code": outcome.exit_code,
        "summary": _summary(outcome),
        "findings": [
            {
                "status": row.status,
                "fingerprint": row.fingerprint,
                "reason": row.reason or None,
                "outlet": row.where.outlet,
                "path": row.path,
                "line": row.line,
                "span": row.where.span,
                **finding_dict(row.finding),
            }
            for row in outcome.rows
        ],
        "fixed": [asdict(e) for e in outcome.fixed],
        "errors": [{"path": e.path, "message": e.message} for e in outcome.errors],
    }
