"""Configuration from `[tool.checker]` in pyproject.toml, or a `checker.toml` (see the README)."""

from __future__ import annotations

import difflib
import math
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.model import SEVERITIES, Severity
from checker.rules import REGISTRY, RuleConfig


class ConfigError(ValueError):
    """A configuration value that cannot be used; the message names the file and key."""


@dataclass
class Settings:
    rules: RuleConfig = field(default_factory=RuleConfig)
    fail_on: str = "error"
    max_bytes: int = 20_000_000
    source: str = "defaults"


KEYS = (
    "fail-on",
    "select",
    "ignore",
    "severity",
    "quantity-tolerance",
    "published-tolerance-days",
    "max-file-mb",
)
MAX_FILE_MB = 1024  # the size cap's own cap: a file is read whole, and a bigger cap is a typo
MAX_TOLERANCE_DAYS = 3650


def find_config(start: Path) -> Path | None:
    """checker.toml, or a pyproject.toml with [tool.checker], in `start` or a parent."""
    for folder in [start, *start.parents]:
        if (folder / "checker.toml").is_file():
            return folder / "checker.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            tool = _read(pyproject).get("tool")
            if isinstance(tool, dict) and "checker" in tool:
                return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text, so not TOML ({exc.reason} at byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except ValueError as exc:  # an integer literal of more digits than Python converts
        raise ConfigError(f"{path}: not valid TOML: a number too long to read") from exc


def load_settings(path: Path | None = None) -> Settings:
    path = path or find_config(Path.cwd())
    if path is None:
        return Settings()
    table, prefix = checker_table(_read(path), str(path), pyproject=path.name == "pyproject.toml")
    return settings_from(table, str(path), prefix)


def checker_table(data: dict[str, Any], source: str, pyproject: bool) -> tuple[dict[str, Any], str]:
    """The checker's table of a TOML document, with the prefix of its keys in messages: [tool.checker]
    of a pyproject.toml; in a checker.toml, the top level or, as in pyproject.toml, [tool.checker]."""
    if not pyproject and "tool" not in data:
        return data, ""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{source}: tool: must be a table")
    table = tool.get("checker", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: tool.checker: must be a table")
    if not pyproject:
        others = sorted(k for k in data if k != "tool") + sorted(f"tool.{k}" for k in tool if k != "checker")
        if others:
            raise ConfigError(
                f"{source}: {others[0]}: unknown key; a checker.toml holds the settings either at the top level "
                "or under [tool.checker], not both"
            )
    return table, "tool.checker."


def settings_from(table: dict[str, Any], source: str, prefix: str = "") -> Settings:
    """Settings from the checker's table; an unknown key or a value of the wrong type or out of
    range raises ConfigError naming the file and the key."""

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{source}: {prefix}{key}: {message}")

    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"; did you mean {close[0]}?" if close else f" (known: {', '.join(KEYS)})"
            raise fail(key, f"unknown key{hint}")

    def codes(key: str) -> set[str]:
        values = table.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise fail(key, 'must be a list of rule codes, like ["QTY001"]')
        found = {v.upper() for v in values}
        unknown = sorted(found - set(REGISTRY))
        if unknown:
            raise fail(key, f"unknown rule code(s) {', '.join(unknown)}")
        return found

    fail_on = table.get("fail-on", "error")
    if fail_on not in (*SEVERITIES, "never"):
        raise fail("fail-on", "must be error, warning, info or never")
    rules = RuleConfig(
        select=codes("select") or None,
        ignore=codes("ignore"),
        severity=_severities(table.get("severity", {}), fail),
        quantity_tolerance=_number(table, "quantity-tolerance", 0.0, 0.0, 1.0, fail),
        published_tolerance_days=int(
            _number(table, "published-tolerance-days", 30, 0, MAX_TOLERANCE_DAYS, fail, integer=True)
        ),
    )
    max_mb = _number(table, "max-file-mb", 20, 0, MAX_FILE_MB, fail, above_low=True)
    return Settings(rules=rules, fail_on=fail_on, max_bytes=int(max_mb * 1_000_000), source=source)


def _severities(values: object, fail: Callable[[str, str], ConfigError]) -> dict[str, Severity]:
    if not isinstance(values, dict):
        raise fail("severity", 'must be a table of rule code = severity, like [tool.checker.severity] ENT001 = "info"')
    severity: dict[str, Severity] = {}
    for code, value in values.items():
        if code.upper() not in REGISTRY:
            raise fail("severity", f"unknown rule code {code}")
        if value not in SEVERITIES:
            raise fail(f"severity.{code}", f"must be one of {', '.join(SEVERITIES)}")
        severity[code.upper()] = value
    return severity


def _number(
    table: dict[str, Any],
    key: str,
    default: float,
    low: float,
    high: float,
    fail: Callable[[str, str], ConfigError],
    integer: bool = False,
    above_low: bool = False,
) -> float:
    """A number of the table in [low, high] ((low, high] with `above_low`): TOML strings, booleans,
    infinities and NaN are refused, not converted (a string "big" times 1e6 is a memory bomb)."""
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
        raise fail(key, f"must be {'a whole number' if integer else 'a number'}, not {_shown(value)}")
    bounds = f"{'above' if above_low else 'at least'} {low:g} and at most {high:g}"
    if not math.isfinite(value) or value > high or value < low or (above_low and value == low):
        raise fail(key, f"must be {bounds}, not {_shown(value)}")
    return float(value)


def _shown(value: object) -> str:
    """A value for a message: a huge integer is not printed (past 4300 digits Python refuses to)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        return "a number that large"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
