"""Configuration from `[tool.checker]` in pyproject.toml, or a `checker.toml` (see the README)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.model import SEVERITIES
from checker.rules import REGISTRY, RuleConfig


class ConfigError(ValueError):
    """A configuration value that cannot be used; the message names the file and key."""


@dataclass
class Settings:
    rules: RuleConfig = field(default_factory=RuleConfig)
    fail_on: str = "error"
    max_bytes: int = 20_000_000
    source: str = "defaults"


def find_config(start: Path) -> Path | None:
    """checker.toml, or a pyproject.toml with [tool.checker], in `start` or a parent."""
    for folder in [start, *start.parents]:
        if (folder / "checker.toml").is_file():
            return folder / "checker.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "tool" in (data := _read(pyproject)) and "checker" in data["tool"]:
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def load_settings(path: Path | None = None) -> Settings:
    path = path or find_config(Path.cwd())
    if path is None:
        return Settings()
    data = _read(path)
    table = data.get("tool", {}).get("checker", {}) if path.name == "pyproject.toml" else data
    return settings_from(table, str(path))


def settings_from(table: dict[str, Any], source: str) -> Settings:
    def codes(key: str) -> set[str]:
        values = {str(v).upper() for v in table.get(key, [])}
        unknown = sorted(values - set(REGISTRY))
        if unknown:
            raise ConfigError(f"{source}: {key}: unknown rule code(s) {', '.join(unknown)}")
        return values

    severity = {}
    for code, value in table.get("severity", {}).items():
        if code.upper() not in REGISTRY:
            raise ConfigError(f"{source}: severity: unknown rule code {code}")
        if value not in SEVERITIES:
            raise ConfigError(f"{source}: severity.{code}: must be one of {', '.join(SEVERITIES)}")
        severity[code.upper()] = value
    fail_on = table.get("fail-on", "error")
    if fail_on not in (*SEVERITIES, "never"):
        raise ConfigError(f"{source}: fail-on must be error, warning, info or never")
    rules = RuleConfig(
        select=codes("select") or None,
        ignore=codes("ignore"),
        severity=severity,
        quantity_tolerance=float(table.get("quantity-tolerance", 0.0)),
        published_tolerance_days=int(table.get("published-tolerance-days", 30)),
    )
    return Settings(
        rules=rules, fail_on=fail_on, max_bytes=int(table.get("max-file-mb", 20) * 1_000_000), source=source
    )
