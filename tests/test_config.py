"""Configuration: every key typed and bounded, unknown keys named, [tool.checker] in either file."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import ConfigError, Settings, load_settings


def settings_of(tmp_path: Path, text: str, name: str = "checker.toml") -> Settings:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


GOOD = """fail-on = "warning"
select = ["QTY001"]
ignore = ["QUO001"]
quantity-tolerance = 0.02
published-tolerance-days = 10
max-file-mb = 5
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("checker.toml", GOOD),
        ("checker.toml", "[tool.checker]\n" + GOOD),  # as the README shows it for pyproject.toml
        ("pyproject.toml", "[project]\nname = 'x'\n\n[tool.checker]\n" + GOOD),
        ("other.toml", GOOD),
    ],
)
def test_the_same_settings_wherever_they_are_written(tmp_path: Path, name: str, text: str) -> None:
    settings = settings_of(tmp_path, text, name)
    assert settings.fail_on == "warning"
    assert settings.rules.select == {"QTY001"} and settings.rules.ignore == {"QUO001"}
    assert settings.rules.quantity_tolerance == 0.02
    assert settings.rules.published_tolerance_days == 10
    assert settings.max_bytes == 5_000_000


def test_severity_table_in_tool_checker(tmp_path: Path) -> None:
    settings = settings_of(tmp_path, '[tool.checker]\nfail-on = "info"\n\n[tool.checker.severity]\nENT001 = "info"\n')
    assert settings.rules.severity == {"ENT001": "info"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('fail_on = "error"', ["fail_on", "did you mean fail-on"]),
        ("colour = 1", ["colour", "unknown key"]),
        ('quantity-tolerance = "x"', ["quantity-tolerance", "a number", "'x'"]),
        ("quantity-tolerance = 5", ["quantity-tolerance", "at most 1"]),
        ("quantity-tolerance = -0.1", ["quantity-tolerance", "at least 0"]),
        ("quantity-tolerance = nan", ["quantity-tolerance"]),
        ("max-file-mb = 1e400", ["max-file-mb", "at most 1024", "inf"]),
        ('max-file-mb = "big"', ["max-file-mb", "a number", "'big'"]),
        ("max-file-mb = 0", ["max-file-mb", "above 0"]),
        ("max-file-mb = true", ["max-file-mb", "a number"]),
        ("max-file-mb = " + "9" * 40, ["max-file-mb", "a number that large"]),
        ("published-tolerance-days = 1.5", ["published-tolerance-days", "a whole number"]),
        ("published-tolerance-days = -1", ["published-tolerance-days", "at least 0"]),
        ('published-tolerance-days = "30"', ["published-tolerance-days", "a whole number"]),
        ('select = "QTY001"', ["select", "a list of rule codes"]),
        ("ignore = [1]", ["ignore", "a list of rule codes"]),
        ('ignore = ["NOPE99"]', ["ignore", "NOPE99"]),
        ("fail-on = 1", ["fail-on"]),
        ('severity = "info"', ["severity", "a table"]),
        ('[severity]\nENT001 = "loud"', ["severity.ENT001", "one of error, warning, info"]),
        ('[severity]\nNOPE99 = "info"', ["severity", "NOPE99"]),
        ('[tool.checker]\nfail-on = "error"\n[tool.ruff]\nline-length = 1', ["tool.ruff", "not both"]),
        ('fail-on = "error"\n[tool.checker]\nselect = []', ["fail-on", "not both"]),
        ("tool = 3", ["tool", "a table"]),
        ("[tool]\nchecker = 3", ["tool.checker", "a table"]),
        ("[tool.checker]\nmax-file-mb = 'big'", ["tool.checker.max-file-mb", "a number"]),
        ("this is not toml", ["not valid TOML"]),
        ("a = " + "9" * 5000, ["not valid TOML", "too long"]),
    ],
)
def test_a_bad_value_is_an_error_naming_the_file_and_key(tmp_path: Path, text: str, names: list[str]) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_of(tmp_path, text)
    message = str(caught.value)
    assert message.startswith(str(tmp_path / "checker.toml"))
    for name in names:
        assert name in message
    assert "\n" not in message and len(message) < 300


def test_pyproject_keys_are_named_with_their_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"tool\.checker\.quantity-tolerance: must be a number"):
        settings_of(tmp_path, '[tool.checker]\nquantity-tolerance = "x"\n', "pyproject.toml")


def test_a_config_file_that_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "checker.toml"
    path.write_bytes(b"fail-on = '\xff\xfe'\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_settings(path)
