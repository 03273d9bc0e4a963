"""Corpora and rendered reports shared by the HTML and ClaimReview tests.

`bridge` is a small constructed story (three outlets, one planted quantity divergence, one
blank); `xss` is the same story with one article whose title, outlet, URL and text are attack
strings. Reports are rendered once per session.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.pipeline import RunResult, check
from checker.report.html import write_html
from tests.conftest import SEEDS

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_ATTR = "'\"><svg onload=window.__xss=1>"

BRIDGE = {
    "meridian.txt": """---
title: Harbour bridge reopens after repairs
outlet: Daily Meridian
published: 2024-03-14
url: https://dailymeridian.test/bridge
---
The Harbour Bridge in Port Alder reopened on Thursday after eight months of repairs.
The repairs cost 42 million euros, the city council said.
About 30,000 vehicles cross the bridge every day.
Mayor Lena Vos called the reopening "a good day for everyone who lives here".
""",
    "nordic.txt": """---
title: Port Alder bridge back in service
outlet: Nordic Post
published: 2024-03-14
url: https://nordicpost.test/bridge
---
The Harbour Bridge in Port Alder reopened on Thursday after eight months of repairs.
The repairs cost 42 million euros, according to the city council.
Around 30,000 vehicles use the bridge every day.
Mayor Lena Vos said it was "a good day for everyone who lives here".
""",
    "gazette.txt": """---
title: Bridge reopening ends months of detours
outlet: Harbour Gazette
published: 2024-03-14
url: javascript:alert(1)
---
The Harbour Bridge in Port Alder reopened on Thursday after eight months of repairs.
The repairs cost 48 million euros, the city council said.
About 30,000 vehicles cross the bridge every day, officials said in an interview on , .
Mayor Lena Vos called the reopening "a good day for everyone who lives here".
""",
}

EVIL = f"""---
title: {XSS_SCRIPT}Bridge reopens {XSS_IMG} {XSS_ATTR}
outlet: {XSS_SCRIPT}{XSS_IMG}
published: 2024-03-14
url: javascript:alert(1)
---
The Harbour Bridge in Port Alder reopened on Thursday after eight months of repairs {XSS_SCRIPT}.
The repairs cost 48 million euros {XSS_IMG}, the city council said.
About 30,000 vehicles cross the bridge every day, officials said in an interview on , .
Mayor Lena Vos called the reopening "a good day for everyone who lives here" {XSS_ATTR}.
"""


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def seed_result() -> RunResult:
    return check([SEEDS])


@pytest.fixture(scope="session")
def bridge_result(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    return check([write_corpus(tmp_path_factory.mktemp("bridge"), BRIDGE)])


@pytest.fixture(scope="session")
def xss_result(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    files = {
        "meridian.txt": BRIDGE["meridian.txt"],
        "nordic.txt": BRIDGE["nordic.txt"],
        "evil.txt": EVIL,
    }
    return check([write_corpus(tmp_path_factory.mktemp("xss"), files)])


@pytest.fixture(scope="session")
def seed_report(seed_result: RunResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("seed-report")
    write_html(seed_result, directory)
    return directory


@pytest.fixture(scope="session")
def bridge_report(bridge_result: RunResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("bridge-report")
    write_html(bridge_result, directory)
    return directory


@pytest.fixture(scope="session")
def xss_report(xss_result: RunResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("xss-report")
    write_html(xss_result, directory)
    return directory


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOW = "install Debian's chromium (apt-get install chromium) to run the browser tests"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright, one for the session's browser tests (a second
    Playwright in the same process fails, so every module shares this one)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: {HOW}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip(f"the playwright package is missing: pip install playwright, then {HOW}")
    manager = sync_playwright().start()
    try:
        launched = manager.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as exc:
        manager.stop()
        pytest.skip(f"Playwright cannot launch {CHROMIUM} ({exc.__class__.__name__}): {HOW}")
    yield launched
    launched.close()
    manager.stop()
